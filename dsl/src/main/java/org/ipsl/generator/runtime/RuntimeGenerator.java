package org.ipsl.generator.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ipsl.catalog.Transform;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.Header;
import org.ipsl.generator.HostGenerator;
import org.ipsl.generator.StrongswanOnlyConstructs;
import org.ipsl.model.IkeIdentity;
import org.ipsl.generator.Problems;
import org.ipsl.generator.Target;
import org.ipsl.generator.plan.Addresses;
import org.ipsl.generator.plan.HostPlan;
import org.ipsl.generator.plan.IkePlan;
import org.ipsl.generator.plan.IkePlan.CertificatePlan;
import org.ipsl.generator.plan.IkePlan.FileRef;
import org.ipsl.generator.plan.IkePlan.PresharedPlan;
import org.ipsl.generator.plan.ManualSaPlan;
import org.ipsl.generator.plan.ManualSaPlan.SaPlan;
import org.ipsl.generator.plan.PolicyPlan;
import org.ipsl.generator.plan.PolicyPlan.DiscardPlan;
import org.ipsl.generator.plan.PolicyPlan.ManualPlan;
import org.ipsl.generator.plan.PolicyPlan.PassPlan;
import org.ipsl.generator.plan.PolicyPlan.PortRange;
import org.ipsl.generator.plan.PolicyPlan.ProtectPlan;
import org.ipsl.generator.plan.PolicyPlan.SelectorPlan;
import org.ipsl.generator.plan.PolicyPlan.TransformPlan;
import org.ipsl.model.IpAddress;
import org.ipsl.runtime.config.IkePolicy;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigJson;

/**
 * {@code runtime.json}: the host's plan mapped onto the runtime's own config records, written by
 * the runtime's own writer, so the format has one definition. The runtime expresses every
 * construct of the language but HP-UX's wire options (Aggressive Mode, a Quick Mode limit,
 * session keying); it needs the preshared secrets and manual keys, so the file is secret.
 */
public final class RuntimeGenerator implements HostGenerator {
	public static final String FILE = "runtime.json";

	@Override
	public Target target() {
		return Target.RUNTIME;
	}

	@Override
	public String describe(GenerateOptions options) {
		return "IPSL runtime, runtime.json version " + RuntimeConfig.VERSION;
	}

	@Override
	public List<GeneratedFile> generate(HostPlan host, GenerateOptions options, Problems problems) {
		refuseWireOptions(host, problems);
		if (StrongswanOnlyConstructs.refuse(host, problems, "the runtime"))
			return List.of();
		RuntimeConfig config = config(host, Header.text(host.name(), describe(options)));
		boolean secret = host.manualSas().size() > 0
				|| host.ikePolicies().stream().anyMatch(i -> i.authentication() instanceof PresharedPlan);
		return List.of(new GeneratedFile(FILE, new String(RuntimeConfigJson.write(config), StandardCharsets.UTF_8),
				secret, false));
	}

	/** The runtime simulates IKE in Main Mode, one SA pair per policy and peer, without a Quick Mode limit. */
	private static void refuseWireOptions(HostPlan host, Problems problems) {
		for (IkePlan ike : host.ikePolicies()) {
			if (ike.aggressive())
				problems.unsupported(ike.modePlace(), "mode aggressive of IKE policy " + ike.name(),
						"the runtime negotiates in Main Mode only");
			if (ike.maxQuickModes() != null)
				problems.unsupported(ike.maxQuickModesPlace(), "max-quick-modes of IKE policy " + ike.name(),
						"the runtime has no limit on the Quick Modes of one IKE SA");
		}
		for (PolicyPlan policy : host.policies())
			if (policy.action() instanceof ProtectPlan protect && protect.exclusive())
				problems.unsupported(protect.exclusivePlace(), "exclusive of policy " + policy.name(),
						"the runtime keeps one SA pair per policy and peer, not one per 5-tuple");
	}

	/** The host's runtime configuration, in memory; {@code comment} heads the file when written. */
	public static RuntimeConfig config(HostPlan host, String comment) {
		return new RuntimeConfig(comment, RuntimeConfig.VERSION, host.name(), plain(host.addresses()),
				new RuntimeConfig.SpiRange(host.dynamicSpi().low(), host.dynamicSpi().high()),
				host.spdLimits() == null
						? null
						: new RuntimeConfig.SpdLimits(host.spdLimits().soft(), host.spdLimits().hard()),
				host.auditLevel() != null ? host.auditLevel() : org.ipsl.runtime.config.AuditLevel.ERROR,
				host.bypass().stream().map(b -> Addresses.plain(b.address())).toList(),
				host.ikePolicies().stream().map(RuntimeGenerator::ike).toList(),
				host.policies().stream().map(RuntimeGenerator::policy).toList(), host.defaultAction(),
				host.manualSas().stream().map(RuntimeGenerator::manualSa).toList());
	}

