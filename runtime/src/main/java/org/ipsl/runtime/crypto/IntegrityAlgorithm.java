package org.ipsl.runtime.crypto;

/** ESP and AH integrity algorithms: an HMAC truncated to the ICV length IPsec sends. */
public enum IntegrityAlgorithm {
    NONE(null, 0, 0),
    /** RFC 2403. */
    HMAC_MD5_96("HmacMD5", 16, 12),
    /** RFC 2404. */
    HMAC_SHA1_96("HmacSHA1", 20, 12),
    /** RFC 4868. */
    HMAC_SHA256_128("HmacSHA256", 32, 16);

    private final String macAlgorithm;
    private final int keyBytes;
    private final int icvBytes;

    IntegrityAlgorithm(String macAlgorithm, int keyBytes, int icvBytes) {
        this.macAlgorithm = macAlgorithm;
        this.keyBytes = keyBytes;
        this.icvBytes = icvBytes;
    }

    String macAlgorithm() {
        return macAlgorithm;
    }

    public int keyBytes() {
        return keyBytes;
    }

    /** Bytes of the truncated HMAC sent as the ICV. */
    public int icvBytes() {
        return icvBytes;
    }
}
