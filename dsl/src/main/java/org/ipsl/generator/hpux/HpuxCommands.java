package org.ipsl.generator.hpux;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.generator.Problems;
import org.ipsl.generator.plan.Addresses;
import org.ipsl.generator.plan.Addresses.Pair;
import org.ipsl.generator.plan.HostPlan;
import org.ipsl.generator.plan.HostPlan.BypassPlan;
import org.ipsl.generator.plan.IkePlan;
import org.ipsl.generator.plan.IkePlan.CertificatePlan;
import org.ipsl.generator.plan.IkePlan.PresharedPlan;
import org.ipsl.generator.plan.IkePlan.ProposalPlan;
import org.ipsl.generator.plan.ManualSaPlan;
import org.ipsl.generator.plan.ManualSaPlan.SaPlan;
import org.ipsl.generator.plan.Place;
import org.ipsl.generator.plan.PolicyPlan;
import org.ipsl.generator.plan.PolicyPlan.DiscardPlan;
import org.ipsl.generator.plan.PolicyPlan.ManualPlan;
import org.ipsl.generator.plan.PolicyPlan.PassPlan;
import org.ipsl.generator.plan.PolicyPlan.PortRange;
import org.ipsl.generator.plan.PolicyPlan.ProtectPlan;
import org.ipsl.generator.plan.PolicyPlan.SelectorPlan;
import org.ipsl.generator.plan.PolicyPlan.TransformPlan;
import org.ipsl.generator.plan.PolicyPlan.TunnelPlan;
import org.ipsl.model.IpAddress;
import org.ipsl.model.IpProtocol;
import org.ipsl.runtime.config.DefaultAction;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpAddress;
import org.ipsl.values.Numbers;

/**
 * A host's {@code ipsec_config add} commands, in the order a batch file and a script run them:
 * startup options, bypass list, authentication records, IKE policies, host policies (each after
 * the tunnel policy it names) in priority order, the default policy. Every option is written out,
 * so the result does not depend on the profile file's defaults.
 */
final class HpuxCommands {
	/** One command: the words after {@code ipsec_config}. */
	record Command(List<String> words) {
	}

	record Result(List<Command> commands, List<String> notes, boolean secret) {
	}

	private final HostPlan host;
	private final HpuxCapabilities caps;
	private final Problems problems;
	private final List<Command> commands = new ArrayList<>();
	private final Set<String> notes = new LinkedHashSet<>();
	private final Set<String> hostNames = new HashSet<>(), ikeNames = new HashSet<>(), authNames = new HashSet<>();
	private boolean secret;

	private HpuxCommands(HostPlan host, HpuxCapabilities caps, Problems problems) {
		this.host = host;
		this.caps = caps;
		this.problems = problems;
	}

	static Result of(HostPlan host, HpuxCapabilities caps, Problems problems) {
		HpuxCommands c = new HpuxCommands(host, caps, problems);
		c.startup();
		c.bypass();
		c.ike();
		c.policies();
		c.add("add", "host", "default", "-action", host.defaultAction() == DefaultAction.PASS ? "PASS" : "DISCARD");
		return new Result(List.copyOf(c.commands), List.copyOf(c.notes), c.secret);
	}

	private void add(String... words) {
		commands.add(new Command(List.of(words)));
	}

	private void add(List<String> words) {
		commands.add(new Command(List.copyOf(words)));
	}

	// ---- startup and bypass -----------------------------------------------------------------

	private void startup() {
		if (host.spdLimits() != null) {
			add("add", "startup", "-spd_soft", Long.toString(host.spdLimits().soft()));
			add("add", "startup", "-spd_hard", Long.toString(host.spdLimits().hard()));
		}
		if (host.auditLevel() != null) {
			notes.add(Notes.STARTUP_AUDIT);
			add("add", "startup", "-auditlvl", host.auditLevel().name().toLowerCase(java.util.Locale.ROOT));
		}
		if (host.dynamicSpiSet()) {
			notes.add(Notes.STARTUP_SPI);
			add("add", "startup", "-spi_min", Long.toString(host.dynamicSpi().low()), "-spi_max",
					Long.toString(host.dynamicSpi().high()));
		}
	}

