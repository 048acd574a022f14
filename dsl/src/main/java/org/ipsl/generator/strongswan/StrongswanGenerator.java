package org.ipsl.generator.strongswan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.Header;
import org.ipsl.generator.HostGenerator;
import org.ipsl.generator.KernelPriorities;
import org.ipsl.generator.Problems;
import org.ipsl.generator.Target;
import org.ipsl.generator.plan.Addresses;
import org.ipsl.generator.plan.Addresses.Pair;
import org.ipsl.generator.plan.HostPlan;
import org.ipsl.generator.plan.HostPlan.BypassPlan;
import org.ipsl.generator.plan.IkePlan;
import org.ipsl.generator.plan.IkePlan.AuthPlan;
import org.ipsl.generator.plan.IkePlan.CertificatePlan;
import org.ipsl.generator.plan.IkePlan.FileRef;
import org.ipsl.generator.plan.IkePlan.PresharedPlan;
import org.ipsl.generator.plan.IkePlan.ProposalPlan;
import org.ipsl.generator.plan.PolicyPlan;
import org.ipsl.generator.plan.PolicyPlan.DiscardPlan;
import org.ipsl.generator.plan.PolicyPlan.ManualPlan;
import org.ipsl.generator.plan.PolicyPlan.PassPlan;
import org.ipsl.generator.plan.PolicyPlan.PortRange;
import org.ipsl.generator.plan.PolicyPlan.ProtectPlan;
import org.ipsl.generator.plan.PolicyPlan.SelectorPlan;
import org.ipsl.generator.plan.PolicyPlan.TransformPlan;
import org.ipsl.model.IpAddress;
import org.ipsl.model.IpProtocol;
import org.ipsl.runtime.config.DefaultAction;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.StartAction;
import org.ipsl.model.IpAddress;

/**
 * {@code swanctl.conf}: one connection per IKE policy, one child per address pair of each policy
 * that protects with dynamic keys (IKEv1 negotiates one selector pair per CHILD_SA), the passes and
 * discards as trapped shunts, and the preshared secrets. Every child carries its fixed kernel
 * priority, so the kernel searches the policies in IPSL's order. One setting per line, as swanctl
 * requires.
 */
public final class StrongswanGenerator implements HostGenerator {
	public static final String FILE = "swanctl.conf";
	/** Connection of the shunts; IPSL names start with a letter, so no IKE policy can take it. */
	static final String SHUNTS = "_shunts";

	@Override
	public Target target() {
		return Target.STRONGSWAN;
	}

	@Override
	public String describe(GenerateOptions options) {
		return "strongSwan swanctl.conf, IKEv" + options.ikeVersion();
	}

	@Override
	public List<GeneratedFile> generate(HostPlan host, GenerateOptions options, Problems problems) {
		Config config = new Config();
		Map<IkePlan, List<Section>> children = new LinkedHashMap<>();
		host.ikePolicies().forEach(ike -> children.put(ike, new ArrayList<>()));
		List<Section> shunts = new ArrayList<>();
		Set<String> childNames = new HashSet<>();
		for (BypassPlan bypass : host.bypass()) {
			IpAddress any = Addresses.ANY.get(bypass.address().isV4() ? 0 : 1);
			shunts.add(shunt("_bypass-" + (shunts.size() + 1), Addresses.cidr(bypass.address()), Addresses.cidr(any),
					"pass", KernelPriorities.BYPASS));
		}
		for (PolicyPlan policy : host.policies())
			policy(host, policy, children, shunts, childNames, problems);
		if (host.defaultAction() == DefaultAction.DISCARD)
			for (IpAddress any : Addresses.ANY)
				shunts.add(shunt("_default-" + (any.isV4() ? "ipv4" : "ipv6"), Addresses.cidr(any), Addresses.cidr(any),
						"drop", KernelPriorities.DEFAULT));

		Section connections = new Section("connections");
		Section secrets = new Section("secrets");
		boolean secret = false;
		for (Map.Entry<IkePlan, List<Section>> entry : children.entrySet()) {
			IkePlan ike = entry.getKey();
			connections.add(connection(host, ike, entry.getValue(), options, config, problems));
			PresharedPlan psk = ike.authentication() instanceof PresharedPlan own
					? own
					: ike.remoteAuthentication() instanceof PresharedPlan peer ? peer : null;
			if (psk != null) {
				secrets.add(secret(ike, psk));
				secret = true;
			}
		}
		if (!shunts.isEmpty()) {
			Section shuntConnection = new Section(SHUNTS);
			Section shuntChildren = new Section("children");
			shunts.forEach(shuntChildren::add);
			shuntConnection.add(shuntChildren);
			connections.add(shuntConnection);
		}

		StringBuilder out = new StringBuilder();
		out.append("# ").append(Header.text(host.name(), describe(options))).append('\n');
		out.append("# Load with: swanctl --load-all --file swanctl.conf\n");
		out.append("# ").append(KernelPriorities.EXPLAINED).append('\n');
		config.comments.forEach(c -> out.append("# ").append(c).append('\n'));
		connections.write(out, 0);
		if (!secrets.isEmpty())
			secrets.write(out, 0);
		return List.of(new GeneratedFile(FILE, out.toString(), secret, false));
	}

