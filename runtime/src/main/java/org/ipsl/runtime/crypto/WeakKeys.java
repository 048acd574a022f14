package org.ipsl.runtime.crypto;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.DESParameters;

/**
 * DES and 3DES keys HP-UX refuses as too weak (errno 22): a DES weak or semi-weak key, any such
 * third of a 3DES key, or a 3DES key whose adjacent thirds repeat (K1 = K2 or K2 = K3), which makes
 * 3DES single DES. Two-key 3DES (K1 = K3) is accepted. The language's checker and the runtime's SAD
 * both judge keys here.
 */
public final class WeakKeys {

	private static final int DES_KEY = DESParameters.DES_KEY_LENGTH;

	/** Why a key is weak; positions count 8-byte DES keys from 0 (a DES key is position 0). */
	public sealed interface Weakness {
		/** The DES key at {@code position} is weak or semi-weak. */
		record WeakDesKey(int position) implements Weakness {
		}

		/** The DES keys at {@code position} and {@code position + 1} are the same. */
		record RepeatedDesKey(int position) implements Weakness {
		}
	}

	private WeakKeys() {
	}

	/** Whether HP-UX would refuse this key for this algorithm; keys of other algorithms are never weak. */
	public static boolean isWeak(EncryptionAlgorithm algorithm, KeyBytes key) {
		return weakness(algorithm, key.bytes()).isPresent();
	}

	/** The first reason HP-UX would refuse this key, if any; keys of other algorithms or lengths are never weak. */
	public static Optional<Weakness> weakness(EncryptionAlgorithm algorithm, byte[] key) {
		if (!algorithm.isDesFamily() || key.length != algorithm.keyBytes()) {
			return Optional.empty();
		}
		int parts = key.length / DES_KEY;
		for (int position = 0; position < parts; position++) {
			if (DESParameters.isWeakKey(desKey(key, position), 0)) {
				return Optional.of(new Weakness.WeakDesKey(position));
			}
		}
		for (int position = 0; position + 1 < parts; position++) {
			if (Arrays.equals(desKey(key, position), desKey(key, position + 1))) {
				return Optional.of(new Weakness.RepeatedDesKey(position));
			}
		}
		return Optional.empty();
	}

	/**
	 * The DES key at {@code position} as DES uses it: DES ignores each byte's low (parity) bit, and
	 * BouncyCastle's tables hold odd-parity keys.
	 */
	private static byte[] desKey(byte[] key, int position) {
		byte[] desKey = Arrays.copyOfRange(key, position * DES_KEY, (position + 1) * DES_KEY);
		DESParameters.setOddParity(desKey);
		return desKey;
	}
}
