package org.ipsl.analysis.peers;

/**
 * How a session between two peers ends: Batfish's IPsec session statuses, and manual keys that do
 * not fit. Declared from best to worst; a session with several SAs reports its worst.
 */
public enum Outcome {
	ESTABLISHED, MANUAL_KEYS_MISMATCH, IPSEC_PHASE2_FAILED, IKE_PHASE1_KEY_MISMATCH, IKE_PHASE1_FAILED,
	/** The remote is not a host of the workspace, so nothing answers for it. */
	MISSING_END_POINT;

	Outcome worse(Outcome other) {
		return other.compareTo(this) > 0 ? other : this;
	}
}
