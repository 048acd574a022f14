package org.ipsl.runtime.sad;

/**
 * The life of an SA. HP-UX's {@code ipsec_report -sa ipsec} prints three states, Mature, Larval and
 * Dead (HP-UX IPSec version A.02.01 manpages, page 58); {@link #DYING}, an SA past its soft
 * lifetime, is still established and usable, so it is reported as Mature.
 */
public enum SaState {
	/** An SPI reserved for a negotiation whose SA is not added yet. */
	LARVAL("Larval"), MATURE("Mature"),
	/** Past the soft lifetime: still in use while a new SA is negotiated. */
	DYING("Mature"), DEAD("Dead");

	private final String label;

	SaState(String label) {
		this.label = label;
	}

	/** The value after {@code State:} in the SA report. */
	public String label() {
		return label;
	}
}
