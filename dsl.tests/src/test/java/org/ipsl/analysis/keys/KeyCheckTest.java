package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.analysis.keys.KeyAlgorithm.AES128;
import static org.ipsl.analysis.keys.KeyAlgorithm.AES128_GCM16;
import static org.ipsl.analysis.keys.KeyAlgorithm.AES256;
import static org.ipsl.analysis.keys.KeyAlgorithm.DES;
import static org.ipsl.analysis.keys.KeyAlgorithm.HMAC_MD5;
import static org.ipsl.analysis.keys.KeyAlgorithm.HMAC_SHA1;
import static org.ipsl.analysis.keys.KeyAlgorithm.NULL;
import static org.ipsl.analysis.keys.KeyAlgorithm.TRIPLE_DES;

import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyCheckTest {

	/** Three random DES keys, none weak, all different. */
	static final String K1 = "9bdfb78470987fd9";
	static final String K2 = "b4fdb2a0c4ef416e";
	static final String K3 = "c1a37c0f3aa78d43";

	/** The 4 weak and 12 semi-weak DES keys, odd parity (FIPS 74, NIST SP 800-67). */
	static Stream<String> weakDesKeys() {
		return Stream.of(
				"0101010101010101", "fefefefefefefefe", "e0e0e0e0f1f1f1f1", "1f1f1f1f0e0e0e0e",
				"01fe01fe01fe01fe", "fe01fe01fe01fe01", "1fe01fe00ef10ef1", "e01fe01ff10ef10e",
				"01e001e001f101f1", "e001e001f101f101", "1ffe1ffe0efe0efe", "fe1ffe1ffe0efe0e",
				"011f011f010e010e", "1f011f010e010e01", "e0fee0fef1fef1fe", "fee0fee0fef1fef1");
	}

	/** Each weak key as tabled, with every parity bit flipped, and with every parity bit cleared. */
	static Stream<String> weakDesKeysWhateverTheirParity() {
		return weakDesKeys().flatMap(key -> Stream.of(key, mapBytes(key, b -> b ^ 1), mapBytes(key, b -> b & 0xfe)));
	}

	static String mapBytes(String hex, IntUnaryOperator change) {
		byte[] bytes = HexFormat.of().parseHex(hex);
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) change.applyAsInt(Byte.toUnsignedInt(bytes[i]));
		}
		return HexFormat.of().formatHex(bytes);
	}

	static Optional<String> code(KeyAlgorithm algorithm, String key) {
		return KeyCheck.check(algorithm, key).map(f -> f.code().id());
	}

	@Test
	void theTabledKeysAreSixteenAndTheirParityFlippedFormsAreSixteenOthers() {
		Set<String> tabled = weakDesKeys().collect(Collectors.toSet());
		Set<String> flipped = weakDesKeys().map(key -> mapBytes(key, b -> b ^ 1)).collect(Collectors.toSet());
		assertThat(tabled).hasSize(16);
		assertThat(flipped).hasSize(16).doesNotContainAnyElementsOf(tabled);
	}

	/** The keys of examples/keys/vault.ipsl, with the code its markers expect, or "" when clean. */
	@ParameterizedTest
	@CsvSource({
			"aes128,      0xb318293bee58ee82420673cb9fce1f41, ''",
			"hmac-sha256, 0x78a99e3c3a07dd34ef6c792c218eb38f449a694abbb5ee05ba01eb6b68bad777, ''",
			"aes128,      0xdb1b1e0c72857733e75965135be5fa24, ''",
			"hmac-sha256, 0x827ce09527b1d15f8e9ef6e4edde7a1d5049f54366ceb7558cb6826c72a6ab34, ''",
			"3des,        0x9bdfb78470987fd9b4fdb2a0c4ef416ec1a37c0f3aa78d43, ''",
			"hmac-sha1,   0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f, ''",
			"3des,        0x0123456789abcdef0123456789abcdef89abcdef01234567, weak-key",
			"hmac-sha1,   0xeca220e05b7bae2cfc75cff30d45f998f921744e, ''",
			"des,         0x0101010101010101, weak-key",
			"hmac-md5,    0x1c18fb62ee50aa2f2777a87d2b3dc11d, ''",
			"aes128,      0xdce48ff17f1e72d8af95c38e18e158, key-length",
			"hmac-md5,    0x00000000000000000000000000000000, low-entropy-key",
			"aes128,      0x89fd071ec1eab2f77fc62e143da182ff, ''",
			"hmac-sha1,   0xad18b0db19b8a4facd1bdd55bfcce2bfe50581e5, ''",
			"aes128,      0xabcc5942e3a44fdcf03c5dd5c9be3d43, ''",
			"hmac-sha1,   0x1c18fb62ee50aa2f2777a87d2b3dc11d70bdc813, ''",
			// LANGUAGE.md's example and the peers example
			"3des,        0xef5da9745d0b6fccf07b71ba9fc2241656af5114a2b7a1be, ''",
			"aes128,      0x833da2015b8e9c473a43171221fecdaf, ''",
			"hmac-sha1,   0xd7f3b2f88e61ca576063da5d1cfb464c20a65df5, ''",
			"aes128,      0xdeef2797cff08b2e838809f480fa361b, ''",
			"hmac-sha1,   0x0152b6db12f478264bef842ba3a24f6cfee6ec7c, ''",
			"aes128,      0xae5c8df9202abb8397e193fc2078e0bb, ''"})
	void theExampleKeysGetWhatTheirMarkersSay(String algorithm, String key, String expected) {
		KeyAlgorithm alg = KeyAlgorithm.encryption(algorithm).or(() -> KeyAlgorithm.authentication(algorithm))
				.orElseThrow();
		assertThat(code(alg, key)).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = {"0x", "0xg0123456789abcd", "0123456789abcdef", "x0123456789abcdef", "",
			"0x0123456789abcdeg", "0x-123456789abcdef", "00x123456789abcde", "hunter2hunter2"})
	void aKeyThatIsNotZeroXAndHexDigitsIsAnInvalidValue(String key) {
		assertThat(KeyCheck.check(DES, key)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("invalid-value");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
		});
	}

	@Test
	void upperCaseHexAndPrefixAreAccepted() {
		assertThat(KeyCheck.check(AES128, "0XB318293BEE58EE82420673CB9FCE1F41")).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = KeyAlgorithm.class, names = "NULL", mode = EnumSource.Mode.EXCLUDE)
	void everyKeyedAlgorithmTakesExactlyItsLength(KeyAlgorithm algorithm) {
		String exact = KeyGenerator.freshKey(algorithm, new java.security.SecureRandom());
		assertThat(KeyCheck.check(algorithm, exact)).isEmpty();
		for (String wrong : new String[]{exact.substring(0, exact.length() - 2), exact.substring(0, exact.length() - 1),
				exact + "a", exact + "ab"}) {
			assertThat(KeyCheck.check(algorithm, wrong)).hasValueSatisfying(f -> {
				assertThat(f.code().id()).isEqualTo("key-length");
				assertThat(f.severity()).isEqualTo(Severity.ERROR);
				assertThat(f.message()).contains(algorithm.hexDigits() + " hex digits")
						.contains((wrong.length() - 2) + " are given");
			});
		}
	}

	@Test
	void theLengthMessageSaysWhatIsExpectedAndWhatWasGiven() {
		assertThat(KeyCheck.check(AES128, "0xdce48ff17f1e72d8af95c38e18e158")).map(Finding::message)
				.hasValueSatisfying(
						m -> assertThat(m).startsWith("aes128 takes a key of 32 hex digits (16 bytes); 30 are given"));
		assertThat(KeyCheck.check(AES128_GCM16, "0x" + "5a3c".repeat(8))).map(Finding::message)
				.hasValueSatisfying(m -> assertThat(m).contains("40 hex digits").contains("4-byte salt"));
		assertThat(KeyCheck.check(HMAC_SHA1, "0x1")).map(Finding::message)
				.hasValueSatisfying(m -> assertThat(m).contains("1 is given"));
	}

	@Test
	void nullEncryptionTakesNoKeyAndOthersNeedOne() {
		assertThat(KeyCheck.check(NULL, null)).isEmpty();
		assertThat(code(NULL, "0xb318293bee58ee82420673cb9fce1f41")).hasValue("key-length");
		assertThat(KeyCheck.check(AES128, null)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("key-length");
			assertThat(f.message()).contains("none is given");
		});
	}

	@Test
	void invalidValueComesBeforeKeyLength() {
		assertThat(code(AES256, "0x12z")).hasValue("invalid-value");
	}

	@Test
	void keyLengthComesBeforeWeakness() {
		assertThat(code(DES, "0x01010101010101")).hasValue("key-length");
		assertThat(code(AES128, "0x0101010101010101")).hasValue("key-length");
	}

	@ParameterizedTest
	@MethodSource("weakDesKeysWhateverTheirParity")
	void everyWeakAndSemiWeakDesKeyIsWeakWhateverItsParity(String key) {
		assertThat(KeyCheck.check(DES, "0x" + key)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("weak-key");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
		});
	}

	static Stream<Arguments> weakKeyInEachThird() {
		return weakDesKeysWhateverTheirParity().flatMap(weak -> Stream.of(
				Arguments.of(weak + K2 + K3, "first"),
				Arguments.of(K1 + weak + K3, "second"),
				Arguments.of(K1 + K2 + weak, "third")));
	}

	@ParameterizedTest
	@MethodSource("weakKeyInEachThird")
	void aThreeDesKeyWithAWeakThirdIsWeak(String key, String third) {
		assertThat(KeyCheck.check(TRIPLE_DES, "0x" + key)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("weak-key");
			assertThat(f.message()).contains("the " + third + " 8 bytes");
		});
	}

	@Test
	void aThreeDesKeyWhoseThirdsRepeatFallsBackToDes() {
		assertThat(code(TRIPLE_DES, "0x" + K1 + K1 + K3)).hasValue("weak-key");
		assertThat(code(TRIPLE_DES, "0x" + K1 + K2 + K2)).hasValue("weak-key");
		assertThat(code(TRIPLE_DES, "0x" + K1 + K1 + K1)).hasValue("weak-key");
		// DES ignores parity bits: thirds that differ only there are the same key
		assertThat(code(TRIPLE_DES, "0x" + K1 + mapBytes(K1, b -> b ^ 1) + K3)).hasValue("weak-key");
		assertThat(code(TRIPLE_DES, "0x" + K1 + K2 + mapBytes(K2, b -> b & 0xfe))).hasValue("weak-key");
	}

	@Test
	void twoKeyThreeDesWithKOneEqualToKThreeIsAccepted() {
		assertThat(KeyCheck.check(TRIPLE_DES, "0x" + K1 + K2 + K1)).isEmpty();
	}

	@Test
	void desWeaknessIsNotLookedForInOtherAlgorithms() {
		// all 16 bytes are 0x01fe pairs: a semi-weak DES key twice, but this is an aes128 key; it is
		// guessable (period 2) and says so
		assertThat(code(AES128, "0x01fe01fe01fe01fe01fe01fe01fe01fe")).hasValue("low-entropy-key");
	}

	@Test
	void weakKeyIsReportedInsteadOfLowEntropy() {
		assertThat(code(DES, "0x0000000000000000")).hasValue("weak-key");
		assertThat(code(TRIPLE_DES, "0x" + "00".repeat(24))).hasValue("weak-key");
	}

	@ParameterizedTest
	@CsvSource({
			"aes128,    00000000000000000000000000000000",
			"aes128,    ffffffffffffffffffffffffffffffff",
			"aes128,    5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a",
			"aes128,    5ac35ac35ac35ac35ac35ac35ac35ac3",
			"hmac-sha1, 5ac3e75ac3e75ac3e75ac3e75ac3e75ac3e75ac3",
			"aes128,    5ac3e7115ac3e7115ac3e7115ac3e711",
			"hmac-md5,  deadbeefdeadbeefdeadbeefdeadbeef",
			"aes256,    9bdfb7849bdfb7849bdfb7849bdfb7849bdfb7849bdfb7849bdfb7849bdfb784"})
	void bytesRepeatingWithAPeriodOfFourOrLessAreGuessable(String algorithm, String key) {
		KeyAlgorithm alg = KeyAlgorithm.encryption(algorithm).or(() -> KeyAlgorithm.authentication(algorithm))
				.orElseThrow();
		assertThat(KeyCheck.check(alg, "0x" + key)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("low-entropy-key");
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
		});
	}

	@Test
	void aPeriodOfFiveBytesIsNotFlagged() {
		assertThat(KeyCheck.check(HMAC_SHA1, "0x" + "5ac3e7119d".repeat(4))).isEmpty();
		assertThat(KeyCheck.check(AES128, "0x" + "5ac3e7119d".repeat(3) + "5a")).isEmpty();
	}

	@Test
	void aRepeatBrokenByOneByteIsNotFlagged() {
		assertThat(KeyCheck.check(HMAC_MD5, "0x" + "00".repeat(15) + "01")).isEmpty();
		assertThat(KeyCheck.check(HMAC_MD5, "0x01" + "00".repeat(15))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({
			"aes128,      00112233445566778899aabbccddeeff",
			"aes128,      0102030405060708090a0b0c0d0e0f10",
			"aes128,      fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0",
			"aes128,      f8f9fafbfcfdfeff0001020304050607",
			"des,         0123456789abcdef",
			"hmac-sha256, 000306090c0f1215181b1e2124272a2d303336393c3f4245484b4e5154575a5d",
			"hmac-sha1,   101f2e3d4c5b6a798897a6b5c4d3e2f1000f1e2d"})
	void bytesCountingInEqualStepsAreGuessable(String algorithm, String key) {
		KeyAlgorithm alg = KeyAlgorithm.encryption(algorithm).or(() -> KeyAlgorithm.authentication(algorithm))
				.orElseThrow();
		assertThat(code(alg, "0x" + key)).hasValue("low-entropy-key");
	}

	@Test
	void aCountWithOneStepOutOfLineIsNotFlagged() {
		assertThat(KeyCheck.check(AES128, "0x00112233445566778899aabbccddeef0")).isEmpty();
		assertThat(KeyCheck.check(AES128, "0x0102030405060708090a0b0c0d0e0f11")).isEmpty();
	}
}
