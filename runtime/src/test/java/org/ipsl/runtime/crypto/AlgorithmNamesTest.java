package org.ipsl.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The names LANGUAGE.md gives manual-SA algorithms, which runtime.json carries. */
class AlgorithmNamesTest {

	@Test
	void encryptionNames() {
		assertThat(Arrays.stream(EncryptionAlgorithm.values()).map(EncryptionAlgorithm::keyword))
				.containsExactly("null", "des", "3des", "aes128", "aes192", "aes256", "aes128-gcm16", "aes256-gcm16");
		assertThat(EncryptionAlgorithm.byKeyword("aes128-gcm16")).contains(EncryptionAlgorithm.AES_GCM_16_128);
		assertThat(EncryptionAlgorithm.byKeyword("3des")).contains(EncryptionAlgorithm.TRIPLE_DES_CBC);
		assertThat(EncryptionAlgorithm.byKeyword("blowfish")).isEmpty();
	}

	@Test
	void integrityNames() {
		assertThat(IntegrityAlgorithm.byKeyword("hmac-sha256")).contains(IntegrityAlgorithm.HMAC_SHA256_128);
		assertThat(IntegrityAlgorithm.byKeyword("hmac-md5")).contains(IntegrityAlgorithm.HMAC_MD5_96);
		assertThat(IntegrityAlgorithm.byKeyword("hmac-sha1")).contains(IntegrityAlgorithm.HMAC_SHA1_96);
		assertThat(IntegrityAlgorithm.byKeyword("sha1")).isEmpty();
	}
}
