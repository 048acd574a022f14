package org.ipsl.analysis.peers;

import org.ipsl.analysis.Finding.Severity;

/** The codes of DIAGNOSTICS.md's "Between peers" table, with their default severities. */
public enum PeerCode {
	IKE_NO_POLICY("ike-no-policy", Severity.ERROR),
	IKE_PROPOSAL_MISMATCH("ike-proposal-mismatch", Severity.ERROR),
	IKE_AUTH_MISMATCH("ike-auth-mismatch", Severity.ERROR),
	TRANSFORM_MISMATCH("transform-mismatch", Severity.ERROR),
	PFS_MISMATCH("pfs-mismatch", Severity.ERROR),
	LIFETIME_MISMATCH("lifetime-mismatch", Severity.INFO),
	PROPOSAL_ORDER_DEPENDENT("proposal-order-dependent", Severity.INFO),
	ASYMMETRIC_POLICY("asymmetric-policy", Severity.ERROR),
	SELECTOR_MISMATCH("selector-mismatch", Severity.WARNING),
	MANUAL_SA_MISMATCH("manual-sa-mismatch", Severity.ERROR),
	PEER_UNKNOWN("peer-unknown", Severity.HINT);

	private final String code;
	private final Severity severity;

	PeerCode(String code, Severity severity) {
		this.code = code;
		this.severity = severity;
	}

	public String code() {
		return code;
	}

	public Severity severity() {
		return severity;
	}
}