	private void bypass() {
		for (BypassPlan bypass : host.bypass()) {
			IpAddress address = bypass.address();
			if (!address.isHost())
				unsupported(bypass.place(), "bypass " + address.text(),
						"HP-UX's bypass list takes addresses, not prefixes");
			else if (!address.isV4() && !caps.ipv6Bypass())
				unsupported(bypass.place(), "bypass " + address.text(),
						"the A.02.00 bypass list is IPv4 only (A.02.00 guide, page 105)");
			else {
				if (!address.isV4())
					notes.add(Notes.IPV6_BYPASS);
				add("add", "bypass", Addresses.plain(address));
			}
		}
	}

	// ---- IKE --------------------------------------------------------------------------------

	/**
	 * One IKE policy per remote address. HP-UX offers one proposal per IKE policy and uses only the
	 * first IKE policy by priority whose remote covers the peer (Windows interop paper, page 42;
	 * A.02.00 guide, page 93), so a proposal list cannot be written as several policies.
	 */
	private void ike() {
		Map<IkePlan, PfsUse> pfs = pfsByIkePolicy();
		Map<IpAddress, AuthRecord> records = new LinkedHashMap<>();
		List<Command> authCommands = new ArrayList<>(), ikeCommands = new ArrayList<>();
		List<IkePlan> ikes = host.ikePolicies();
		for (int i = 0; i < ikes.size(); i++) {
			IkePlan ike = ikes.get(i);
			Long next = i + 1 < ikes.size() ? ikes.get(i + 1).priority() : null;
			if (ike.proposals().size() > 1) {
				unsupported(ike.proposals().get(1).place(), "the proposal list of IKE policy " + ike.name(),
						"HP-UX IPSec " + caps.release() + " offers one proposal per IKE policy and uses only the first "
								+ "IKE policy by priority whose remote covers the peer (Windows interop paper, page 42; "
								+ "A.02.00 guide, page 93): write one proposal");
				continue;
			}
			if (!fits("IKE policy", ike.name(), ike.place(), ike.priority(), ike.remote().size(), next))
				continue;
			Optional<List<String>> suite = suite(ike.proposals().get(0));
			Optional<List<String>> options = suite.isEmpty() ? Optional.empty() : ikeOptions(ike, pfs.get(ike));
			Optional<List<String>> authOptions = authOptions(ike);
			if (options.isEmpty() || authOptions.isEmpty())
				continue;
			notes.add(Notes.IKE_OPTIONS);
			if (ike.authentication() instanceof CertificatePlan)
				notes.add(Notes.CERTIFICATES);
			for (int index = 0; index < ike.remote().size(); index++) {
				IpAddress remote = ike.remote().get(index);
				String name = expanded(ike.name(), index);
				if (!records.containsKey(remote) && !wider(records, remote, ike, authOptions.get())
						&& unique(authNames, name, "authentication of IKE policy " + ike.name(), ike.place())) {
					records.put(remote, new AuthRecord(ike, authOptions.get()));
					List<String> words = new ArrayList<>(
							List.of("add", "auth", name, "-remote", Addresses.cidr(remote)));
					words.addAll(authOptions.get());
					authCommands.add(new Command(List.copyOf(words)));
				}
				if (!unique(ikeNames, name, "IKE policy " + ike.name(), ike.place()))
					break;
				List<String> words = new ArrayList<>(List.of("add", caps.ikeObject(), name, "-remote",
						Addresses.cidr(remote), "-priority", priority(ike.priority() + index)));
				words.addAll(suite.get());
				words.addAll(options.get());
				ikeCommands.add(new Command(List.copyOf(words)));
			}
		}
		commands.addAll(authCommands);
		commands.addAll(ikeCommands);
	}

	/** An authentication record written for an IKE policy's remote: its options after {@code -remote}. */
	private record AuthRecord(IkePlan ike, List<String> options) {
	}

