package org.ipsl.catalog;

import java.util.Arrays;
import java.util.Optional;

/** Diffie-Hellman groups of IKE phase 1 and PFS, with their IANA numbers (RFC 2409, 3526, 5903). */
public enum DhGroup implements RatedKeyword {
	MODP768("modp768", 1, "768-bit MODP group", Strength.BROKEN),
	MODP1024("modp1024", 2, "1024-bit MODP group (about 80-bit security)", Strength.WEAK),
	MODP1536("modp1536", 5, "1536-bit MODP group (about 90-bit security)", Strength.LEGACY),
	MODP2048("modp2048", 14, "2048-bit MODP group (112-bit security)", Strength.STRONG),
	MODP3072("modp3072", 15, "3072-bit MODP group (128-bit security)", Strength.STRONG),
	MODP4096("modp4096", 16, "4096-bit MODP group (about 150-bit security)", Strength.STRONG),
	ECP256("ecp256", 19, "256-bit random elliptic curve group, NIST P-256 (128-bit security)", Strength.STRONG),
	ECP384("ecp384", 20, "384-bit random elliptic curve group, NIST P-384 (192-bit security)", Strength.STRONG);

	private final Facts facts;
	private final int number;

	DhGroup(String keyword, int number, String description, Strength strength) {
		this.facts = new Facts(keyword, description, strength);
		this.number = number;
	}

	@Override
	public Facts facts() {
		return facts;
	}

	public int number() {
		return number;
	}

	public static Optional<DhGroup> byKeyword(String keyword) {
		return Keyword.lookup(DhGroup.class, keyword);
	}

	/** By IANA number, as runtime.json writes groups. */
	public static Optional<DhGroup> byNumber(int number) {
		return Arrays.stream(values()).filter(g -> g.number == number).findFirst();
	}
}
