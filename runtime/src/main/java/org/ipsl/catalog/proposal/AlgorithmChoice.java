package org.ipsl.catalog.proposal;

import org.ipsl.catalog.Strength;

/**
 * One transform of a proposal: an algorithm and, for ciphers with a variable key, its key size in bits
 * (0 when the algorithm has a fixed key, as strongSwan records it: {@code swanctl} then prints no
 * {@code encr-keysize}).
 */
public record AlgorithmChoice(Algorithm algorithm, int keySize) {

	public AlgorithmKind kind() {
		return algorithm.kind();
	}

	/** strongSwan's keyword for this choice, e.g. {@code aes128gcm16}, {@code sha256}, {@code x25519}. */
	public String keyword() {
		return AlgorithmKeywords.keyword(this);
	}

	public Strength strength() {
		return algorithm.strength();
	}

	public String description() {
		return keySize == 0 ? algorithm.description() : algorithm.description() + " with a " + keySize + "-bit key";
	}

	@Override
	public String toString() {
		return keySize == 0 ? algorithm.swanName() : algorithm.swanName() + "_" + keySize;
	}
}