	/**
	 * Whether an earlier IKE policy, which HP-UX uses for every peer of its wider remote, would get
	 * this narrower record with other authentication: HP-UX picks the record by longest prefix, not
	 * by IKE policy (A.02.00 guide, page 141). Reports it when so.
	 */
	private boolean wider(Map<IpAddress, AuthRecord> records, IpAddress remote, IkePlan ike, List<String> options) {
		for (Map.Entry<IpAddress, AuthRecord> earlier : records.entrySet())
			if (earlier.getKey().covers(remote) && earlier.getValue().ike() != ike
					&& !earlier.getValue().options().equals(options)) {
				unsupported(ike.place(), "IKE policy " + ike.name(), "HP-UX picks the authentication record by longest "
						+ "prefix (A.02.00 guide, page 141), so the peers in " + remote.text()
						+ ", which use IKE policy "
						+ earlier.getValue().ike().name() + " (the first by priority whose remote covers them), would "
						+ "authenticate with this policy's record; give them the same authentication and identities");
				return true;
			}
		return false;
	}

	private Optional<List<String>> suite(ProposalPlan proposal) {
		var suite = proposal.suite();
		String construct = "IKE proposal " + suite.keyword();
		Optional<HpuxCapabilities.Name> encryption = caps.ikeEncryption(suite.encryption());
		Optional<HpuxCapabilities.Name> hash = caps.ikeHash(suite.hash());
		Optional<HpuxCapabilities.Name> group = caps.group(suite.group());
		if (encryption.isEmpty())
			unsupported(proposal.place(), construct, "HP-UX IPSec " + caps.release() + " offers the IKE encryption "
					+ (caps.a03() ? "3DES and AES128" : "DES, 3DES and AES128") + " only");
		else if (hash.isEmpty())
			unsupported(proposal.place(), construct,
					"it offers the IKE hashes MD5 and SHA1 only (SHA-2 came with A.03.02)");
		else if (group.isEmpty())
			unsupported(proposal.place(), construct,
					"it offers the MODP Diffie-Hellman groups 1, 2, 5 and 14 only, and of these the manuals state group 2");
		else
			return Optional.of(List.of("-group", noted(group.get()), "-hash", noted(hash.get()), "-encryption",
					noted(encryption.get())));
		return Optional.empty();
	}

	/**
	 * The IKE policy's options after its suite: A.02's {@code -auth} (A.03 puts the method on the
	 * authentication record), the lifetime, and PFS: A.02's {@code -maxqm}, A.03's {@code -pfs ON|OFF}.
	 */
	private Optional<List<String>> ikeOptions(IkePlan ike, PfsUse pfs) {
		List<String> words = new ArrayList<>();
		if (!caps.a03())
			words.addAll(List.of("-auth", method(ike)));
		words.addAll(List.of("-life", Long.toString(ike.lifetimeSeconds())));
		if (ike.maxQuickModes() != null) {
			if (!caps.maxQuickModes()) {
				unsupported(ike.maxQuickModesPlace(), "max-quick-modes of IKE policy " + ike.name(),
						"HP-UX IPSec A.03.00's IKEv1 policy has -pfs ON|OFF instead of -maxqm (ipsec_migrate turns "
								+ "-maxqm 1 into PFS ON, which is Quick Mode PFS, not a new Main Mode: A.03.02.02 "
								+ "release notes, page 22)");
				return Optional.empty();
			}
			words.addAll(List.of("-maxqm", ike.maxQuickModes().toString()));
		}
		if (caps.a03()) {
			boolean on = pfs != null && pfs.group().isPresent();
			if (on && pfs.group().get() != ike.proposals().get(0).suite().group()) {
				unsupported(pfs.user().action() instanceof ProtectPlan p ? p.pfsPlace() : pfs.user().place(),
						"PFS of policy " + pfs.user().name(), "HP-UX IPSec A.03.00 sets PFS on the IKE policy as "
								+ "-pfs ON|OFF, a switch without a group (A.03.02.02 release notes, page 22), and IKE "
								+ "policy " + ike.name() + " negotiates group "
								+ ike.proposals().get(0).suite().group().number());
				return Optional.empty();
			}
			if (on)
				notes.add(Notes.PFS_ON);
			words.addAll(List.of("-pfs", on ? "ON" : "OFF"));
		}
		return Optional.of(words);
	}

