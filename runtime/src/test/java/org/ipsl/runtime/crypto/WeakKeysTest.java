package org.ipsl.runtime.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeakKeysTest {

	private static final String STRONG = "9bdfb78470987fd9";
	private static final String STRONG_2 = "b4fdb2a0c4ef416e";
	private static final String STRONG_3 = "c1a37c0f3aa78d43";

	/** Weak and semi-weak DES keys (FIPS 74), some with their parity bits cleared: DES ignores them. */
	@ParameterizedTest
	@ValueSource(strings = {"0101010101010101", "fefefefefefefefe", "e0e0e0e0f1f1f1f1", "1f1f1f1f0e0e0e0e",
			"01fe01fe01fe01fe", "fe01fe01fe01fe01", "1fe01fe00ef10ef1", "0000000000000000", "1e1e1e1e0e0e0e0e"})
	void weakDesKeys(String key) {
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.DES_CBC, KeyBytes.ofHex(key))).isTrue();
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(STRONG + key + STRONG_3)))
				.isTrue();
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(STRONG + STRONG_2 + key)))
				.isTrue();
	}

	@Test
	void strongKeys() {
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.DES_CBC, KeyBytes.ofHex(STRONG))).isFalse();
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(STRONG + STRONG_2 + STRONG_3)))
				.isFalse();
	}

	@Test
	void tripleDesWhoseNeighbouringThirdsRepeatIsSingleDes() {
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(STRONG + STRONG + STRONG_3)))
				.isTrue();
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(STRONG + STRONG_2 + STRONG_2)))
				.isTrue();
		// The same DES key with other parity bits.
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC,
				KeyBytes.ofHex(STRONG + "9adeb68571997ed8" + STRONG_3))).isTrue();
		// Two-key 3DES (K1 = K3) is a real, if weaker, 3DES.
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(STRONG + STRONG_2 + STRONG)))
				.isFalse();
	}

	@Test
	void otherAlgorithmsHaveNoWeakKeys() {
		assertThat(WeakKeys.isWeak(EncryptionAlgorithm.AES_CBC_128, KeyBytes.ofHex("00".repeat(16)))).isFalse();
	}

	@Test
	void keysNeverShowThemselves() {
		KeyBytes key = KeyBytes.ofHex("0x" + STRONG);
		assertThat(key.toString()).doesNotContain(STRONG).doesNotContain("9b").contains("8 bytes");
		assertThatThrownBy(() -> KeyBytes.ofHex("0x9bdfb78470987fdZ"))
				.hasMessageNotContaining("9bdf").hasMessageNotContaining("fdZ");
		assertThat(key).isEqualTo(KeyBytes.ofHex(STRONG.toUpperCase())).isNotEqualTo(KeyBytes.ofHex(STRONG_2));
	}
}
