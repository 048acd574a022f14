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
	SYNTAX("syntax", Severity.ERROR, Category.LANGUAGE,
			"The text is not IPSL"), UNRESOLVED_NAME("unresolved-name", Severity.ERROR, Category.LANGUAGE,
					"A name that nothing declares"), DUPLICATE_NAME("duplicate-name", Severity.ERROR, Category.LANGUAGE,
							"Two declarations with one name"), INVALID_VALUE("invalid-value", Severity.ERROR,
									Category.LANGUAGE,
									"A value out of range or of the wrong form"), PATH_OUTSIDE_WORKSPACE(
											"path-outside-workspace", Severity.ERROR, Category.LANGUAGE,
											"A file the policies name lies outside the workspace folder"),

	POLICY_SHADOWED("policy-shadowed", Severity.ERROR, Category.ORDERING,
			"The policy never fires: earlier policies take its packets and treat them differently"), POLICY_REDUNDANT(
					"policy-redundant", Severity.WARNING, Category.ORDERING,
					"The policy changes nothing: its packets are treated the same way without it"), POLICY_CORRELATED(
							"policy-correlated", Severity.INFO, Category.ORDERING,
							"The policy partly overlaps an earlier one with another action: their order decides"), PRIORITY_DUPLICATE(
									"priority-duplicate", Severity.ERROR, Category.ORDERING,
									"Two policies or IKE policies of one host have the same priority"), BYPASS_LOCAL_ADDRESS(
											"bypass-local-address", Severity.ERROR, Category.ORDERING,
											"A bypass address is the source of traffic a policy protects or discards"),

	SPI_RESERVED("spi-reserved", Severity.ERROR, Category.KEYS,
			"An SPI of 0 to 255, reserved by RFC 4303"), SPI_IN_DYNAMIC_RANGE("spi-in-dynamic-range", Severity.ERROR,
					Category.KEYS,
					"A manual inbound SPI inside the host's dynamic SPI range"), SPI_DUPLICATE("spi-duplicate",
							Severity.ERROR, Category.KEYS,
							"Two inbound SAs of one host share an SPI and protocol"), DYNAMIC_SPI_INVALID(
									"dynamic-spi-invalid", Severity.ERROR, Category.KEYS,
									"The dynamic SPI range is empty, reversed or reaches below 256"), KEY_LENGTH(
											"key-length", Severity.ERROR, Category.KEYS,
											"A manual key's length does not fit its algorithm"), WEAK_KEY("weak-key",
													Severity.ERROR, Category.KEYS,
													"A weak or semi-weak DES key, or a 3DES key that repeats a DES key"), LOW_ENTROPY_KEY(
															"low-entropy-key", Severity.WARNING, Category.KEYS,
															"A guessable key or preshared secret"), SPD_LIMITS_INVALID(
																	"spd-limits-invalid", Severity.ERROR, Category.KEYS,
																	"SPD limits that ipsec_config refuses"),

	IKE_NO_POLICY("ike-no-policy", Severity.ERROR, Category.PEERS,
			"Traffic protected with dynamic keys towards a peer no IKE policy covers"), IKE_PROPOSAL_MISMATCH(
					"ike-proposal-mismatch", Severity.ERROR, Category.PEERS,
					"The peers' IKE policies share no proposal"), IKE_AUTH_MISMATCH("ike-auth-mismatch", Severity.ERROR,
							Category.PEERS,
							"The peers' IKE authentication cannot succeed"), TRANSFORM_MISMATCH("transform-mismatch",
									Severity.ERROR, Category.PEERS,
									"The peers' policies for the same traffic share no transform"), PFS_MISMATCH(
											"pfs-mismatch", Severity.ERROR, Category.PEERS,
											"Perfect forward secrecy on one side only, or with different groups"), LIFETIME_MISMATCH(
													"lifetime-mismatch", Severity.INFO, Category.PEERS,
													"The peers' lifetimes differ: the shorter wins"), PROPOSAL_ORDER_DEPENDENT(
															"proposal-order-dependent", Severity.INFO, Category.PEERS,
															"The proposal or transform chosen depends on which peer initiates"), ASYMMETRIC_POLICY(
																	"asymmetric-policy", Severity.ERROR, Category.PEERS,
																	"One peer protects traffic that the other passes in clear or discards"), SELECTOR_MISMATCH(
																			"selector-mismatch", Severity.WARNING,
																			Category.PEERS,
																			"The peers' protected traffic overlaps but is not mirrored"), MANUAL_SA_MISMATCH(
																					"manual-sa-mismatch",
																					Severity.ERROR, Category.PEERS,
																					"A host's outbound manual SA does not fit the peer's inbound one"), PEER_UNKNOWN(
																							"peer-unknown",
																							Severity.HINT,
																							Category.PEERS,
																							"The remote is outside the workspace: nothing across peers was checked"), IKE_VERSION_MISMATCH(
																									"ike-version-mismatch",
																									Severity.ERROR,
																									Category.PEERS,
																									"One peer speaks only IKEv1, the other only IKEv2"), NO_PROPOSAL_CHOSEN(
																											"no-proposal-chosen",
																											Severity.ERROR,
																											Category.PEERS,
																											"strongSwan's responder finds no proposal it accepts for the IKE_SA or a CHILD_SA"), AUTHENTICATION_FAILED(
																													"authentication-failed",
																													Severity.ERROR,
																													Category.PEERS,
																													"IKE_AUTH fails: identities, authentication methods or preshared keys do not fit"), TS_UNACCEPTABLE(
																															"ts-unacceptable",
																															Severity.ERROR,
																															Category.PEERS,
																															"The peers' traffic selectors for a CHILD_SA have nothing in common"), MODE_MISMATCH(
																																	"mode-mismatch",
																																	Severity.WARNING,
																																	Category.PEERS,
																																	"One peer asks for transport mode, the other configures a tunnel: a tunnel is installed"), INVALID_KE_PAYLOAD(
																																			"invalid-ke-payload",
																																			Severity.INFO,
																																			Category.PEERS,
																																			"The initiator guesses another key exchange than the responder chooses: one more round trip"),

	CERT_MISSING("cert-missing", Severity.ERROR, Category.CERTIFICATES,
			"A certificate, CA or CRL file is not there"), CERT_BAD_ENCODING("cert-bad-encoding", Severity.ERROR,
					Category.CERTIFICATES,
					"A file that is not a parsable X.509 certificate or CRL"), CERT_EXPIRED("cert-expired",
							Severity.ERROR, Category.CERTIFICATES,
							"The certificate expired before the checked day"), CERT_NOT_YET_VALID("cert-not-yet-valid",
									Severity.ERROR, Category.CERTIFICATES,
									"The certificate is not yet valid on the checked day"), CERT_EXPIRING(
											"cert-expiring", Severity.WARNING, Category.CERTIFICATES,
											"The certificate expires within 30 days of the checked day"), CERT_REVOKED(
													"cert-revoked", Severity.ERROR, Category.CERTIFICATES,
													"The certificate is revoked by the given CRL"), CERT_UNTRUSTED(
															"cert-untrusted", Severity.ERROR, Category.CERTIFICATES,
															"The certificate or CRL is not signed by the given CA"), CERT_ID_MISMATCH(
																	"cert-id-mismatch", Severity.ERROR,
																	Category.CERTIFICATES,
																	"The IKE identity is not among the certificate's names"),

	TARGET_UNSUPPORTED("target-unsupported", Severity.ERROR, Category.GENERATION,
			"The chosen generation target cannot express a construct");

	/** The user documentation of every code, relative to the repository (and release) root. */
	public static final String DOCUMENT = "docs/diagnostics.md";

	private static final Map<String, DiagnosticCode> BY_ID = Arrays.stream(values())
			.collect(Collectors.toUnmodifiableMap(DiagnosticCode::id, Function.identity()));

	private final String id;
	private final Severity severity;
	private final Category category;
	private final String summary;

	DiagnosticCode(String id, Severity severity, Category category, String summary) {
		this.id = id;
		this.severity = severity;
		this.category = category;
		this.summary = summary;
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

	/** What the code means, in one line (a SARIF rule's short description). */
	public String summary() {
		return summary;
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