	private static String method(IkePlan ike) {
		return ike.authentication() instanceof PresharedPlan ? "PSK" : "RSASIG";
	}

	/**
	 * The authentication record's options after {@code -remote}: identities, the exchange mode, and
	 * on A.03 the method; the preshared key last. One record per remote prefix: HP-UX picks it by
	 * longest prefix, not by IKE policy (A.02.00 guide, page 141).
	 */
	private Optional<List<String>> authOptions(IkePlan ike) {
		List<String> words = new ArrayList<>();
		identity(words, "-ltype", "-lid", ike.localId());
		identity(words, "-rtype", "-rid", ike.remoteId());
		if (ike.aggressive()) {
			if (!caps.aggressiveMode()) {
				unsupported(ike.modePlace(), "mode aggressive of IKE policy " + ike.name(),
						"HP-UX IPSec A.02.00 has Main Mode only; Aggressive Mode came with A.02.01 (Windows interop "
								+ "paper, page 12; A.02.01 guide, page 139)");
				return Optional.empty();
			}
			if (caps.a03())
				notes.add(Notes.EXCHANGE_A03);
			words.addAll(List.of("-exchange", "AM"));
		}
		if (caps.a03()) {
			notes.add(Notes.LOCAL_METHOD);
			words.addAll(List.of("-local_method", method(ike), "-remote_method", method(ike)));
		}
		if (ike.authentication() instanceof PresharedPlan psk) {
			String problem = HpuxNames.presharedProblem(psk.secret());
			if (problem != null) {
				unsupported(psk.place(), "the preshared secret of IKE policy " + ike.name(), problem);
				return Optional.empty();
			}
			notes.add(Notes.PRESHARED);
			secret = true;
			words.addAll(List.of("-preshared", psk.secret()));
		} else if (!(ike.authentication() instanceof CertificatePlan))
			throw new IllegalStateException("an authentication is preshared or a certificate");
		return Optional.of(words);
	}

	/** Key ids and {@code any} never get here: {@link org.ipsl.generator.StrongswanOnlyConstructs} refuses them. */
	private void identity(List<String> words, String typeOption, String valueOption, IkeIdentity id) {
		if (id == null)
			return;
		String type = switch (id.kind()) {
			case IPV4 -> "IPV4";
			case IPV6 -> "IPV6";
			case FQDN -> "FQDN";
			case USER_FQDN -> "USER-FQDN";
			case DN -> "X500-DN";
			case KEY_ID, ANY -> throw new IllegalStateException("refused before: " + id.kind());
		};
		if (id.kind() != IkeIdentity.Kind.USER_FQDN && id.kind() != IkeIdentity.Kind.DN)
			notes.add(Notes.ID_TYPES);
		words.addAll(List.of(typeOption, type, valueOption, id.value()));
	}

	/** The PFS of the policies one IKE policy serves, and the first of them. */
	private record PfsUse(Optional<DhGroup> group, PolicyPlan user) {
	}

	/**
	 * HP-UX sets PFS on the IKE policy, IPSL on each host policy: the policies that one IKE policy
	 * serves must agree. The IKE policy serving a peer is the first whose remote overlaps it. A.02
	 * has no group PFS at all, only PFS of keys and identities (A.02.00 guide, page 285; A.02.01
	 * guide, page 237), which is {@code max-quick-modes 1}.
	 */
	private Map<IkePlan, PfsUse> pfsByIkePolicy() {
		Map<IkePlan, PfsUse> result = new IdentityHashMap<>();
		for (PolicyPlan policy : host.policies()) {
			if (!(policy.action() instanceof ProtectPlan protect))
				continue;
			if (protect.pfs() != null && !caps.a03()) {
				unsupported(protect.pfsPlace(), "pfs " + protect.pfs().keyword() + " of policy " + policy.name(),
						"HP-UX IPSec " + caps.release() + " has no Diffie-Hellman-group PFS, only PFS of keys and "
								+ "identities (A.02.00 guide, page 285; A.02.01 guide, page 237): write "
								+ "max-quick-modes 1 in the IKE policy instead");
				continue;
			}
			Optional<DhGroup> group = Optional.ofNullable(protect.pfs());
			List<IpAddress> peers = protect.tunnel() != null
					? List.of(protect.tunnel().remote())
					: policy.selector().remote();
			for (IpAddress peer : peers) {
				IkePlan ike = host.ikePolicies().stream()
						.filter(i -> i.remote().stream().anyMatch(r -> r.overlaps(peer))).findFirst().orElse(null);
				if (ike == null)
					continue;
				PfsUse earlier = result.putIfAbsent(ike, new PfsUse(group, policy));
				if (earlier != null && !earlier.group().equals(group))
					unsupported(protect.pfsPlace() != null ? protect.pfsPlace() : policy.place(),
							"PFS of policy " + policy.name(), "HP-UX sets PFS on the IKE policy, and policy "
									+ earlier.user().name() + " uses IKE policy " + ike.name() + " with "
									+ earlier.group().map(g -> "group " + g.number()).orElse("no PFS"));
			}
		}
		return result;
	}

