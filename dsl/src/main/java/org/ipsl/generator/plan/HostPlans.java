package org.ipsl.generator.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.ast.Endpoints;
import org.ipsl.ast.HostRules;
import org.ipsl.ast.LinkText;
import org.ipsl.ast.Priorities;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.Transform;
import org.ipsl.generator.plan.HostPlan.BypassPlan;
import org.ipsl.generator.plan.HostPlan.SpdLimitsPlan;
import org.ipsl.generator.plan.IkePlan.AuthPlan;
import org.ipsl.generator.plan.IkePlan.CertificatePlan;
import org.ipsl.generator.plan.IkePlan.FileRef;
import org.ipsl.generator.plan.IkePlan.PresharedPlan;
import org.ipsl.generator.plan.IkePlan.ProposalPlan;
import org.ipsl.generator.plan.ManualSaPlan.SaPlan;
import org.ipsl.generator.plan.PolicyPlan.ActionPlan;
import org.ipsl.generator.plan.PolicyPlan.DiscardPlan;
import org.ipsl.generator.plan.PolicyPlan.ManualPlan;
import org.ipsl.generator.plan.PolicyPlan.PassPlan;
import org.ipsl.generator.plan.PolicyPlan.PortRange;
import org.ipsl.generator.plan.PolicyPlan.ProtectPlan;
import org.ipsl.generator.plan.PolicyPlan.SelectorPlan;
import org.ipsl.generator.plan.PolicyPlan.TransformPlan;
import org.ipsl.generator.plan.PolicyPlan.TunnelPlan;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.AuditLevel;
import org.ipsl.ipsl.Bypass;
import org.ipsl.ipsl.CertificateAuthentication;
import org.ipsl.ipsl.DefaultPolicy;
import org.ipsl.ipsl.DiscardAction;
import org.ipsl.ipsl.DynamicSpi;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostAddress;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.Identity;
import org.ipsl.ipsl.IkeAuthentication;
import org.ipsl.ipsl.IkeMode;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IkeProposalSet;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.KeySpec;
import org.ipsl.ipsl.Lifetime;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.PassAction;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.Ports;
import org.ipsl.ipsl.PresharedAuthentication;
import org.ipsl.ipsl.ProposalRef;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.Protocol;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.ipsl.Selector;
import org.ipsl.ipsl.SpdLimits;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.ipsl.TrafficSelector;
import org.ipsl.ipsl.TransformSet;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IkeVersion;
import org.ipsl.model.StartAction;
import org.ipsl.model.IpAddress;
import org.ipsl.runtime.config.DefaultAction;
import org.ipsl.validation.HostSettings;
import org.ipsl.values.Numbers;

/**
 * Builds a {@link HostPlan} from a host of a workspace that has no errors: every value is valid and
 * every name resolves, so nothing here reports a mistake of the file; only a secret's file can
 * still be unreadable.
 */
public final class HostPlans {
	private static final IpslPackage P = IpslPackage.eINSTANCE;
	/** HP-UX's transform and IKE SA lifetime when none is written. */
	public static final long DEFAULT_LIFETIME_SECONDS = 28800;

	private HostPlans() {
	}

