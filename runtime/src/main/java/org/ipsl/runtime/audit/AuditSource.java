package org.ipsl.runtime.audit;

/** The HP-UX daemon an audit entry comes from, as printed after {@code From:}. */
public enum AuditSource {
	/** The IKE daemon: negotiations. */
	IKMPD,
	/** The policy daemon: SPD, SAD and packet processing. */
	SECPOLICYD
}
