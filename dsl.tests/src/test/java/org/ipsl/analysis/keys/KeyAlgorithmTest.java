package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyAlgorithmTest {

	@ParameterizedTest
	@CsvSource({
			"des, 16", "3des, 48", "aes128, 32", "aes192, 48", "aes256, 64",
			"aes128-gcm16, 40", "aes256-gcm16, 72", "null, 0"})
	void encryptionAlgorithmsTakeTheirHexDigits(String name, int hexDigits) {
		assertThat(KeyAlgorithm.encryption(name)).hasValueSatisfying(a -> {
			assertThat(a.hexDigits()).isEqualTo(hexDigits);
			assertThat(a.keyword()).isEqualTo(name);
		});
		assertThat(KeyAlgorithm.authentication(name)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({"hmac-md5, 32", "hmac-sha1, 40", "hmac-sha256, 64"})
	void authenticationAlgorithmsTakeTheirHexDigits(String name, int hexDigits) {
		assertThat(KeyAlgorithm.authentication(name)).map(KeyAlgorithm::hexDigits).hasValue(hexDigits);
		assertThat(KeyAlgorithm.encryption(name)).isEmpty();
	}

	@Test
	void gcmKeysCarryAFourByteSaltAfterTheKey() {
		assertThat(KeyAlgorithm.AES128_GCM16.keyBytes()).isEqualTo(16);
		assertThat(KeyAlgorithm.AES128_GCM16.saltBytes()).isEqualTo(4);
		assertThat(KeyAlgorithm.AES256_GCM16.keyBytes()).isEqualTo(32);
		assertThat(KeyAlgorithm.AES256_GCM16.materialBytes()).isEqualTo(36);
	}

	@Test
	void unknownAndMisspelledNamesAreNotAlgorithms() {
		assertThat(KeyAlgorithm.encryption("blowfish")).isEmpty();
		assertThat(KeyAlgorithm.encryption("AES128")).isEmpty();
		assertThat(KeyAlgorithm.authentication("sha1")).isEmpty();
	}
}
