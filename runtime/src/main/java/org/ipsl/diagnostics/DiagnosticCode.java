package org.ipsl.diagnostics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every diagnostic IPSL reports, with the code string tools, tests and users filter on (stable: it
 * never changes), its default severity, its category and its section of {@value #DOCUMENT}. Every
 * check, quick fix and output format refers to these constants; no other place spells a code.
 */
public enum DiagnosticCode {
	SYNTAX("syntax", Severity.ERROR, Category.LANGUAGE),
	UNRESOLVED_NAME("unresolved-name", Severity.ERROR, Category.LANGUAGE),
	DUPLICATE_NAME("duplicate-name", Severity.ERROR, Category.LANGUAGE),
	INVALID_VALUE("invalid-value", Severity.ERROR, Category.LANGUAGE),

	POLICY_SHADOWED("policy-shadowed", Severity.ERROR, Category.ORDERING),
	POLICY_REDUNDANT("policy-redundant", Severity.WARNING, Category.ORDERING),
	POLICY_CORRELATED("policy-correlated", Severity.INFO, Category.ORDERING),
	PRIORITY_DUPLICATE("priority-duplicate", Severity.ERROR, Category.ORDERING),
	BYPASS_LOCAL_ADDRESS("bypass-local-address", Severity.ERROR, Category.ORDERING),

	SPI_RESERVED("spi-reserved", Severity.ERROR, Category.KEYS),
	SPI_IN_DYNAMIC_RANGE("spi-in-dynamic-range", Severity.ERROR, Category.KEYS),
	SPI_DUPLICATE("spi-duplicate", Severity.ERROR, Category.KEYS),
	DYNAMIC_SPI_INVALID("dynamic-spi-invalid", Severity.ERROR, Category.KEYS),
	KEY_LENGTH("key-length", Severity.ERROR, Category.KEYS),
	WEAK_KEY("weak-key", Severity.ERROR, Category.KEYS),
	LOW_ENTROPY_KEY("low-entropy-key", Severity.WARNING, Category.KEYS),
	SPD_LIMITS_INVALID("spd-limits-invalid", Severity.ERROR, Category.KEYS),

	IKE_NO_POLICY("ike-no-policy", Severity.ERROR, Category.PEERS),
	IKE_PROPOSAL_MISMATCH("ike-proposal-mismatch", Severity.ERROR, Category.PEERS),
	IKE_AUTH_MISMATCH("ike-auth-mismatch", Severity.ERROR, Category.PEERS),
	TRANSFORM_MISMATCH("transform-mismatch", Severity.ERROR, Category.PEERS),
	PFS_MISMATCH("pfs-mismatch", Severity.ERROR, Category.PEERS),
	LIFETIME_MISMATCH("lifetime-mismatch", Severity.INFO, Category.PEERS),
	PROPOSAL_ORDER_DEPENDENT("proposal-order-dependent", Severity.INFO, Category.PEERS),
	ASYMMETRIC_POLICY("asymmetric-policy", Severity.ERROR, Category.PEERS),
	SELECTOR_MISMATCH("selector-mismatch", Severity.WARNING, Category.PEERS),
	MANUAL_SA_MISMATCH("manual-sa-mismatch", Severity.ERROR, Category.PEERS),
	PEER_UNKNOWN("peer-unknown", Severity.HINT, Category.PEERS),

	CERT_MISSING("cert-missing", Severity.ERROR, Category.CERTIFICATES),
	CERT_BAD_ENCODING("cert-bad-encoding", Severity.ERROR, Category.CERTIFICATES),
	CERT_EXPIRED("cert-expired", Severity.ERROR, Category.CERTIFICATES),
	CERT_NOT_YET_VALID("cert-not-yet-valid", Severity.ERROR, Category.CERTIFICATES),
	CERT_EXPIRING("cert-expiring", Severity.WARNING, Category.CERTIFICATES),
	CERT_REVOKED("cert-revoked", Severity.ERROR, Category.CERTIFICATES),
	CERT_UNTRUSTED("cert-untrusted", Severity.ERROR, Category.CERTIFICATES),
	CERT_ID_MISMATCH("cert-id-mismatch", Severity.ERROR, Category.CERTIFICATES),

	TARGET_UNSUPPORTED("target-unsupported", Severity.ERROR, Category.GENERATION);

	/** The user documentation of every code, relative to the repository (and release) root. */
	public static final String DOCUMENT = "docs/diagnostics.md";

	private static final Map<String, DiagnosticCode> BY_ID = Arrays.stream(values())
			.collect(Collectors.toUnmodifiableMap(DiagnosticCode::id, Function.identity()));

	private final String id;
	private final Severity severity;
	private final Category category;

	DiagnosticCode(String id, Severity severity, Category category) {
		this.id = id;
		this.severity = severity;
		this.category = category;
	}

	/** The code as users see it, e.g. {@code policy-shadowed}. */
	public String id() {
		return id;
	}

	public Severity severity() {
		return severity;
	}

	public Category category() {
		return category;
	}

	/**
	 * The fragment of this code's section in {@value #DOCUMENT}: the section's heading is the code,
	 * and a Markdown heading's anchor is its text.
	 */
	public String anchor() {
		return id;
	}

	/** The code whose {@link #id()} this is, if any: LSP clients and Xtext hand codes back as strings. */
	public static Optional<DiagnosticCode> byId(String id) {
		return Optional.ofNullable(id == null ? null : BY_ID.get(id));
	}
}
