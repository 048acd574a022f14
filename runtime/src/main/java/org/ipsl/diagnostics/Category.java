package org.ipsl.diagnostics;

/** The groups of diagnostic codes, in the order the diagnostics documentation presents them. */
public enum Category {
	LANGUAGE("Syntax, names and values"), ORDERING("Inside one host: the order of the policy database"), KEYS(
			"Keys and SPIs"), PEERS("Between peers"), CERTIFICATES("Certificates"), GENERATION("Generation");

	private final String title;

	Category(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}
}