	private static IkePolicy ike(IkePlan ike) {
		IkePolicy.Authentication auth;
		if (ike.authentication() instanceof PresharedPlan psk)
			auth = new IkePolicy.Authentication(IkePolicy.Authentication.Method.PRESHARED, psk.secret(), null, null,
					null);
		else {
			CertificatePlan c = (CertificatePlan) ike.authentication();
			auth = new IkePolicy.Authentication(IkePolicy.Authentication.Method.CERTIFICATE, null,
					c.certificate().workspacePath(), path(c.ca()), path(c.crl()));
		}
		return new IkePolicy(ike.name(), ike.priority(), cidrs(ike.remote()),
				ike.proposals().stream().map(p -> new IkePolicy.Proposal(p.suite().encryption().keyword(),
						p.suite().hash().keyword(), p.suite().group().number())).toList(),
				ike.lifetimeSeconds(), auth, identity(ike.localId()), identity(ike.remoteId()));
	}

	/** Key ids and {@code any} never get here: {@link StrongswanOnlyConstructs} refuses them. */
	private static IkePolicy.Identity identity(IkeIdentity id) {
		if (id == null)
			return null;
		IkePolicy.Identity.Type type = switch (id.kind()) {
			case IPV4 -> IkePolicy.Identity.Type.IPV4;
			case IPV6 -> IkePolicy.Identity.Type.IPV6;
			case FQDN -> IkePolicy.Identity.Type.FQDN;
			case USER_FQDN -> IkePolicy.Identity.Type.USER_FQDN;
			case DN -> IkePolicy.Identity.Type.DN;
			case KEY_ID, ANY -> throw new IllegalStateException("refused before: " + id.kind());
		};
		return new IkePolicy.Identity(type, id.value());
	}

	private static String path(FileRef file) {
		return file == null ? null : file.workspacePath();
	}

	private static Policy policy(PolicyPlan policy) {
		SelectorPlan s = policy.selector();
		Policy.Selector selector = new Policy.Selector(s.protocol(), s.icmpType(), cidrs(s.local()),
				ports(s.localPorts()), cidrs(s.remote()), ports(s.remotePorts()));
		Policy.Action action;
		if (policy.action() instanceof PassPlan)
			action = new Policy.Action(Policy.Action.Type.PASS, null, null, null, null);
		else if (policy.action() instanceof DiscardPlan)
			action = new Policy.Action(Policy.Action.Type.DISCARD, null, null, null, null);
		else if (policy.action() instanceof ManualPlan manual)
			action = new Policy.Action(Policy.Action.Type.PROTECT, null, null, null, manual.sa().name());
		else {
			ProtectPlan protect = (ProtectPlan) policy.action();
			action = new Policy.Action(Policy.Action.Type.PROTECT,
					protect.transforms().stream().map(RuntimeGenerator::transform).toList(),
					protect.tunnel() == null
							? null
							: new Policy.Tunnel(Addresses.plain(protect.tunnel().local()),
									Addresses.plain(protect.tunnel().remote())),
					protect.pfs() == null ? null : protect.pfs().number(), null);
		}
		return new Policy(policy.name(), policy.priority(), selector, action);
	}

	private static Policy.PortRange ports(PortRange ports) {
		return ports == null ? null : new Policy.PortRange(ports.from(), ports.to());
	}

	private static Policy.Transform transform(TransformPlan t) {
		return new Policy.Transform(t.name(), t.ah() == null ? null : new Policy.Ah(t.ah().integrity()), esp(t.esp()),
				t.lifetimeSeconds(), t.lifetimeKilobytes());
	}

	private static Policy.Esp esp(Transform esp) {
		return esp == null ? null : new Policy.Esp(esp.encryption(), esp.integrity());
	}

	private static ManualSa manualSa(ManualSaPlan sa) {
		return new ManualSa(sa.name(), cidrs(sa.peer()), sa(sa.inbound()), sa(sa.outbound()));
	}

	private static ManualSa.Sa sa(SaPlan sa) {
		return new ManualSa.Sa(
				sa.protocol() == ManualSaPlan.Protocol.AH ? ManualSa.Sa.Protocol.AH : ManualSa.Sa.Protocol.ESP,
				sa.spi(),
				sa.encryption() == null ? null : new ManualSa.Key(sa.encryption().keyword(), sa.encryptionKey()),
				sa.authentication() == null
						? null
						: new ManualSa.Key(sa.authentication().keyword(), sa.authenticationKey()),
				sa.iv());
	}

	private static List<String> cidrs(List<IpAddress> addresses) {
		return addresses.stream().map(Addresses::cidr).toList();
	}

	private static List<String> plain(List<IpAddress> addresses) {
		return addresses.stream().map(Addresses::plain).toList();
	}
}
