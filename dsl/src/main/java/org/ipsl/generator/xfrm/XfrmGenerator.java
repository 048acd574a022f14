package org.ipsl.generator.xfrm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipsl.analysis.keys.KeyAlgorithm;
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

/**
 * {@code xfrm.sh}: the host's SPD as {@code ip xfrm policy} commands (out and in; fwd too for
 * tunnels, whose traffic a gateway forwards) and its manual SAs as {@code ip xfrm state} commands.
 * Policies are updated in place, so the script can run again after a change.
 */
public final class XfrmGenerator implements HostGenerator {
	public static final String FILE = "xfrm.sh";

	@Override
	public Target target() {
		return Target.XFRM;
	}

	@Override
	public String describe(GenerateOptions options) {
		return "Linux ip xfrm";
	}

	@Override
	public List<GeneratedFile> generate(HostPlan host, GenerateOptions options, Problems problems) {
		StringBuilder out = new StringBuilder();
		out.append("#!/bin/sh\n");
		out.append("# ").append(Header.text(host.name(), describe(options))).append('\n');
		out.append("# Run as root where ").append(host.name())
				.append("'s addresses are (the host, or a network namespace); it stops at the first command that fails.\n");
		out.append("# ").append(KernelPriorities.EXPLAINED).append('\n');
		boolean dynamic = host.policies().stream().anyMatch(p -> p.action() instanceof ProtectPlan);
		if (dynamic)
			out.append(
					"# Policies with dynamic keys need an IKE daemon (strongSwan with swanctl.conf) to negotiate their SAs.\n");
		out.append("set -e\n");
		for (BypassPlan bypass : host.bypass()) {
			out.append("# bypass ").append(Addresses.plain(bypass.address())).append('\n');
			IpAddress any = anyOf(bypass.address());
			policy(out, bypass.address(), null, any, null, null, null, "out", KernelPriorities.BYPASS, "action allow");
			policy(out, any, null, bypass.address(), null, null, null, "in", KernelPriorities.BYPASS, "action allow");
		}
		for (PolicyPlan policy : host.policies())
			policy(out, host, policy, problems);
		if (host.defaultAction() == DefaultAction.DISCARD) {
			out.append("# default discard\n");
			for (IpAddress any : Addresses.ANY)
				for (String dir : List.of("out", "in"))
					policy(out, any, null, any, null, null, null, dir, KernelPriorities.DEFAULT, "action block");
		} else
			out.append("# default pass: the kernel passes what no policy selects\n");
		boolean secret = false;
		for (ManualSaPlan sa : host.manualSas())
			secret |= state(out, host, sa, problems);
		return List.of(new GeneratedFile(FILE, out.toString(), secret, true));
	}

	private static IpAddress anyOf(IpAddress address) {
		return Addresses.ANY.get(address.isV4() ? 0 : 1);
	}

	// ---- policies ---------------------------------------------------------------------------

	private void policy(StringBuilder out, HostPlan host, PolicyPlan policy, Problems problems) {
		boolean ok = true;
		for (SelectorPlan s : policy.selectors())
			ok &= ports(policy, s.localPorts(), s.localPortsPlace(), problems)
					& ports(policy, s.remotePorts(), s.remotePortsPlace(), problems);
		if (!ok)
			return;
		Optional<Templates> templates = templates(host, policy, problems);
		if (templates.isEmpty())
			return;
		out.append("# policy ").append(policy.name()).append(", priority ").append(policy.priority()).append('\n');
		long priority = KernelPriorities.of(policy.priority());
		// A policy of several selectors takes their union: the kernel gets each at the policy's priority.
		for (SelectorPlan s : policy.selectors())
			for (Pair pair : Addresses.pairs(s.local(), s.remote())) {
				Templates t = templates.get();
				policy(out, pair.local(), s.localPorts(), pair.remote(), s.remotePorts(), s.protocol(), s.icmpType(),
						"out", priority, t.out());
				policy(out, pair.remote(), s.remotePorts(), pair.local(), s.localPorts(), s.protocol(), s.icmpType(),
						"in", priority, t.in());
				if (t.forward())
					policy(out, pair.remote(), s.remotePorts(), pair.local(), s.localPorts(), s.protocol(),
							s.icmpType(), "fwd", priority, t.in());
			}
	}

	/** What follows {@code priority N}: the action, or the templates of each direction. */
	private record Templates(String out, String in, boolean forward) {
	}