	/** The value, after noting why it is unconfirmed when it is. */
	private String noted(HpuxCapabilities.Name name) {
		if (!name.confirmed())
			notes.add(name.unconfirmed());
		return name.name();
	}

	/** A priority, noting on A.02 that its range is A.03's. */
	private String priority(long priority) {
		if (!caps.a03())
			notes.add(Notes.PRIORITY_RANGE);
		return Long.toString(priority);
	}

	// ---- host policies ----------------------------------------------------------------------

	private void policies() {
		List<PolicyPlan> policies = host.policies();
		for (int i = 0; i < policies.size(); i++) {
			PolicyPlan policy = policies.get(i);
			Long next = i + 1 < policies.size() ? policies.get(i + 1).priority() : null;
			List<Pair> pairs = Addresses.pairs(policy.selector().local(), policy.selector().remote());
			if (!fits("host policy", policy.name(), policy.place(), policy.priority(), pairs.size(), next))
				continue;
			Optional<List<String>> filter = filterOptions(policy);
			Optional<List<String>> action = action(policy, pairs);
			if (filter.isEmpty() || action.isEmpty())
				continue;
			TunnelPlan tunnel = policy.action() instanceof ProtectPlan protect ? protect.tunnel() : null;
			if (tunnel != null && ((ProtectPlan) policy.action()).exclusive()) {
				unsupported(((ProtectPlan) policy.action()).exclusivePlace(), "exclusive of policy " + policy.name(),
						"HP-UX's EXCLUSIVE is a host-policy flag not allowed with PASS (A.02.00 guide, page 82), and "
								+ "the host policy at a tunnel end passes to its tunnel policy");
				continue;
			}
			for (int index = 0; index < pairs.size(); index++) {
				Pair pair = pairs.get(index);
				String name = expanded(policy.name(), index);
				if (!unique(hostNames, name, "policy " + policy.name(), policy.place()))
					return;
				SelectorPlan s = policy.selector();
				List<String> words = new ArrayList<>(List.of("add", "host", name, "-source",
						Addresses.cidr(pair.local()) + port(s.localPorts()), "-destination",
						Addresses.cidr(pair.remote()) + port(s.remotePorts())));
				words.addAll(filter.get());
				words.addAll(List.of("-priority", priority(policy.priority() + index)));
				if (tunnel != null) {
					// the tunnel policy carries the transforms; the host policy names it and passes
					notes.add(Notes.TUNNEL);
					List<String> tunnelWords = new ArrayList<>(List.of("add", "tunnel", name, "-source",
							Addresses.cidr(pair.local()), "-destination", Addresses.cidr(pair.remote()), "-protocol",
							"ALL", "-tsource", Addresses.plain(tunnel.local()), "-tdestination",
							Addresses.plain(tunnel.remote())));
					tunnelWords.addAll(action.get());
					add(tunnelWords);
					words.addAll(List.of("-tunnel", name, "-action", "PASS"));
				} else {
					words.addAll(action.get());
					if (policy.action() instanceof ProtectPlan protect && protect.exclusive())
						words.addAll(List.of("-flags", "EXCLUSIVE"));
				}
				add(words);
			}
		}
	}

