package org.ipsl.describe;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.ast.Endpoints;
import org.ipsl.ast.LinkText;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.Service;
import org.ipsl.catalog.Strength;
import org.ipsl.catalog.Transform;
import org.ipsl.catalog.proposal.AlgorithmChoice;
import org.ipsl.catalog.proposal.AlgorithmKind;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IkeProposalSet;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Network;
import org.ipsl.ipsl.ProposalRef;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.ipsl.TransformSet;
import org.ipsl.model.StartAction;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;
import org.ipsl.values.ProposalTexts;

/**
 * What a name stands for, in a line or two of Markdown: for hovers and completion details. Never
 * shows a secret or key: only names, addresses, algorithms and SPIs.
 */
public final class Descriptions {
	private Descriptions() {
	}

	public static String of(Declaration declaration) {
		if (declaration instanceof Host host)
			return "**host** `" + host.getName() + "`: " + addresses(Endpoints.addresses(host));
		if (declaration instanceof Network network)
			return "**network** `" + network.getName() + "`: " + addresses(Endpoints.addresses(network));
		if (declaration instanceof IkeProposalSet set)
			return "**ike-proposal** `" + set.getName() + "`, in preference order:\n\n" + set.getProposals().stream()
					.map(Descriptions::proposal).map(s -> "- " + s).collect(Collectors.joining("\n"));
		if (declaration instanceof TransformSet set)
			return "**transform-set** `" + set.getName() + "`, in preference order:\n\n" + set.getTransforms()
					.stream().map(Descriptions::transform).map(s -> "- " + s).collect(Collectors.joining("\n"));
		return "";
	}

	public static String of(ManualSa sa) {
		StringBuilder text = new StringBuilder("**manual-sa** `" + sa.getName() + "`");
		if (sa.getPeer() != null)
			text.append(" with ").append(NodeModelUtils.getTokenText(NodeModelUtils.getNode(sa.getPeer())));
		for (SaSpec spec : sa.getSas()) {
			text.append("\n- ").append(spec.getDirection().getLiteral()).append(' ')
					.append(spec.getProtocol().getLiteral()).append(" spi ").append(spec.getSpi());
			if (spec.getEncryption() != null)
				text.append(", encryption ").append(spec.getEncryption().getAlgorithm());
			if (spec.getAuthentication() != null)
				text.append(", authentication ").append(spec.getAuthentication().getAlgorithm());
		}
		return text.toString();
	}

	private static String addresses(List<IpAddress> addresses) {
		return addresses.isEmpty()
				? "no address"
				: addresses.stream().map(IpAddress::text).collect(Collectors.joining(", "));
	}

	private static String proposal(ProposalRef ref) {
		if (ref.getRef() != null && !ref.getRef().eIsProxy())
			return "`" + ref.getRef().getName() + "` (ike-proposal)";
		String text = LinkText.of(ref, IpslPackage.Literals.PROPOSAL_REF__REF);
		return ikeProposal(text).orElse("`" + text + "` (unknown)");
	}

	private static String transform(TransformRef ref) {
		if (ref.getRef() != null && !ref.getRef().eIsProxy())
			return "`" + ref.getRef().getName() + "` (transform-set)";
		String text = LinkText.of(ref, IpslPackage.Literals.TRANSFORM_REF__REF);
		String outer = childProposal(text).orElse("`" + text + "` (unknown)");
		return ref.getInner() == null
				? outer
				: outer + " + "
						+ Transform.byKeyword(ref.getInner()).map(Descriptions::transform).orElse(ref.getInner());
	}

	public static String suite(IkeSuite suite) {
		return "`" + suite.keyword() + "`: " + suite.description() + " — " + suite.strength().verdict();
	}

	public static String transform(Transform transform) {
		return "`" + transform.keyword() + "`: " + transform.description() + " — " + transform.strength().verdict();
	}

	public static String group(DhGroup group) {
		return "`" + group.keyword() + "`: Diffie-Hellman group " + group.number() + ", " + group.description() + " — "
				+ group.strength().verdict();
	}

	/** An IKE policy's {@code mode}: the IKEv1 phase 1 exchange. */
	public static Optional<String> ikeMode(String mode) {
		return switch (mode) {
			case "main" -> Optional.of("`main`: IKEv1 Main Mode, six messages, the identities encrypted (the default; "
					+ "HP-UX's default too). Both peers must run the same mode.");
			case "aggressive" -> Optional.of("`aggressive`: IKEv1 Aggressive Mode, three messages, the identities in "
					+ "clear text; for peers without a fixed address. HP-UX A.02.01 and later (`add auth -exchange AM`); "
					+ "both peers must run the same mode.");
			default -> Optional.empty();
		};
	}

	/** An IKE policy's {@code max-quick-modes N}. */
	public static String maxQuickModes(String value) {
		return "`max-quick-modes " + value + "`: at most " + value + " Quick Modes per IKE SA, then a new Main "
				+ "Mode (HP-UX `-maxqm`, default 100). 1 gives PFS of keys and identities: every Quick Mode gets a "
				+ "new IKE SA with its own Diffie-Hellman exchange.";
	}

	/** A protect action's {@code exclusive}. */
	public static final String EXCLUSIVE = "`exclusive`: one SA pair per 5-tuple (addresses, protocol, ports) "
			+ "instead of one shared by every packet of the policy to the same peer (HP-UX `-flags EXCLUSIVE`).";