	private Optional<Templates> templates(HostPlan host, PolicyPlan policy, Problems problems) {
		if (policy.action() instanceof PassPlan)
			return Optional.of(new Templates("action allow", "action allow", false));
		if (policy.action() instanceof DiscardPlan)
			return Optional.of(new Templates("action block", "action block", false));
		if (policy.action() instanceof ManualPlan manual)
			return manualTemplates(host, policy, manual, problems);
		ProtectPlan protect = (ProtectPlan) policy.action();
		if (protect.exclusive()) {
			problems.unsupported(protect.exclusivePlace(), "exclusive of policy " + policy.name(),
					"a kernel policy's template does not ask the IKE daemon for one SA pair per 5-tuple");
			return Optional.empty();
		}
		Optional<List<String>> protocols = protocols(policy, protect.transforms(), problems);
		if (protocols.isEmpty())
			return Optional.empty();
		TunnelPlan tunnel = protect.tunnel();
		if (tunnel == null) {
			String t = templates(protocols.get(), "", "mode transport");
			return Optional.of(new Templates(t, t, false));
		}
		if (tunnel.remote() == null) {
			problems.unsupported(tunnel.place(), "tunnel to any of policy " + policy.name(),
					"a kernel policy's tunnel template needs the remote end as one address");
			return Optional.empty();
		}
		String local = Addresses.plain(tunnel.local()), remote = Addresses.plain(tunnel.remote());
		return Optional
				.of(new Templates(templates(protocols.get(), "src " + local + " dst " + remote + " ", "mode tunnel"),
						templates(protocols.get(), "src " + remote + " dst " + local + " ", "mode tunnel"), true));
	}

	/** One template per protocol, innermost first: ESP, then the AH around it. */
	private static String templates(List<String> protocols, String ends, String mode) {
		List<String> parts = new ArrayList<>();
		for (String protocol : protocols)
			parts.add("tmpl " + ends + "proto " + protocol + " " + mode);
		return String.join(" ", parts);
	}

	/** The kernel's template is one protocol stack: every transform of the list must share it. */
	private Optional<List<String>> protocols(PolicyPlan policy, List<TransformPlan> transforms, Problems problems) {
		List<String> first = stack(transforms.get(0));
		for (TransformPlan t : transforms)
			if (!stack(t).equals(first)) {
				problems.unsupported(t.place(), "transform " + t.name() + " of policy " + policy.name(),
						"a kernel policy's templates are one protocol stack, and the list mixes "
								+ String.join("+", first)
								+ " with " + String.join("+", stack(t)));
				return Optional.empty();
			}
		return Optional.of(first);
	}

	/** A strongSwan proposal's protocol is its prefix; {@code default} and a bare one are ESP. */
	private static List<String> stack(TransformPlan t) {
		if (t.nested())
			return List.of("esp", "ah");
		if (t.strongswan())
			return List.of(t.name().startsWith("ah-") ? "ah" : "esp");
		return List.of(t.ah() != null ? "ah" : "esp");
	}

	private Optional<Templates> manualTemplates(HostPlan host, PolicyPlan policy, ManualPlan manual,
			Problems problems) {
		Optional<Pair> ends = ends(host, manual.sa(), problems);
		if (ends.isEmpty())
			return Optional.empty();
		String local = Addresses.plain(ends.get().local()), remote = Addresses.plain(ends.get().remote());
		SaPlan in = manual.sa().inbound(), out = manual.sa().outbound();
		return Optional.of(new Templates(
				"tmpl src " + local + " dst " + remote + " proto " + proto(out) + " spi " + hex(out.spi())
						+ " mode transport",
				"tmpl src " + remote + " dst " + local + " proto " + proto(in) + " spi " + hex(in.spi())
						+ " mode transport",
				false));
	}

	private static boolean ports(PolicyPlan policy, PortRange ports, Place place, Problems problems) {
		if (ports == null || ports.single())
			return true;
		problems.unsupported(place, "port range " + ports.from() + ".." + ports.to() + " of policy " + policy.name(),
				"a kernel selector takes one port, or every port");
		return false;
	}

	private static void policy(StringBuilder out, IpAddress src, PortRange srcPorts, IpAddress dst, PortRange dstPorts,
			Integer protocol, Integer icmpType, String dir, long priority, String rest) {
		StringBuilder line = new StringBuilder("ip xfrm policy update src ").append(Addresses.cidr(src)).append(" dst ")
				.append(Addresses.cidr(dst));
		if (protocol != null) {
			line.append(" proto ").append(IpProtocol.written(protocol, IpProtocol::linuxName));
			if (srcPorts != null)
				line.append(" sport ").append(srcPorts.from());
			if (dstPorts != null)
				line.append(" dport ").append(dstPorts.from());
			if (icmpType != null)
				line.append(" type ").append(icmpType);
		}
		line.append(" dir ").append(dir).append(" priority ").append(priority).append(' ').append(rest);
		out.append(line).append('\n');
	}