	/** {@code -protocol}, after checking what HP-UX's address filter cannot select. */
	private Optional<List<String>> filterOptions(PolicyPlan policy) {
		SelectorPlan s = policy.selector();
		boolean ok = true;
		if (s.icmpType() != null) {
			unsupported(s.icmpTypePlace(), "ICMP type " + s.icmpType() + " of policy " + policy.name(),
					"HP-UX host policies select by address, protocol and port only");
			ok = false;
		}
		ok &= portSupported(policy, s.localPorts(), s.localPortsPlace());
		ok &= portSupported(policy, s.remotePorts(), s.remotePortsPlace());
		if (!ok)
			return Optional.empty();
		return Optional.of(List.of("-protocol", protocolName(s.protocol())));
	}

	private boolean portSupported(PolicyPlan policy, PortRange ports, Place place) {
		if (ports == null)
			return true;
		if (!ports.single())
			unsupported(place, "port range " + ports.from() + ".." + ports.to() + " of policy " + policy.name(),
					"HP-UX host policies take one port, or every port");
		else if (ports.from() == 0)
			unsupported(place, "port 0 of policy " + policy.name(), "HP-UX reads port 0 as every port");
		else
			return true;
		return false;
	}

	private static String port(PortRange ports) {
		return ports == null ? "" : "/" + ports.from();
	}

	private static String protocolName(Integer protocol) {
		if (protocol == null)
			return "ALL";
		return IpProtocol.written(protocol, IpProtocol::hpuxName);
	}

	/** {@code -action ...} and, for manual keys, {@code -in ... -out ...}. */
	private Optional<List<String>> action(PolicyPlan policy, List<Pair> pairs) {
		if (policy.action() instanceof PassPlan)
			return Optional.of(List.of("-action", "PASS"));
		if (policy.action() instanceof DiscardPlan)
			return Optional.of(List.of("-action", "DISCARD"));
		if (policy.action() instanceof ManualPlan manual)
			return manual(policy, manual, pairs);
		ProtectPlan protect = (ProtectPlan) policy.action();
		return transformList(policy, protect.transforms()).map(list -> List.of("-action", list));
	}

	private Optional<String> transformList(PolicyPlan policy, List<TransformPlan> transforms) {
		long nested = transforms.stream().filter(TransformPlan::nested).count();
		long ah = transforms.stream().filter(t -> !t.nested() && t.ah() != null).count();
		long esp = transforms.size() - nested - ah;
		Place place = transforms.get(0).place();
		String construct = "the transforms of policy " + policy.name();
		if (nested > 0 && !caps.nested()) {
			unsupported(place, construct, "HP-UX IPSec " + caps.release() + " has no nested AH+ESP transforms "
					+ "(A.03.02.02 release notes, page 22; A.03.00 guide, page 77, Table 4-2)");
			return Optional.empty();
		}
		if ((nested > 0 && transforms.size() > 1) || (ah > 0 && esp > 0)) {
			unsupported(place, construct, "HP-UX takes up to " + caps.maxAh() + " AH transforms, up to "
					+ caps.maxEsp() + " ESP transforms, or one nested AH+ESP transform, not a mix");
			return Optional.empty();
		}
		if (ah > caps.maxAh() || esp > caps.maxEsp()) {
			unsupported(place, construct, "HP-UX takes at most " + caps.maxAh() + " AH or " + caps.maxEsp()
					+ " ESP transforms");
			return Optional.empty();
		}
		List<String> written = new ArrayList<>();
		for (TransformPlan t : transforms) {
			Optional<String> name = t.nested()
					? name(t, t.ah()).flatMap(a -> name(t, t.esp()).map(e -> a + "+" + e))
					: name(t, t.ah() != null ? t.ah() : t.esp());
			if (name.isEmpty())
				return Optional.empty();
			written.add(name.get() + "/" + t.lifetimeSeconds() + "/" + t.lifetimeKilobytes());
		}
		return Optional.of(String.join(",", written));
	}

	private Optional<String> name(TransformPlan written, Transform transform) {
		Optional<HpuxCapabilities.Name> name = caps.transform(transform.encryption(), transform.integrity());
		if (name.isEmpty()) {
			unsupported(written.place(), "transform " + transform.keyword(), "it has no such transform");
			return Optional.empty();
		}
		return Optional.of(noted(name.get()));
	}

