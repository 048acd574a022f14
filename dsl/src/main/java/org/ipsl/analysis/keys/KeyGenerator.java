package org.ipsl.analysis.keys;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.DESParameters;

/** Fresh manual-SA keys for the quick fix that replaces a weak, short or guessable key. */
public final class KeyGenerator {

	private KeyGenerator() {
	}

	/**
	 * A random key of the algorithm's exact length, written as in the file ({@code 0x} and lower-case
	 * hex), that {@link KeyCheck} accepts. DES and 3DES keys get odd parity, as FIPS 46-3 asks.
	 *
	 * @throws IllegalArgumentException for {@code null} encryption, which takes no key
	 */
	public static String freshKey(KeyAlgorithm algorithm, SecureRandom random) {
		if (!algorithm.takesKey()) {
			throw new IllegalArgumentException(algorithm + " takes no key");
		}
		byte[] key = new byte[algorithm.materialBytes()];
		String text;
		do {
			random.nextBytes(key);
			if (algorithm == KeyAlgorithm.DES || algorithm == KeyAlgorithm.TRIPLE_DES) {
				DESParameters.setOddParity(key);
			}
			text = "0x" + HexFormat.of().formatHex(key);
		} while (KeyCheck.check(algorithm, text).isPresent());
		return text;
	}
}
