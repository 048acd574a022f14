package org.ipsl.catalog;

import java.util.Arrays;
import java.util.Optional;

/** Phase 1 hash and PRF (the second part of an IKE suite name). */
public enum IkeHash {
	MD5("md5", "MD5 (HMAC-MD5 as PRF)", Strength.WEAK),
	SHA1("sha1", "SHA-1 (HMAC-SHA1 as PRF)", Strength.LEGACY),
	SHA256("sha256", "SHA-256", Strength.STRONG),
	SHA384("sha384", "SHA-384", Strength.STRONG),
	SHA512("sha512", "SHA-512", Strength.STRONG);

	private final String keyword;
	private final String description;
	private final Strength strength;

	IkeHash(String keyword, String description, Strength strength) {
		this.keyword = keyword;
		this.description = description;
		this.strength = strength;
	}

	public String keyword() {
		return keyword;
	}

	public String description() {
		return description;
	}

	public Strength strength() {
		return strength;
	}

	public static Optional<IkeHash> byKeyword(String keyword) {
		return Arrays.stream(values()).filter(h -> h.keyword.equals(keyword)).findFirst();
	}
}
