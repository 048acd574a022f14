package org.ipsl.catalog;

import java.util.Optional;

/** Phase 1 ciphers (the first part of an IKE suite name). */
public enum IkeEncryption implements RatedKeyword {
	DES("des", "DES-CBC, 56-bit key", Strength.BROKEN),
	TRIPLE_DES("3des", "3DES-CBC (TDEA), 168-bit key, 112-bit security, 64-bit block", Strength.LEGACY),
	AES128("aes128", "AES-CBC with a 128-bit key", Strength.STRONG),
	AES192("aes192", "AES-CBC with a 192-bit key", Strength.STRONG),
	AES256("aes256", "AES-CBC with a 256-bit key", Strength.STRONG);

	private final Facts facts;

	IkeEncryption(String keyword, String description, Strength strength) {
		this.facts = new Facts(keyword, description, strength);
	}

	@Override
	public Facts facts() {
		return facts;
	}

	public static Optional<IkeEncryption> byKeyword(String keyword) {
		return Keyword.lookup(IkeEncryption.class, keyword);
	}
}