	/** @param workspace the workspace folder, against which certificate paths are written */
	public static HostPlan of(Host host, Path workspace) throws SecretFileFailure {
		Map<EObject, Long> priorities = Priorities.of(host);
		List<IpAddress> addresses = new ArrayList<>();
		SpdLimitsPlan limits = null;
		org.ipsl.runtime.config.AuditLevel audit = null;
		Place auditPlace = null;
		boolean spiSet = false;
		List<BypassPlan> bypass = new ArrayList<>();
		List<IkePlan> ikes = new ArrayList<>();
		List<PolicyPlan> policies = new ArrayList<>();
		List<ManualSaPlan> manualSas = new ArrayList<>();
		DefaultAction defaultAction = DefaultAction.PASS;
		for (HostMember member : host.getMembers()) {
			if (member instanceof HostAddress a)
				a.getAddresses().forEach(address -> addresses.add(IpAddress.parse(address.getValue()).value()));
			else if (member instanceof DynamicSpi)
				spiSet = true;
			else if (member instanceof SpdLimits l)
				limits = new SpdLimitsPlan(Long.parseLong(l.getSoft()), Long.parseLong(l.getHard()), Place.of(l));
			else if (member instanceof AuditLevel l) {
				audit = org.ipsl.runtime.config.AuditLevel.valueOf(l.getLevel().getName());
				auditPlace = Place.of(l);
			} else if (member instanceof Bypass b)
				b.getAddresses().forEach(address -> bypass.add(
						new BypassPlan(IpAddress.parse(address.getValue()).value(), Place.of(address))));
			else if (member instanceof IkePolicy ike)
				ikes.add(ike(ike, priorities.get(ike), workspace));
			else if (member instanceof ManualSa sa)
				manualSas.add(manualSa(sa));
			else if (member instanceof DefaultPolicy d)
				defaultAction = DefaultAction.valueOf(d.getAction().getName());
		}
		for (HostMember member : host.getMembers())
			if (member instanceof Policy policy)
				policies.add(policy(policy, priorities.get(policy), manualSas));
		ikes.sort(Comparator.comparingLong(IkePlan::priority));
		policies.sort(Comparator.comparingLong(PolicyPlan::priority));
		return new HostPlan(host.getName(), Place.of(host), List.copyOf(addresses), HostSettings.dynamicRange(host),
				spiSet, limits, audit, auditPlace, List.copyOf(bypass), List.copyOf(ikes), List.copyOf(policies),
				List.copyOf(manualSas), defaultAction);
	}

	// ---- IKE --------------------------------------------------------------------------------

