package org.ipsl.catalog;

import java.util.Optional;

/** Phase 1 hash and PRF (the second part of an IKE suite name). */
public enum IkeHash implements RatedKeyword {
	MD5("md5", "MD5 (HMAC-MD5 as PRF)", Strength.WEAK),
	SHA1("sha1", "SHA-1 (HMAC-SHA1 as PRF)", Strength.LEGACY),
	SHA256("sha256", "SHA-256", Strength.STRONG),
	SHA384("sha384", "SHA-384", Strength.STRONG),
	SHA512("sha512", "SHA-512", Strength.STRONG);

	private final Facts facts;

	IkeHash(String keyword, String description, Strength strength) {
		this.facts = new Facts(keyword, description, strength);
	}

	@Override
	public Facts facts() {
		return facts;
	}

	public static Optional<IkeHash> byKeyword(String keyword) {
		return Keyword.lookup(IkeHash.class, keyword);
	}
}