	/** A manual SA's algorithm: what it is, how strong, how long its key is written. */
	public static String manualAlgorithm(KeyAlgorithm algorithm) {
		String strength = switch (algorithm) {
			case DES, NULL -> Strength.BROKEN.verdict();
			case TRIPLE_DES, HMAC_MD5 -> Strength.LEGACY.verdict();
			case HMAC_SHA1 -> "acceptable";
			default -> Strength.STRONG.verdict();
		};
		String key = algorithm.takesKey() ? "; key: 0x + " + algorithm.hexDigits() + " hex digits" : "; no key";
		return "`" + algorithm.keyword() + "`: manual-SA " + algorithm.use().name().toLowerCase() + " — "
				+ strength + key;
	}

	/** A built-in suite, a strongSwan IKE proposal or {@code default}: its algorithms and strength. */
	public static Optional<String> ikeProposal(String text) {
		Optional<IkeSuite> suite = IkeSuite.parse(text);
		if (suite.isPresent())
			return Optional.of(suite(suite.get()));
		if (!ProposalTexts.isIke(text))
			return Optional.empty();
		return Optional.of(proposals(text, "IKE", ProposalTexts.ike(text)));
	}

	/** A built-in transform, a strongSwan ESP or AH proposal or {@code default}: its algorithms and strength. */
	public static Optional<String> childProposal(String text) {
		Optional<Transform> builtin = Transform.byKeyword(text);
		if (builtin.isPresent())
			return Optional.of(transform(builtin.get()));
		if (!ProposalTexts.isTransform(text))
			return Optional.empty();
		return Optional.of(proposals(text, ProposalTexts.isAh(text) ? "AH" : "ESP", ProposalTexts.transform(text)));
	}

	/** strongSwan's proposals by kind of algorithm, alternatives in preference order; or why the text is none. */
	private static String proposals(String text, String protocol, Parsed<List<Proposal>> parsed) {
		if (!parsed.ok())
			return "`" + text + "`: not a valid strongSwan " + protocol + " proposal: " + parsed.error();
		StringBuilder out = new StringBuilder("`" + text + "`: ");
		out.append(ProposalTexts.DEFAULT.equals(text)
				? "strongSwan's default " + protocol + " proposals"
				: "strongSwan " + protocol + " proposal");
		for (Proposal proposal : parsed.value()) {
			if (parsed.value().size() > 1)
				out.append("\n\n`").append(proposal.keyword()).append('`');
			for (AlgorithmKind kind : AlgorithmKind.values()) {
				List<AlgorithmChoice> choices = proposal.algorithms(kind);
				if (!choices.isEmpty() && kind != AlgorithmKind.EXTENDED_SEQUENCE_NUMBERS)
					out.append("\n- ").append(kind.description()).append(": ").append(choices.stream()
							.map(c -> c.description() + " (" + c.strength().verdict() + ")")
							.collect(Collectors.joining(", or ")));
			}
			out.append("\n\n").append(proposal.strength().verdict().substring(0, 1).toUpperCase())
					.append(proposal.strength().verdict().substring(1)).append(": the weakest algorithm decides.");
		}
		return out.toString();
	}

	/** An IKE policy's {@code version}. */
	public static Optional<String> ikeVersion(String version) {
		return switch (version) {
			case "1" -> Optional.of("`version 1`: IKEv1 (RFC 2409): Main or Aggressive Mode, then Quick Modes.");
			case "2" -> Optional.of("`version 2`: IKEv2 (RFC 7296): IKE_SA_INIT and IKE_AUTH, traffic selectors "
					+ "narrowed by the responder.");
			case "any" -> Optional.of("`version any`: initiates with IKEv2 and answers either version (strongSwan's "
					+ "`version = 0`).");
			default -> Optional.empty();
		};
	}

	/** A protect action's {@code start}. */
	public static Optional<String> start(String action) {
		return StartAction.byKeyword(action).map(a -> switch (a) {
			case INITIATE -> "`start initiate`: negotiates the SAs as soon as the configuration is loaded "
					+ "(strongSwan `start_action = start`, ipsec.conf `auto=start`).";
			case TRAP -> "`start trap`: negotiates when the first packet the policy takes asks for it (the default; "
					+ "strongSwan `start_action = trap`, ipsec.conf `auto=route`).";
			case NONE -> "`start none`: waits for the peer to negotiate (strongSwan `start_action = none`, ipsec.conf "
					+ "`auto=add`).";
		});
	}

	/** An IKE policy named by a protection's {@code ike}. */
	public static String of(IkePolicy ike) {
		StringBuilder text = new StringBuilder("**ike** `" + ike.getName() + "`");
		if (ike.getRemote() != null)
			text.append(" with ").append(NodeModelUtils.getTokenText(NodeModelUtils.getNode(ike.getRemote())));
		if (ike.getVersion() != null)
			text.append(", version ").append(ike.getVersion());
		return text.toString();
	}

	/** A built-in name of any kind: IKE suite, transform, group or service. */
	public static Optional<String> builtin(String name) {
		Optional<String> found = IkeSuite.parse(name).map(Descriptions::suite);
		if (found.isEmpty())
			found = Transform.byKeyword(name).map(Descriptions::transform);
		if (found.isEmpty())
			found = DhGroup.byKeyword(name).map(Descriptions::group);
		if (found.isEmpty())
			found = Service.port(name).map(port -> "`" + name + "`: IANA service name for port " + port);
		return found;
	}
}
