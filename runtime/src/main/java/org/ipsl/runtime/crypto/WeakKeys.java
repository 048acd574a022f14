package org.ipsl.runtime.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.DESParameters;
import org.bouncycastle.crypto.params.DESedeParameters;

/**
 * DES and 3DES keys HP-UX refuses as too weak (errno 22): a DES weak or semi-weak key, any such
 * third of a 3DES key, or a 3DES key whose adjacent thirds repeat (K1 = K2 or K2 = K3), which makes
 * 3DES single DES. Two-key 3DES (K1 = K3) is accepted.
 */
public final class WeakKeys {

    private static final int DES_KEY = DESParameters.DES_KEY_LENGTH;

    private WeakKeys() {
    }

    /** Whether HP-UX would refuse this key for this algorithm; keys of other algorithms are never weak. */
    public static boolean isWeak(EncryptionAlgorithm algorithm, KeyBytes key) {
        if (!algorithm.isDesFamily() || key.length() != algorithm.keyBytes()) {
            return false;
        }
        // DES ignores each byte's low (parity) bit, and BouncyCastle's tables and comparisons hold
        // odd-parity keys: compare the keys DES actually uses.
        byte[] desKeys = Arrays.copyOf(key.bytes(), key.length());
        DESParameters.setOddParity(desKeys);
        if (algorithm == EncryptionAlgorithm.DES_CBC) {
            return DESParameters.isWeakKey(desKeys, 0);
        }
        return DESedeParameters.isWeakKey(desKeys, 0, desKeys.length)
                || !DESedeParameters.isReal2Key(desKeys, 0)
                || !DESedeParameters.isReal2Key(desKeys, DES_KEY);
    }
}