	private static IkePlan ike(IkePolicy ike, long priority, Path workspace) throws SecretFileFailure {
		List<ProposalPlan> proposals = new ArrayList<>();
		proposals(ike.getProposals(), proposals, Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
		if (proposals.isEmpty())
			proposals.add(new ProposalPlan(IkeSuite.HPUX_DEFAULT, IkeSuite.HPUX_DEFAULT.keyword(), Place.of(ike)));
		long lifetime = ike.getLifetime() == null
				? DEFAULT_LIFETIME_SECONDS
				: Numbers.lifetimeSeconds(ike.getLifetime().getTime()).value();
		boolean modeSet = ike.eIsSet(P.getIkePolicy_Mode()), maxQmSet = ike.getMaxQuickModes() != null;
		AuthPlan own = authentication(ike.getAuthentication(), workspace);
		AuthPlan remoteAuthentication = null;
		if (ike.getRemoteAuthentication() instanceof PresharedAuthentication p && p.getSecret() == null
				&& p.getFile() == null)
			remoteAuthentication = new PresharedPlan(((PresharedPlan) own).secret(), Place.of(p));
		else if (ike.getRemoteAuthentication() != null)
			remoteAuthentication = authentication(ike.getRemoteAuthentication(), workspace);
		return new IkePlan(ike.getName(), priority, Place.of(ike), endpoint(ike.getRemote()), List.copyOf(proposals),
				lifetime, own, identity(ike.getLocalId()), identity(ike.getRemoteId()),
				ike.getMode() == IkeMode.AGGRESSIVE, modeSet ? Place.of(ike, P.getIkePolicy_Mode()) : null,
				maxQmSet ? Integer.valueOf(ike.getMaxQuickModes()) : null,
				maxQmSet ? Place.of(ike, P.getIkePolicy_MaxQuickModes()) : null,
				ike.getVersion() == null ? null : IkeVersion.byKeyword(ike.getVersion()).orElseThrow(),
				ike.getVersion() == null ? null : Place.of(ike, P.getIkePolicy_Version()),
				ike.getLocal() == null ? null : endpoint(ike.getLocal()),
				ike.getLocal() == null ? null : Place.of(ike, P.getIkePolicy_Local()), remoteAuthentication);
	}

	private static void proposals(List<ProposalRef> refs, List<ProposalPlan> out, Set<IkeProposalSet> visiting) {
		for (ProposalRef ref : refs) {
			IkeProposalSet set = ref.getRef();
			if (set != null && !set.eIsProxy()) {
				if (visiting.add(set)) {
					proposals(set.getProposals(), out, visiting);
					visiting.remove(set);
				}
			} else {
				String keyword = LinkText.of(ref, P.getProposalRef_Ref());
				out.add(new ProposalPlan(IkeSuite.parse(keyword).orElse(null), keyword, Place.of(ref)));
			}
		}
	}

	private static AuthPlan authentication(IkeAuthentication auth, Path workspace) throws SecretFileFailure {
		if (auth instanceof CertificateAuthentication c) {
			Path folder = folderOf(c);
			return new CertificatePlan(c.getCertificate() == null ? null : file(workspace, folder, c.getCertificate()),
					c.getCa() == null ? null : file(workspace, folder, c.getCa()),
					c.getCrl() == null ? null : file(workspace, folder, c.getCrl()), Place.of(c));
		}
		PresharedAuthentication psk = (PresharedAuthentication) auth;
		if (psk.getSecret() != null)
			return new PresharedPlan(psk.getSecret(), Place.of(psk, P.getPresharedAuthentication_Secret()));
		Place place = Place.of(psk, P.getPresharedAuthentication_File());
		return new PresharedPlan(readSecret(folderOf(psk).resolve(psk.getFile()).normalize(), psk.getFile(), place),
				place);
	}

	/** The file's text without its final line break; the message never shows any of it. */
	private static String readSecret(Path file, String written, Place place) throws SecretFileFailure {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			throw new SecretFileFailure(place, "the preshared secret file '" + written + "' does not exist");
		} catch (IOException e) {
			throw new SecretFileFailure(place, "cannot read the preshared secret file '" + written + "' ("
					+ e.getClass().getSimpleName() + ")");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			throw new SecretFileFailure(place, "the preshared secret file '" + written + "' is not UTF-8 text");
		}
		if (text.endsWith("\n"))
			text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
		if (text.isEmpty())
			throw new SecretFileFailure(place, "the preshared secret file '" + written + "' is empty");
		return text;
	}

	private static Path folderOf(EObject object) {
		return Path.of(object.eResource().getURI().toFileString()).toAbsolutePath().getParent();
	}

	private static FileRef file(Path workspace, Path folder, String written) {
		Path resolved = folder.resolve(written).normalize();
		Path relative = workspace.toAbsolutePath().normalize().relativize(resolved);
		return new FileRef(relative.toString().replace('\\', '/'), resolved);
	}

	private static IkeIdentity identity(Identity id) {
		if (id == null)
			return null;
		if (id.isAny())
			return IkeIdentity.ANY;
		return new IkeIdentity(IkeIdentity.Kind.byKeyword(id.getKind().getLiteral()).orElseThrow(), id.getValue());
	}

	// ---- policies ---------------------------------------------------------------------------

	private static PolicyPlan policy(Policy policy, long priority, List<ManualSaPlan> manualSas) {
		return new PolicyPlan(policy.getName(), priority, Place.of(policy), selectors(policy.getSelector()),
				action(policy, manualSas));
	}

	/** Traffic selectors of one end with equal protocol and ports; the place of their ports, if written. */
	private record Group(Integer protocol, PortRange ports, Place portsPlace, List<IpAddress> addresses) {
	}

	/** The IANA protocol number; null for {@code any}. */
	private static Integer protocol(Protocol protocol) {
		return HostRules.protocol(protocol).filter(p -> p != org.ipsl.model.Selector.ANY).orElse(null);
	}

