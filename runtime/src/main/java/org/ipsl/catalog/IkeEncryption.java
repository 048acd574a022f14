package org.ipsl.catalog;

import java.util.Arrays;
import java.util.Optional;

/** Phase 1 ciphers (the first part of an IKE suite name). */
public enum IkeEncryption {
	DES("des", "DES-CBC, 56-bit key", Strength.BROKEN),
	TRIPLE_DES("3des", "3DES-CBC (TDEA), 168-bit key, 112-bit security, 64-bit block", Strength.LEGACY),
	AES128("aes128", "AES-CBC with a 128-bit key", Strength.STRONG),
	AES192("aes192", "AES-CBC with a 192-bit key", Strength.STRONG),
	AES256("aes256", "AES-CBC with a 256-bit key", Strength.STRONG);

	private final String keyword;
	private final String description;
	private final Strength strength;

	IkeEncryption(String keyword, String description, Strength strength) {
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

	public static Optional<IkeEncryption> byKeyword(String keyword) {
		return Arrays.stream(values()).filter(e -> e.keyword.equals(keyword)).findFirst();
	}
}
