package org.ipsl.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.runtime.TestPackets.concat;
import static org.ipsl.runtime.TestPackets.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFCs' and the GCM specification's test vectors, through {@link SaCrypto} exactly as ESP and
 * AH call it: ranges inside one buffer, IV and AAD beside the data, ICVs truncated.
 */
class SaCryptoKnownAnswerTest {

	/** Plaintext bytes that lie in the output buffer before encryption, as ESP's padding and trailer do. */
	private static final int TRAILER = 5;

	record CbcCase(String name, String key, String iv, byte[] plaintext, String ciphertext) {
		@Override
		public String toString() {
			return name;
		}
	}

	/** RFC 3602 section 4, cases 1-4 (AES-128-CBC). */
	static Stream<CbcCase> rfc3602() {
		return Stream.of(
				new CbcCase("RFC 3602 case 1", "06a9214036b8a15b512e03d534120006", "3dafba429d9eb430b422da802c9fac41",
						ascii("Single block msg"), "e353779c1079aeb82708942dbe77181a"),
				new CbcCase("RFC 3602 case 2", "c286696d887c9aa0611bbb3e2025a45a", "562e17996d093d28ddb3ba695a2e6f58",
						hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
						"d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1"),
				new CbcCase("RFC 3602 case 3", "6c3ea0477630ce21a2ce334aa746c2cd", "c782dc4c098c66cbd9cd27d825682c81",
						ascii("This is a 48-byte message (exactly 3 AES blocks)"),
						"d0a02b3836451753d493665d33f0e8862dea54cdb293abc7506939276772f8d5021c19216bad525c8579695d83ba2684"),
				new CbcCase("RFC 3602 case 4", "56e47a38c5598974bc46903dba290349", "8ce82eefbea0da3c44699ed7db51b7d9",
						hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
								+ "c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"),
						"c30e32ffedc0774e6aff6af0869f71aa0f3af07a9a31a9c684db207eb0ef8e4e"
								+ "35907aa632c3ffdf868bb7b29d3d46ad83ce9f9a102ee99d49a53e87f4c3da55"));
	}

	@ParameterizedTest
	@MethodSource("rfc3602")
	void aesCbcMatchesRfc3602(CbcCase vector) {
		SaCrypto crypto = SaCrypto.create(EncryptionAlgorithm.AES_CBC_128, KeyBytes.ofHex(vector.key()),
				IntegrityAlgorithm.NONE, KeyBytes.NONE);
		// As ESP calls it: the plaintext read from elsewhere but for its last bytes (the trailer),
		// already in place in the buffer.
		byte[] buffer = concat(hex(vector.iv()), vector.plaintext());
		int fromElsewhere = vector.plaintext().length - TRAILER;
		Arrays.fill(buffer, 16, 16 + fromElsewhere, (byte) 0);
		crypto.encrypt(vector.plaintext(), 0, fromElsewhere, buffer, 0, 16, vector.plaintext().length);
		assertThat(hex(Arrays.copyOfRange(buffer, 16, buffer.length))).isEqualTo(vector.ciphertext());

		byte[] plain = new byte[vector.plaintext().length];
		crypto.decrypt(buffer, 0, 16, plain.length, plain, 0);
		assertThat(plain).isEqualTo(vector.plaintext());
	}

	record GcmCase(String name, EncryptionAlgorithm algorithm, String key, String aad, String plaintext,
			String ciphertext, String tag) {
		@Override
		public String toString() {
			return name;
		}
	}

	private static final String GCM_KEY_128 = "feffe9928665731c6d6a8f9467308308";
	private static final String GCM_PLAINTEXT_60 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
			+ "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
	private static final String GCM_AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

	/**
	 * McGrew and Viega, "The Galois/Counter Mode of Operation", test cases 3, 4 (AES-128) and 15,
	 * 16 (AES-256), all with the IV cafebabefacedbaddecaf888. Read the RFC 4106 way: the key
	 * material is key ‖ salt cafebabe, the packet's explicit IV is facedbaddecaf888.
	 */
	static Stream<GcmCase> gcmSpecification() {
		return Stream.of(
				new GcmCase("GCM test case 3", EncryptionAlgorithm.AES_GCM_16_128, GCM_KEY_128, "",
						GCM_PLAINTEXT_60 + "1aafd255",
						"42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
								+ "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
						"4d5c2af327cd64a62cf35abd2ba6fab4"),
				new GcmCase("GCM test case 4", EncryptionAlgorithm.AES_GCM_16_128, GCM_KEY_128, GCM_AAD,
						GCM_PLAINTEXT_60,
						"42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
								+ "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
						"5bc94fbc3221a5db94fae95ae7121a47"),
				new GcmCase("GCM test case 15", EncryptionAlgorithm.AES_GCM_16_256, GCM_KEY_128 + GCM_KEY_128, "",
						GCM_PLAINTEXT_60 + "1aafd255",
						"522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
								+ "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
						"b094dac5d93471bdec1a502270e3cc6c"),
				new GcmCase("GCM test case 16", EncryptionAlgorithm.AES_GCM_16_256, GCM_KEY_128 + GCM_KEY_128, GCM_AAD,
						GCM_PLAINTEXT_60,
						"522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
								+ "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
						"76fc6ece0f4e1768cddf8853bb2d551b"));
	}

	@ParameterizedTest
	@MethodSource("gcmSpecification")
	void aesGcmMatchesTheSpecificationWithRfc4106Salt(GcmCase vector) {
		SaCrypto crypto = SaCrypto.create(vector.algorithm(), KeyBytes.ofHex(vector.key() + "cafebabe"),
				IntegrityAlgorithm.NONE, KeyBytes.NONE);
		byte[] aad = hex(vector.aad());
		byte[] plaintext = hex(vector.plaintext());
		// The layout of an ESP packet: AAD (SPI and sequence there), explicit IV, data, tag.
		byte[] buffer = concat(aad, hex("facedbaddecaf888"), plaintext, new byte[16]);
		int data = aad.length + 8;
		int fromElsewhere = plaintext.length - TRAILER;
		Arrays.fill(buffer, data, data + fromElsewhere, (byte) 0);
		crypto.seal(plaintext, 0, fromElsewhere, buffer, 0, aad.length, aad.length, data, plaintext.length);
		assertThat(hex(Arrays.copyOfRange(buffer, data, buffer.length))).isEqualTo(vector.ciphertext() + vector.tag());

		byte[] opened = new byte[plaintext.length];
		assertThat(crypto.open(buffer, 0, aad.length, aad.length, data, plaintext.length + 16, opened, 0)).isTrue();
		assertThat(opened).isEqualTo(plaintext);

		buffer[buffer.length - 1] ^= 1;
		assertThat(crypto.open(buffer, 0, aad.length, aad.length, data, plaintext.length + 16, opened, 0)).isFalse();
	}

	/**
	 * HMAC test cases with full digests: RFC 2202 (MD5, SHA-1), RFC 4231 (SHA-256) and RFC 4868
	 * 2.7.2.1 (SHA-256 with 32-byte keys, the IPsec key length).
	 */
	static Stream<Arguments> hmacVectors() {
		byte[] jefe = ascii("Jefe");
		byte[] whatDoYaWant = ascii("what do ya want for nothing?");
		byte[] dd50 = repeat(0xdd, 50);
		byte[] cd50 = repeat(0xcd, 50);
		byte[] key25 = hex("0102030405060708090a0b0c0d0e0f10111213141516171819");
		byte[] hashKeyFirst = ascii("Test Using Larger Than Block-Size Key - Hash Key First");
		byte[] largerData = ascii("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data");
		byte[] truncation = ascii("Test With Truncation");
		byte[] hiThere = ascii("Hi There");
		IntegrityAlgorithm md5 = IntegrityAlgorithm.HMAC_MD5_96;
		IntegrityAlgorithm sha1 = IntegrityAlgorithm.HMAC_SHA1_96;
		IntegrityAlgorithm sha256 = IntegrityAlgorithm.HMAC_SHA256_128;
		return Stream.of(
				Arguments.of("RFC 2202 MD5 1", md5, repeat(0x0b, 16), hiThere, "9294727a3638bb1c13f48ef8158bfc9d"),
				Arguments.of("RFC 2202 MD5 2", md5, jefe, whatDoYaWant, "750c783e6ab0b503eaa86e310a5db738"),
				Arguments.of("RFC 2202 MD5 3", md5, repeat(0xaa, 16), dd50, "56be34521d144c88dbb8c733f0e8b3f6"),
				Arguments.of("RFC 2202 MD5 4", md5, key25, cd50, "697eaf0aca3a3aea3a75164746ffaa79"),
				Arguments.of("RFC 2202 MD5 5", md5, repeat(0x0c, 16), truncation, "56461ef2342edc00f9bab995690efd4c"),
				Arguments.of("RFC 2202 MD5 6", md5, repeat(0xaa, 80), hashKeyFirst, "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd"),
				Arguments.of("RFC 2202 MD5 7", md5, repeat(0xaa, 80), largerData, "6f630fad67cda0ee1fb1f562db3aa53e"),
				Arguments.of("RFC 2202 SHA-1 1", sha1, repeat(0x0b, 20), hiThere,
						"b617318655057264e28bc0b6fb378c8ef146be00"),
				Arguments.of("RFC 2202 SHA-1 2", sha1, jefe, whatDoYaWant, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
				Arguments.of("RFC 2202 SHA-1 3", sha1, repeat(0xaa, 20), dd50,
						"125d7342b9ac11cd91a39af48aa17b4f63f175d3"),
				Arguments.of("RFC 2202 SHA-1 4", sha1, key25, cd50, "4c9007f4026250c6bc8414f9bf50c86c2d7235da"),
				Arguments.of("RFC 2202 SHA-1 5", sha1, repeat(0x0c, 20), truncation,
						"4c1a03424b55e07fe7f27be1d58bb9324a9a5a04"),
				Arguments.of("RFC 2202 SHA-1 6", sha1, repeat(0xaa, 80), hashKeyFirst,
						"aa4ae5e15272d00e95705637ce8a3b55ed402112"),
				Arguments.of("RFC 2202 SHA-1 7", sha1, repeat(0xaa, 80), largerData,
						"e8e99d0f45237d786d6bbaa7965c7808bbff1a91"),
				Arguments.of("RFC 4231 1", sha256, repeat(0x0b, 20), hiThere,
						"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
				Arguments.of("RFC 4231 2", sha256, jefe, whatDoYaWant,
						"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
				Arguments.of("RFC 4231 3", sha256, repeat(0xaa, 20), dd50,
						"773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
				Arguments.of("RFC 4231 4", sha256, key25, cd50,
						"82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
				Arguments.of("RFC 4231 6", sha256, repeat(0xaa, 131), hashKeyFirst,
						"60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
				Arguments.of("RFC 4231 7", sha256, repeat(0xaa, 131),
						ascii("This is a test using a larger than block-size"
								+ " key and a larger than block-size data. The key needs to be hashed before being used by"
								+ " the HMAC algorithm."),
						"9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
				Arguments.of("RFC 4868 AUTH256-1", sha256, repeat(0x0b, 32), hiThere,
						"198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"),
				Arguments.of("RFC 4868 AUTH256-2", sha256, ascii("JefeJefeJefeJefeJefeJefeJefeJefe"), whatDoYaWant,
						"167f928588c5cc2eef8e3093caa0e87c9ff566a14794aa61648d81621a2a40c6"),
				Arguments.of("RFC 4868 AUTH256-3", sha256, repeat(0xaa, 32), dd50,
						"cdcb1220d1ecccea91e53aba3092f962e549fe6ce9ed7fdc43191fbde45c30b0"));
	}

	/**
	 * The ICV is the digest's leading bits: 96 of them for MD5 and SHA-1 (RFC 2403, RFC 2404), 128
	 * for SHA-256 (RFC 4868), the truncation RFC 2202 case 5 and RFC 4231 case 5 print.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("hmacVectors")
	void truncatedHmacIsTheDigestPrefix(String name, IntegrityAlgorithm algorithm, byte[] key, byte[] data,
			String digest) {
		SaCrypto crypto = SaCrypto.create(EncryptionAlgorithm.NULL, KeyBytes.NONE, algorithm, KeyBytes.of(key));
		byte[] buffer = concat(new byte[3], data, new byte[algorithm.icvBytes()]);
		crypto.computeIcv(buffer, 3, data.length, buffer, 3 + data.length);

		String icv = hex(Arrays.copyOfRange(buffer, 3 + data.length, buffer.length));
		assertThat(icv).hasSize(algorithm.icvBytes() * 2).isEqualTo(digest.substring(0, algorithm.icvBytes() * 2));
		assertThat(crypto.verifyIcv(buffer, 3, data.length, buffer, 3 + data.length)).isTrue();
		buffer[buffer.length - 1] ^= 0x80;
		assertThat(crypto.verifyIcv(buffer, 3, data.length, buffer, 3 + data.length)).isFalse();
	}

	/** RFC 4231 case 5 prints the 128-bit truncation itself. */
	@Test
	void rfc4231TruncationCase() {
		SaCrypto crypto = SaCrypto.create(EncryptionAlgorithm.NULL, KeyBytes.NONE, IntegrityAlgorithm.HMAC_SHA256_128,
				KeyBytes.of(repeat(0x0c, 20)));
		byte[] data = ascii("Test With Truncation");
		byte[] icv = new byte[16];
		crypto.computeIcv(data, 0, data.length, icv, 0);
		assertThat(hex(icv)).isEqualTo("a3b6167473100ee06e0c796c2955552b");
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] repeat(int value, int count) {
		byte[] bytes = new byte[count];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}
}
