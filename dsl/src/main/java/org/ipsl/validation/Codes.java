package org.ipsl.validation;

/**
 * The stable diagnostic codes of DIAGNOSTICS.md. Tools, tests and users filter on these strings,
 * so they never change.
 */
public final class Codes {
	public static final String SYNTAX = "syntax";
	public static final String UNRESOLVED_NAME = "unresolved-name";
	public static final String DUPLICATE_NAME = "duplicate-name";
	public static final String INVALID_VALUE = "invalid-value";
	public static final String PATH_OUTSIDE_WORKSPACE = "path-outside-workspace";

	public static final String POLICY_SHADOWED = "policy-shadowed";
	public static final String POLICY_REDUNDANT = "policy-redundant";
	public static final String POLICY_CORRELATED = "policy-correlated";
	public static final String PRIORITY_DUPLICATE = "priority-duplicate";
	public static final String BYPASS_LOCAL_ADDRESS = "bypass-local-address";

	public static final String SPI_RESERVED = "spi-reserved";
	public static final String SPI_IN_DYNAMIC_RANGE = "spi-in-dynamic-range";
	public static final String SPI_DUPLICATE = "spi-duplicate";
	public static final String KEY_LENGTH = "key-length";
	public static final String WEAK_KEY = "weak-key";
	public static final String LOW_ENTROPY_KEY = "low-entropy-key";

	public static final String IKE_NO_POLICY = "ike-no-policy";
	public static final String IKE_PROPOSAL_MISMATCH = "ike-proposal-mismatch";
	public static final String IKE_AUTH_MISMATCH = "ike-auth-mismatch";
	public static final String TRANSFORM_MISMATCH = "transform-mismatch";
	public static final String PFS_MISMATCH = "pfs-mismatch";
	public static final String LIFETIME_MISMATCH = "lifetime-mismatch";
	public static final String PROPOSAL_ORDER_DEPENDENT = "proposal-order-dependent";
	public static final String ASYMMETRIC_POLICY = "asymmetric-policy";
	public static final String SELECTOR_MISMATCH = "selector-mismatch";
	public static final String MANUAL_SA_MISMATCH = "manual-sa-mismatch";
	public static final String PEER_UNKNOWN = "peer-unknown";

	public static final String TARGET_UNSUPPORTED = "target-unsupported";

	/** Codes shown as hints: Xtext has no hint severity, so these travel as INFO and are told apart here. */
	public static boolean isHint(String code) {
		return PEER_UNKNOWN.equals(code);
	}

	private Codes() {
	}
}
