package org.ipsl.catalog.proposal;

/** The transform types of an IKEv2 proposal (RFC 7296 §3.3.2) that strongSwan configures by keyword. */
public enum AlgorithmKind {
	ENCRYPTION("encryption"), INTEGRITY("integrity"), PRF("pseudo-random function"), KEY_EXCHANGE(
			"key exchange"), EXTENDED_SEQUENCE_NUMBERS("extended sequence numbers");

	private final String description;

	AlgorithmKind(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}
}