	/** One selector per pair of groups whose protocols meet, as {@link org.ipsl.ast.HostRules} builds the rule. */
	private static List<SelectorPlan> selectors(Selector s) {
		Integer protocol = protocol(s.getProtocol());
		Place icmpPlace = s.getIcmpType() == null ? null : Place.of(s, P.getSelector_IcmpType());
		List<SelectorPlan> result = new ArrayList<>();
		for (Group l : groups(s.getLocal(), protocol))
			for (Group r : groups(s.getRemote(), protocol)) {
				if (l.protocol() != null && r.protocol() != null && !l.protocol().equals(r.protocol()))
					continue;
				Integer shared = l.protocol() != null ? l.protocol() : r.protocol();
				boolean icmp = shared != null && (shared == 1 || shared == 58) && s.getIcmpType() != null;
				result.add(new SelectorPlan(shared, icmp ? Integer.valueOf(s.getIcmpType()) : null,
						icmp ? icmpPlace : null, l.addresses(), l.ports(), l.portsPlace(), r.addresses(), r.ports(),
						r.portsPlace()));
			}
		return List.copyOf(result);
	}

	private static List<Group> groups(List<TrafficSelector> written, Integer policyProtocol) {
		Map<List<Object>, Group> groups = new LinkedHashMap<>();
		for (TrafficSelector ts : written) {
			Integer protocol = ts.getProtocol() == null ? policyProtocol : protocol(ts.getProtocol());
			PortRange ports = ports(ts.getPorts());
			List<Object> key = Arrays.asList(protocol, ports);
			Group group = groups.get(key);
			List<IpAddress> addresses = new ArrayList<>(group == null ? List.of() : group.addresses());
			if (!addresses.equals(Addresses.ANY))
				addresses.addAll(endpoint(ts.getEnd()));
			if (ts.getEnd() instanceof AnyEndpoint)
				addresses = new ArrayList<>(Addresses.ANY);
			groups.put(key, new Group(protocol, ports, group != null
					? group.portsPlace()
					: ts.getPorts() == null ? null : Place.of(ts.getPorts()), List.copyOf(addresses)));
		}
		return List.copyOf(groups.values());
	}

	private static PortRange ports(Ports ports) {
		if (ports == null)
			return null;
		int low = Numbers.port(ports.getLow()).orElseThrow().value().intValue();
		int high = ports.getHigh() == null ? low : Numbers.port(ports.getHigh()).orElseThrow().value().intValue();
		return low == 0 && high == 65535 ? null : new PortRange(low, high);
	}

