package org.ipsl.model;

import java.util.Optional;

import org.ipsl.catalog.Keyword;

/** The IKE version an IKE policy speaks: {@code version 1}, {@code 2} or {@code any} (strongSwan's {@code version = 0}). */
public enum IkeVersion implements Keyword {
	IKEV1("1", 1), IKEV2("2", 2), ANY("any", 0);

	private final String keyword;
	private final int strongswanNumber;

	IkeVersion(String keyword, int strongswanNumber) {
		this.keyword = keyword;
		this.strongswanNumber = strongswanNumber;
	}

	/** As written after {@code version}. */
	@Override
	public String keyword() {
		return keyword;
	}

	/** swanctl.conf's {@code version}: 1, 2, or 0 for either. */
	public int strongswanNumber() {
		return strongswanNumber;
	}

	/** Whether a peer speaking {@code version} is answered. */
	public boolean accepts(IkeVersion version) {
		return this == ANY || version == ANY || this == version;
	}

	public static Optional<IkeVersion> byKeyword(String name) {
		return Keyword.lookup(IkeVersion.class, name);
	}
}