	/** Comment lines gathered while building: where certificate files go. */
	private static final class Config {
		final List<String> comments = new ArrayList<>();
	}

	// ---- policies ---------------------------------------------------------------------------

	private void policy(HostPlan host, PolicyPlan policy, Map<IkePlan, List<Section>> children, List<Section> shunts,
			Set<String> childNames, Problems problems) {
		boolean ok = true;
		for (SelectorPlan s : policy.selectors()) {
			ok &= ports(policy, s.localPorts(), s.localPortsPlace(), problems)
					& ports(policy, s.remotePorts(), s.remotePortsPlace(), problems);
			if (s.icmpType() != null) {
				problems.unsupported(s.icmpTypePlace(), "ICMP type " + s.icmpType() + " of policy " + policy.name(),
						"IPSL writes no ICMP types into strongSwan's port selectors");
				ok = false;
			}
		}
		if (policy.action() instanceof ManualPlan manual) {
			problems.unsupported(manual.place(), "manual keys of policy " + policy.name(),
					"strongSwan negotiates every SA through IKE: the xfrm target writes manual SAs");
			ok = false;
		}
		if (!ok)
			return;
		// One child per address pair of each selector, the first keeping the policy's name.
		List<Pair> pairs = new ArrayList<>();
		List<SelectorPlan> pairSelectors = new ArrayList<>();
		for (SelectorPlan s : policy.selectors())
			for (Pair pair : Addresses.pairs(s.local(), s.remote())) {
				pairs.add(pair);
				pairSelectors.add(s);
			}
		long priority = KernelPriorities.of(policy.priority());
		if (policy.action() instanceof PassPlan || policy.action() instanceof DiscardPlan) {
			String mode = policy.action() instanceof PassPlan ? "pass" : "drop";
			for (int i = 0; i < pairs.size(); i++) {
				String name = childName(policy, i, childNames, problems);
				SelectorPlan s = pairSelectors.get(i);
				if (name != null)
					shunts.add(shunt(name, selector(pairs.get(i).local(), s.protocol(), s.localPorts()),
							selector(pairs.get(i).remote(), s.protocol(), s.remotePorts()), mode, priority));
			}
			return;
		}
		ProtectPlan protect = (ProtectPlan) policy.action();
		Optional<IkePlan> ike = host.ikeOf(policy);
		if (ike.isEmpty()) {
			problems.unsupported(policy.place(), "policy " + policy.name(),
					"it protects with dynamic keys, and no IKE policy of the host covers its peer");
			return;
		}
		if (protect.tunnel() != null && !host.addresses().contains(protect.tunnel().local())) {
			problems.unsupported(protect.tunnel().place(), "tunnel of policy " + policy.name(),
					"its local end is not an address of host " + host.name());
			return;
		}
		if (protect.exclusive()) {
			problems.unsupported(protect.exclusivePlace(), "exclusive of policy " + policy.name(),
					"swanctl.conf negotiates one SA pair per child, not one per 5-tuple");
			return;
		}
		Optional<String> proposals = proposals(policy, protect, problems);
		Optional<TransformPlan> lifetime = lifetime(policy, protect, problems);
		if (proposals.isEmpty() || lifetime.isEmpty())
			return;
		for (int i = 0; i < pairs.size(); i++) {
			String name = childName(policy, i, childNames, problems);
			if (name == null)
				continue;
			SelectorPlan s = pairSelectors.get(i);
			Section child = new Section(name);
			child.set("mode", protect.tunnel() != null ? "tunnel" : "transport");
			child.set("local_ts", selector(pairs.get(i).local(), s.protocol(), s.localPorts()));
			child.set("remote_ts", selector(pairs.get(i).remote(), s.protocol(), s.remotePorts()));
			child.set(ah(protect.transforms().get(0)) ? "ah_proposals" : "esp_proposals", proposals.get());
			long seconds = lifetime.get().lifetimeSeconds(), kilobytes = lifetime.get().lifetimeKilobytes();
			child.set("rekey_time", (seconds - seconds / 10) + "s");
			if (seconds > 0)
				child.set("life_time", seconds + "s");
			if (kilobytes > 0) {
				child.set("rekey_bytes", Long.toString((kilobytes - kilobytes / 10) * 1024));
				child.set("life_bytes", Long.toString(kilobytes * 1024));
			}
			child.set("priority", Long.toString(priority));
			child.set("start_action", (protect.start() != null ? protect.start() : StartAction.TRAP).strongswanName());
			children.get(ike.get()).add(child);
		}
	}

