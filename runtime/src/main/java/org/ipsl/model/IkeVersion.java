package org.ipsl.model;

import java.util.Arrays;
import java.util.Optional;

/** The IKE version an IKE policy speaks: {@code version 1}, {@code 2} or {@code any} (strongSwan's {@code version = 0}). */
public enum IkeVersion {
	IKEV1("1", 1), IKEV2("2", 2), ANY("any", 0);

	private final String languageName;
	private final int strongswanNumber;

	IkeVersion(String languageName, int strongswanNumber) {
		this.languageName = languageName;
		this.strongswanNumber = strongswanNumber;
	}

	/** As written after {@code version}. */
	public String languageName() {
		return languageName;
	}

	/** swanctl.conf's {@code version}: 1, 2, or 0 for either. */
	public int strongswanNumber() {
		return strongswanNumber;
	}

	/** Whether a peer speaking {@code version} is answered. */
	public boolean accepts(IkeVersion version) {
		return this == ANY || version == ANY || this == version;
	}

	public static Optional<IkeVersion> byLanguageName(String name) {
		return Arrays.stream(values()).filter(v -> v.languageName.equals(name)).findFirst();
	}
}