	private static ActionPlan action(Policy policy, List<ManualSaPlan> manualSas) {
		var action = policy.getAction();
		if (action instanceof PassAction)
			return new PassPlan();
		if (action instanceof DiscardAction)
			return new DiscardPlan();
		ProtectAction protect = (ProtectAction) action;
		if (protect.getManualSa() != null) {
			String name = protect.getManualSa().getName();
			ManualSaPlan sa = manualSas.stream().filter(m -> m.name().equals(name)).findFirst()
					.orElseGet(() -> manualSa(protect.getManualSa()));
			return new ManualPlan(sa, Place.of(protect, P.getProtectAction_ManualSa()));
		}
		List<TransformPlan> transforms = new ArrayList<>();
		transforms(protect.getTransforms(), null, transforms,
				Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
		TunnelPlan tunnel = null;
		if (protect.getTunnel() != null) {
			IpAddress local = endpoint(protect.getTunnel().getLocal()).get(0);
			IpAddress remote = protect.getTunnel().getRemote() instanceof AnyEndpoint
					? null
					: endpoint(protect.getTunnel().getRemote()).stream().filter(r -> r.isV4() == local.isV4())
							.findFirst()
							.orElseThrow();
			tunnel = new TunnelPlan(local, remote, Place.of(protect.getTunnel()));
		}
		DhGroup pfs = protect.getPfs() == null ? null : DhGroup.byKeyword(protect.getPfs()).orElseThrow();
		boolean started = protect.getStart() != null;
		return new ProtectPlan(List.copyOf(transforms), tunnel, pfs,
				pfs == null ? null : Place.of(protect, P.getProtectAction_Pfs()),
				protect.isExclusive() ? Place.of(protect, P.getProtectAction_Exclusive()) : null,
				protect.getIke() == null ? null : protect.getIke().getName(),
				protect.getIke() == null ? null : Place.of(protect, P.getProtectAction_Ike()),
				started ? StartAction.byKeyword(protect.getStart()).orElseThrow() : null,
				started ? Place.of(protect, P.getProtectAction_Start()) : null);
	}

	/** A transform's own lifetime wins over one written on the named set that holds it. */
	private static void transforms(List<TransformRef> refs, Lifetime inherited, List<TransformPlan> out,
			Set<TransformSet> visiting) {
		for (TransformRef ref : refs) {
			Lifetime lifetime = ref.getLifetime() != null ? ref.getLifetime() : inherited;
			TransformSet set = ref.getRef();
			if (set != null && !set.eIsProxy()) {
				if (visiting.add(set)) {
					transforms(set.getTransforms(), lifetime, out, visiting);
					visiting.remove(set);
				}
				continue;
			}
			String outer = LinkText.of(ref, P.getTransformRef_Ref());
			long seconds = lifetime == null
					? DEFAULT_LIFETIME_SECONDS
					: Numbers.lifetimeSeconds(lifetime.getTime()).value();
			long kilobytes = lifetime == null || lifetime.getSize() == null
					? 0
					: Numbers.lifetimeKilobytes(lifetime.getSize()).value();
			Optional<Transform> builtin = Transform.byKeyword(outer);
			if (builtin.isEmpty()) { // a strongSwan proposal, which the validator has read
				out.add(new TransformPlan(outer, null, null, seconds, kilobytes, Place.of(ref)));
				continue;
			}
			Transform first = builtin.get();
			Transform ah = null, esp = null;
			String name = outer;
			if (ref.getInner() != null) {
				ah = first;
				esp = Transform.byKeyword(ref.getInner()).orElseThrow();
				name = outer + "+" + ref.getInner();
			} else if (first.protocol() == Transform.Protocol.AH)
				ah = first;
			else
				esp = first;
			out.add(new TransformPlan(name, ah, esp, seconds, kilobytes, Place.of(ref)));
		}
	}

	// ---- manual SAs -------------------------------------------------------------------------

	private static ManualSaPlan manualSa(ManualSa sa) {
		SaPlan inbound = null, outbound = null;
		for (SaSpec spec : sa.getSas()) {
			if (spec.getDirection() == org.ipsl.ipsl.Direction.INBOUND)
				inbound = sa(spec);
			else
				outbound = sa(spec);
		}
		return new ManualSaPlan(sa.getName(), Place.of(sa), endpoint(sa.getPeer()), inbound, outbound);
	}

	private static SaPlan sa(SaSpec spec) {
		KeySpec enc = spec.getEncryption(), auth = spec.getAuthentication();
		return new SaPlan(spec.getProtocol() == org.ipsl.ipsl.SaProtocol.AH
				? ManualSaPlan.Protocol.AH
				: ManualSaPlan.Protocol.ESP, Numbers.spi(spec.getSpi()).value(),
				enc == null ? null : KeyAlgorithm.encryption(enc.getAlgorithm()).orElseThrow(), hex(enc),
				auth == null ? null : KeyAlgorithm.authentication(auth.getAlgorithm()).orElseThrow(), hex(auth),
				spec.getIv() == null ? null : spec.getIv().toLowerCase(java.util.Locale.ROOT), Place.of(spec));
	}

	private static String hex(KeySpec key) {
		return key == null || key.getKey() == null ? null : key.getKey().toLowerCase(java.util.Locale.ROOT);
	}

	// ---- endpoints --------------------------------------------------------------------------

	/** The prefixes an endpoint stands for; both families' "any" for {@code any}. */
	private static List<IpAddress> endpoint(Endpoint endpoint) {
		if (endpoint instanceof AnyEndpoint)
			return Addresses.ANY;
		return Endpoints.addresses(endpoint);
	}
}