	private Optional<List<String>> manual(PolicyPlan policy, ManualPlan manual, List<Pair> pairs) {
		ManualSaPlan sa = manual.sa();
		if (pairs.size() != 1 || !pairs.get(0).local().isHost() || !pairs.get(0).remote().isHost()) {
			unsupported(policy.place(), "manual keys of policy " + policy.name(),
					"HP-UX manual keys protect one pair of addresses: the selector must name one local and one remote address");
			return Optional.empty();
		}
		Optional<String> in = manualSa(sa, sa.inbound());
		Optional<String> out = in.isEmpty() ? Optional.empty() : manualSa(sa, sa.outbound());
		if (out.isEmpty())
			return Optional.empty();
		Optional<String> inName = transformOf(sa.inbound()), outName = transformOf(sa.outbound());
		if (!inName.equals(outName)) {
			unsupported(sa.outbound().place(), "manual-sa " + sa.name(),
					"HP-UX names one transform for both directions, and inbound and outbound use different algorithms");
			return Optional.empty();
		}
		notes.add(Notes.MANUAL_KEYS);
		secret = true;
		return Optional.of(List.of("-action", inName.get(), "-in", in.get(), "-out", out.get()));
	}

	/** {@code ESP/spi/auth_key/enc_key[/iv]}. */
	private Optional<String> manualSa(ManualSaPlan sa, SaPlan spec) {
		String construct = "manual-sa " + sa.name();
		if (spec.protocol() == ManualSaPlan.Protocol.AH) {
			unsupported(spec.place(), construct, "HP-UX documents manual keys for ESP only");
			return Optional.empty();
		}
		if (spec.encryptionKey() == null || spec.authenticationKey() == null) {
			unsupported(spec.place(), construct, "HP-UX manual keys need an encryption key and an authentication key");
			return Optional.empty();
		}
		if (transformOf(spec).isEmpty()) {
			unsupported(spec.place(), construct, "it has no transform for " + spec.encryption() + " with "
					+ spec.authentication());
			return Optional.empty();
		}
		return Optional.of("ESP/" + spec.spi() + "/" + spec.authenticationKey() + "/" + spec.encryptionKey()
				+ (spec.iv() != null ? "/" + spec.iv() : ""));
	}

	private Optional<String> transformOf(SaPlan spec) {
		if (spec.encryption() == null || spec.authentication() == null)
			return Optional.empty();
		Optional<HpuxCapabilities.Name> name = caps.transform(spec.encryption().keyword(),
				spec.authentication().keyword());
		return name.map(this::noted);
	}

	// ---- names and priorities ---------------------------------------------------------------

	/** A policy that stands for several HP-UX policies needs as many priorities before the next one. */
	private boolean fits(String kind, String name, Place place, long priority, int count, Long next) {
		long last = priority + count - 1;
		String construct = kind + " " + name;
		if (expanded(name, count - 1).length() > HpuxCapabilities.MAX_NAME) {
			unsupported(place, construct, "HP-UX names have at most " + HpuxCapabilities.MAX_NAME + " characters");
			return false;
		}
		if (count > 1 && (last > Numbers.MAX_PRIORITY || (next != null && last >= next))) {
			unsupported(place, construct, "it becomes " + count + " HP-UX " + kind
					+ " records (one per remote address or address pair) at priorities " + priority + ".." + last
					+ ", which reach " + (next != null && last >= next
							? "the next one's priority " + next
							: "beyond " + Numbers.MAX_PRIORITY)
					+ ": leave room between the priorities");
			return false;
		}
		return true;
	}

	private boolean unique(Set<String> names, String name, String construct, Place place) {
		if (names.add(name))
			return true;
		unsupported(place, construct, "its HP-UX name " + name + " is taken by another object of that kind");
		return false;
	}

	/** The first keeps the name; the others are numbered from 2. */
	private static String expanded(String name, int index) {
		return index == 0 ? name : name + "-" + (index + 1);
	}

	private void unsupported(Place place, String construct, String reason) {
		problems.unsupported(place, construct, reason);
	}
}
