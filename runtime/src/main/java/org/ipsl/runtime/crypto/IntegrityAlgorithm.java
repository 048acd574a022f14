package org.ipsl.runtime.crypto;

import java.util.Optional;

import org.ipsl.catalog.Keyword;

/** ESP and AH integrity algorithms: an HMAC truncated to the ICV length IPsec sends. */
public enum IntegrityAlgorithm implements Keyword {
	NONE("none", null, 0, 0),
	/** RFC 2403. */
	HMAC_MD5_96("hmac-md5", "HmacMD5", 16, 12),
	/** RFC 2404. */
	HMAC_SHA1_96("hmac-sha1", "HmacSHA1", 20, 12),
	/** RFC 4868. */
	HMAC_SHA256_128("hmac-sha256", "HmacSHA256", 32, 16);

	private final String keyword;
	private final String macAlgorithm;
	private final int keyBytes;
	private final int icvBytes;

	IntegrityAlgorithm(String keyword, String macAlgorithm, int keyBytes, int icvBytes) {
		this.keyword = keyword;
		this.macAlgorithm = macAlgorithm;
		this.keyBytes = keyBytes;
		this.icvBytes = icvBytes;
	}

	/** By the name a manual SA and {@code runtime.json} give it: "hmac-md5", "hmac-sha1", "hmac-sha256". */
	public static Optional<IntegrityAlgorithm> byKeyword(String keyword) {
		return Keyword.lookup(IntegrityAlgorithm.class, keyword);
	}

	@Override
	public String keyword() {
		return keyword;
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