	private static boolean ports(PolicyPlan policy, PortRange ports, org.ipsl.generator.plan.Place place,
			Problems problems) {
		if (ports == null || ports.single())
			return true;
		problems.unsupported(place, "port range " + ports.from() + ".." + ports.to() + " of policy " + policy.name(),
				"strongSwan accepts port ranges, but none of its kernel backends installs them");
		return false;
	}

	/** The first pair keeps the policy's name; the others are numbered from 2. */
	private static String childName(PolicyPlan policy, int index, Set<String> names, Problems problems) {
		String name = index == 0 ? policy.name() : policy.name() + "-" + (index + 1);
		if (names.add(name))
			return name;
		problems.unsupported(policy.place(), "policy " + policy.name(),
				"its strongSwan child name " + name + " is taken by another policy");
		return null;
	}

	/** {@code prefix[protocol/port]}; the protocol by number, as strongSwan reads it without /etc/protocols. */
	private static String selector(IpAddress address, Integer protocol, PortRange ports) {
		String cidr = Addresses.cidr(address);
		if (protocol == null)
			return cidr;
		return cidr + "[" + IpProtocol.written(protocol, IpProtocol::linuxName)
				+ (ports == null ? "" : "/" + ports.from()) + "]";
	}

	private static Section shunt(String name, String local, String remote, String mode, long priority) {
		Section child = new Section(name);
		child.set("local_ts", local);
		child.set("remote_ts", remote);
		child.set("mode", mode);
		child.set("priority", Long.toString(priority));
		child.set("start_action", "trap");
		return child;
	}

	// ---- proposals and lifetimes ------------------------------------------------------------