	// ---- manual SAs -------------------------------------------------------------------------

	/** The manual SA's two ends: the peer's address and the host's address of the same family. */
	private static Optional<Pair> ends(HostPlan host, ManualSaPlan sa, Problems problems) {
		IpAddress peer = sa.peer().get(0);
		Optional<IpAddress> local = host.addresses().stream().filter(a -> a.isV4() == peer.isV4()).findFirst();
		if (!peer.isHost() || local.isEmpty()) {
			problems.unsupported(sa.place(), "manual-sa " + sa.name(), peer.isHost()
					? "the host has no address of the peer's family"
					: "a kernel SA's peer is one address");
			return Optional.empty();
		}
		return Optional.of(new Pair(local.get(), peer));
	}

	/**
	 * Deletes the SAs by their ids on command lines, then adds them through {@code ip -batch -} from
	 * a here-document: the keys stay inside this owner-only script and never reach a command line,
	 * where {@code ps} would show them to every local user.
	 *
	 * @return whether keys were written
	 */
	private static boolean state(StringBuilder out, HostPlan host, ManualSaPlan sa, Problems problems) {
		Optional<Pair> ends = ends(host, sa, problems);
		if (ends.isEmpty())
			return false;
		String local = Addresses.plain(ends.get().local()), remote = Addresses.plain(ends.get().remote());
		out.append("# manual-sa ").append(sa.name());
		if (sa.inbound().iv() != null || sa.outbound().iv() != null)
			out.append(" (its iv is HP-UX's: Linux chooses IVs itself)");
		out.append('\n');
		String in = stateId(remote, local, sa.inbound()), outbound = stateId(local, remote, sa.outbound());
		for (String id : List.of(in, outbound))
			out.append("ip xfrm state delete ").append(id).append(" 2>/dev/null || true\n");
		out.append("ip -batch - <<'").append(END_OF_STATES).append("'\n");
		out.append(stateAdd(in, sa.inbound())).append('\n');
		out.append(stateAdd(outbound, sa.outbound())).append('\n');
		out.append(END_OF_STATES).append('\n');
		return true;
	}

	/** Ends the here-document of {@code ip -batch}; no line of it can be this word. */
	public static final String END_OF_STATES = "IPSL_XFRM_STATES";

	private static String stateId(String src, String dst, SaPlan sa) {
		return "src " + src + " dst " + dst + " proto " + proto(sa) + " spi " + hex(sa.spi());
	}

	/** One {@code ip -batch} line: the words of {@code ip xfrm state add} without {@code ip}, unquoted as no shell reads them. */
	private static String stateAdd(String id, SaPlan sa) {
		StringBuilder line = new StringBuilder("xfrm state add ").append(id).append(" mode transport");
		if (sa.encryption() != null) {
			KeyAlgorithm enc = sa.encryption();
			if (enc.saltBytes() > 0)
				line.append(" aead rfc4106(gcm(aes)) ").append(sa.encryptionKey()).append(" 128");
			else
				line.append(" enc ").append(cipher(enc)).append(' ')
						.append(sa.encryptionKey() == null ? "\"\"" : sa.encryptionKey());
		}
		if (sa.authentication() != null)
			line.append(" auth-trunc hmac(").append(sa.authentication().keyword().substring(5)).append(") ")
					.append(sa.authenticationKey()).append(' ')
					.append(sa.authentication() == KeyAlgorithm.HMAC_SHA256 ? 128 : 96);
		return line.toString();
	}

	/** The kernel's crypto API names. */
	private static String cipher(KeyAlgorithm algorithm) {
		return switch (algorithm) {
			case DES -> "cbc(des)";
			case TRIPLE_DES -> "cbc(des3_ede)";
			case NULL -> "ecb(cipher_null)";
			default -> "cbc(aes)";
		};
	}

	private static String proto(SaPlan sa) {
		return sa.protocol() == ManualSaPlan.Protocol.AH ? "ah" : "esp";
	}

	private static String hex(long spi) {
		return "0x" + String.format("%08x", spi);
	}
}
