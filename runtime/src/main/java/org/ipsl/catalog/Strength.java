package org.ipsl.catalog;

/** How much protection an algorithm or group still gives, for hovers and completion details. */
public enum Strength {
	BROKEN("broken: do not use"), WEAK("weak: replace when you can"), LEGACY(
			"legacy: acceptable for interoperability"), STRONG("strong");

	private final String verdict;

	Strength(String verdict) {
		this.verdict = verdict;
	}

	public String verdict() {
		return verdict;
	}
}