	/**
	 * ESP or AH proposals in preference order, each built-in one with the PFS group when there is
	 * one; a strongSwan proposal as written, without its {@code esp-} or {@code ah-}.
	 */
	private static Optional<String> proposals(PolicyPlan policy, ProtectPlan protect, Problems problems) {
		List<String> proposals = new ArrayList<>();
		boolean ah = ah(protect.transforms().get(0));
		for (TransformPlan t : protect.transforms()) {
			String construct = "transform " + t.name() + " of policy " + policy.name();
			if (t.nested()) {
				problems.unsupported(t.place(), construct, "swanctl.conf has no AH+ESP bundles");
				return Optional.empty();
			}
			if (ah(t) != ah) {
				problems.unsupported(t.place(), construct,
						"a child offers ESP or AH proposals, and this list mixes both");
				return Optional.empty();
			}
			if (t.strongswan()) {
				if (protect.pfs() != null) {
					problems.unsupported(protect.pfsPlace(), "pfs of policy " + policy.name(),
							"the strongSwan proposal " + t.name() + " names its own groups, if any: write the group in "
									+ "it instead");
					return Optional.empty();
				}
				proposals.add(t.name().replaceFirst("^(esp|ah)-", ""));
				continue;
			}
			String keyword = (ah ? t.ah() : t.esp()).proposal().keyword();
			proposals.add(protect.pfs() == null ? keyword : keyword + "-" + protect.pfs().keyword());
		}
		return Optional.of(String.join(", ", proposals));
	}

	/** Whether a transform is AH: a built-in AH one, or a strongSwan proposal written {@code ah-...}. */
	private static boolean ah(TransformPlan t) {
		return t.strongswan() ? t.name().startsWith("ah-") : t.esp() == null;
	}

	/** A child has one lifetime: the transforms of a list must agree on theirs. */
	private static Optional<TransformPlan> lifetime(PolicyPlan policy, ProtectPlan protect, Problems problems) {
		TransformPlan first = protect.transforms().get(0);
		for (TransformPlan t : protect.transforms())
			if (t.lifetimeSeconds() != first.lifetimeSeconds() || t.lifetimeKilobytes() != first.lifetimeKilobytes()) {
				problems.unsupported(t.place(), "lifetime of transform " + t.name() + " of policy " + policy.name(),
						"a strongSwan child has one lifetime, and the transforms of this list differ");
				return Optional.empty();
			}
		return Optional.of(first);
	}

	// ---- connections and secrets ------------------------------------------------------------

	private Section connection(HostPlan host, IkePlan ike, List<Section> children, GenerateOptions options,
			Config config, Problems problems) {
		Section connection = new Section(ike.name());
		int version = ike.version() != null ? ike.version().strongswanNumber() : options.ikeVersion();
		connection.set("version", Integer.toString(version));
		List<IpAddress> local = ike.local() != null ? ike.local() : host.addresses();
		if (!local.isEmpty()) // none: strongSwan's default, any local address
			connection.set("local_addrs", addresses(local));
		connection.set("remote_addrs", addresses(ike.remote()));
		connection.set("proposals", String.join(", ", ike.proposals().stream().map(ProposalPlan::keyword).toList()));
		if (ike.aggressive()) {
			if (version != 2)
				connection.set("aggressive", "yes");
			else
				problems.unsupported(ike.modePlace(), "mode aggressive of IKE policy " + ike.name(),
						"Aggressive Mode is an IKEv1 exchange; write version 1 or generate with --ike-version 1");
		}
		if (ike.maxQuickModes() != null)
			problems.unsupported(ike.maxQuickModesPlace(), "max-quick-modes of IKE policy " + ike.name(),
					"swanctl.conf has no limit on the Quick Modes of one IKE SA");
		long lifetime = ike.lifetimeSeconds();
		// IKEv1 cannot rekey an IKE SA, it reauthenticates; over_time makes the hard lifetime IPSL's.
		if (version == 1) {
			connection.set("reauth_time", (lifetime - lifetime / 10) + "s");
			connection.set("rekey_time", "0s");
		} else
			connection.set("rekey_time", (lifetime - lifetime / 10) + "s");
		if (lifetime > 0)
			connection.set("over_time", (lifetime / 10) + "s");
		Section localAuth = new Section("local"), remoteAuth = new Section("remote");
		authentication(localAuth, ike.authentication(), true, ike, config);
		authentication(remoteAuth, ike.remoteAuthentication() != null
				? ike.remoteAuthentication()
				: ike.authentication(), false, ike, config);
		identity(localAuth, ike.localId(), ike, problems);
		identity(remoteAuth, ike.remoteId(), ike, problems);
		connection.add(localAuth);
		connection.add(remoteAuth);
		if (!children.isEmpty()) {
			Section section = new Section("children");
			children.forEach(section::add);
			connection.add(section);
		}
		return connection;
	}

	/** {@code auth}, and for certificates where their files go; a certificate found by identity names no file. */
	private static void authentication(Section section, AuthPlan auth, boolean local, IkePlan ike, Config config) {
		if (!(auth instanceof CertificatePlan c)) {
			section.set("auth", "psk");
			return;
		}
		section.set("auth", "pubkey");
		if (local && c.certificate() != null) {
			section.set("certs", fileName(c.certificate()));
			config.comments.add("IKE policy " + ike.name() + ": copy " + c.certificate().workspacePath()
					+ " to /etc/swanctl/x509/ and its private key to /etc/swanctl/private/");
		}
		if (!local && c.ca() != null) {
			section.set("cacerts", fileName(c.ca()));
			config.comments
					.add("IKE policy " + ike.name() + ": copy " + c.ca().workspacePath() + " to /etc/swanctl/x509ca/");
		}
		if (!local && c.crl() != null)
			config.comments.add(
					"IKE policy " + ike.name() + ": copy " + c.crl().workspacePath() + " to /etc/swanctl/x509crl/");
	}

	/** Addresses as swanctl.conf lists them; {@code any} (both families' every address) as %any. */
	private static String addresses(List<IpAddress> addresses) {
		if (addresses.equals(Addresses.ANY))
			return "%any";
		return String.join(", ", addresses.stream().map(StrongswanGenerator::endpoint).toList());
	}

	/** One address as itself (so that it can be initiated to), a network as a prefix. */
	private static String endpoint(IpAddress address) {
		return address.isHost() ? Addresses.plain(address) : Addresses.cidr(address);
	}

	private static String fileName(FileRef file) {
		return file.resolved().getFileName().toString();
	}

	private static void identity(Section section, IkeIdentity id, IkePlan ike, Problems problems) {
		if (id == null)
			return;
		String value = swanIdentity(id);
		if (value.contains("\"") || value.contains("\\")) {
			problems.unsupported(ike.place(), "identity of IKE policy " + ike.name(),
					"IPSL writes no quotes or backslashes into swanctl.conf values");
			return;
		}
		section.set("id", Section.needsQuotes(value) ? "\"" + value + "\"" : value);
	}

	/** An identity as strongSwan reads it: typed by a prefix where its form would not say. */
	private static String swanIdentity(IkeIdentity id) {
		return switch (id.kind()) {
			case FQDN -> "fqdn:" + id.value();
			case USER_FQDN -> "userfqdn:" + id.value();
			case KEY_ID -> "keyid:" + id.value();
			case ANY -> "%any";
			case IPV4, IPV6, DN -> id.value();
		};
	}

	/**
	 * The secret in hex, so that no character of it needs quoting; a secret already written as
	 * {@code 0x} hex stays as it is, since strongSwan, like HP-UX, reads it as hex. The ids are the
	 * remote's single addresses (or its remote-id); with neither, the secret matches any peer.
	 */
	private static Section secret(IkePlan ike, PresharedPlan psk) {
		Section secret = new Section("ike-" + ike.name());
		List<String> ids = new ArrayList<>();
		if (ike.remoteId() != null) {
			if (ike.remoteId().kind() == IkeIdentity.Kind.KEY_ID)
				ids.add(swanIdentity(ike.remoteId()));
			else if (ike.remoteId().kind() != IkeIdentity.Kind.ANY)
				ids.add(ike.remoteId().value());
		} else
			ike.remote().stream().filter(IpAddress::isHost).map(Addresses::plain).forEach(ids::add);
		for (int i = 0; i < ids.size(); i++)
			secret.set("id-" + (i + 1), Section.needsQuotes(ids.get(i)) ? "\"" + ids.get(i) + "\"" : ids.get(i));
		String text = psk.secret();
		boolean hex = text.length() > 2 && text.startsWith("0x")
				&& text.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
		secret.set("secret", hex ? text : "0x" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
		return secret;
	}
}
