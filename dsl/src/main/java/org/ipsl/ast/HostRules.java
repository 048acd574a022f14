package org.ipsl.ast;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.incremental.Caches;
import org.ipsl.ipsl.AddressEndpoint;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.DefaultAction;
import org.ipsl.ipsl.DefaultPolicy;
import org.ipsl.ipsl.DiscardAction;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.Lifetime;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.PassAction;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.Ports;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.Protocol;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.ipsl.TransformSet;
import org.ipsl.ipsl.Tunnel;
import org.ipsl.model.Action;
import org.ipsl.model.IpProtocol;
import org.ipsl.model.IpRange;
import org.ipsl.model.Parsed;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.StartAction;
import org.ipsl.model.TrafficSelector;
import org.ipsl.values.Numbers;
import org.ipsl.model.Parsed;
import org.ipsl.values.ProposalTexts;

/**
 * A host's policy database as the plain model the analyses and the runtime use: its valid policies
 * as {@link Rule}s in evaluation order (priority, then file order) and its default action. A policy
 * with any invalid value or unknown name is left out, so one typo gives one diagnostic.
 *
 * @param priorities the effective priorities of the host's policies and IKE policies ({@link Priorities#of})
 */
public record HostRules(Host host, List<Policy> policies, List<Rule> rules, Action defaultAction,
		Map<EObject, Long> priorities) {

	/**
	 * The host's rules, computed once until its file changes: the ordering and the peer analysis
	 * both need them in one validation. Each policy's rule is kept on it across changes of the file
	 * ({@link KeptRule}).
	 */
	public static HostRules of(Host host, IResourceScopeCache cache) {
		return Caches.enabled()
				? cache.get(Tuples.create(HostRules.class, host), host.eResource(), () -> of(host))
				: of(host);
	}

	public static HostRules of(Host host) {
		Map<EObject, Long> priorities = Priorities.of(host);
		List<Policy> policies = new ArrayList<>();
		Map<Policy, Rule> rules = new IdentityHashMap<>();
		for (HostMember member : host.getMembers())
			if (member instanceof Policy policy && priorities.containsKey(policy))
				KeptRule.of(policy, priorities.get(policy)).ifPresent(rule -> {
					policies.add(policy);
					rules.put(policy, rule);
				});
		policies.sort(Comparator.comparingLong(priorities::get)); // stable: file order for equal priorities
		return new HostRules(host, List.copyOf(policies), policies.stream().map(rules::get).toList(),
				defaultAction(host), Collections.unmodifiableMap(priorities));
	}

	/** The host's {@code default} line (the first one), if any. */
	public static Optional<DefaultPolicy> defaultPolicy(Host host) {
		return host.getMembers().stream().filter(DefaultPolicy.class::isInstance).map(DefaultPolicy.class::cast)
				.findFirst();
	}

	private static Action defaultAction(Host host) {
		return defaultPolicy(host).map(d -> d.getAction() == DefaultAction.DISCARD ? Action.DISCARD : Action.PASS)
				.orElse(Action.PASS);
	}

	public static Optional<Rule> rule(Policy policy, long priority) {
		if (policy.getSelector() == null || policy.getAction() == null)
			return Optional.empty();
		org.ipsl.ipsl.Selector s = policy.getSelector();
		Optional<Integer> protocol = protocol(s.getProtocol());
		if (protocol.isEmpty() || s.getLocal().isEmpty() || s.getRemote().isEmpty())
			return Optional.empty();
		OptionalInt icmpType = OptionalInt.empty();
		if (s.getIcmpType() != null) {
			Parsed<Long> type = Numbers.decimal(s.getIcmpType(), 0, 255, "ICMP type");
			if (!type.ok() || !Selector.hasIcmpType(protocol.get()))
				return Optional.empty();
			icmpType = OptionalInt.of(type.value().intValue());
		}
		Optional<List<TrafficSelector>> local = trafficSelectors(s.getLocal(), protocol.get());
		Optional<List<TrafficSelector>> remote = trafficSelectors(s.getRemote(), protocol.get());
		if (local.isEmpty() || remote.isEmpty())
			return Optional.empty();
		Optional<List<Selector>> selectors = selectors(local.get(), remote.get(), icmpType);
		Optional<Action> action = action(policy.getAction());
		if (selectors.isEmpty() || action.isEmpty())
			return Optional.empty();
		Optional<String> ike = Optional.empty();
		StartAction start = StartAction.TRAP;
		if (policy.getAction() instanceof ProtectAction protect) {
			if (protect.getIke() != null) {
				if (protect.getIke().eIsProxy())
					return Optional.empty();
				ike = Optional.of(protect.getIke().getName());
			}
			if (protect.getStart() != null)
				start = StartAction.byKeyword(protect.getStart()).orElseThrow();
		}
		return Optional.of(new Rule(policy.getName(), priority, selectors.get(), action.get(), local.get(),
				remote.get(), ike, start));
	}

	/**
	 * The traffic selectors of one end, each with its own protocol or else the policy's; nothing when
	 * one is invalid or names a protocol other than the policy's.
	 */
	private static Optional<List<TrafficSelector>> trafficSelectors(List<org.ipsl.ipsl.TrafficSelector> written,
			int policyProtocol) {
		List<TrafficSelector> result = new ArrayList<>(written.size());
		for (org.ipsl.ipsl.TrafficSelector ts : written) {
			int protocol = policyProtocol;
			if (ts.getProtocol() != null) {
				Optional<Integer> own = protocol(ts.getProtocol());
				if (own.isEmpty() || policyProtocol != Selector.ANY && own.get() != policyProtocol)
					return Optional.empty();
				protocol = own.get();
			}
			Optional<List<IpRange>> ranges = ranges(ts.getEnd());
			Optional<PortRange> ports = ports(ts.getPorts(), protocol);
			if (ranges.isEmpty() || ports.isEmpty())
				return Optional.empty();
			result.add(new TrafficSelector(protocol, ranges.get(), ports.get()));
		}
		return Optional.of(result);
	}

	/** Traffic selectors of equal protocol and ports, their addresses together. */
	private record Group(int protocol, PortRange ports, List<IpRange> addresses) {
	}

	/**
	 * The packets between the two ends as selectors: the selectors of each end grouped by protocol
	 * and ports, one selector per pair of groups whose protocols meet. A policy written without
	 * per-selector protocol or ports has one group per end, and so its one selector. Nothing when
	 * no pair meets or a pair's ends are of two address families.
	 */
	private static Optional<List<Selector>> selectors(List<TrafficSelector> local, List<TrafficSelector> remote,
			OptionalInt icmpType) {
		List<Selector> result = new ArrayList<>();
		for (Group l : groups(local))
			for (Group r : groups(remote)) {
				if (l.protocol() != Selector.ANY && r.protocol() != Selector.ANY && l.protocol() != r.protocol())
					continue;
				if (families(l.addresses()) != 0 && families(r.addresses()) != 0
						&& (families(l.addresses()) & families(r.addresses())) == 0)
					return Optional.empty();
				int protocol = l.protocol() == Selector.ANY ? r.protocol() : l.protocol();
				result.add(new Selector(protocol, l.addresses(), r.addresses(), l.ports(), r.ports(),
						Selector.hasIcmpType(protocol) ? icmpType : OptionalInt.empty()));
			}
		return result.isEmpty() ? Optional.empty() : Optional.of(result);
	}

	/** Grouped in order of first appearance; a group holding {@code any} stands for every address. */
	private static List<Group> groups(List<TrafficSelector> selectors) {
		Map<List<Object>, List<IpRange>> groups = new LinkedHashMap<>();
		Set<List<Object>> anyAddress = new HashSet<>();
		for (TrafficSelector ts : selectors) {
			List<Object> key = List.of(ts.protocol(), ts.ports());
			groups.computeIfAbsent(key, k -> new ArrayList<>()).addAll(ts.addresses());
			if (ts.addresses().isEmpty())
				anyAddress.add(key);
		}
		List<Group> result = new ArrayList<>();
		groups.forEach((key, addresses) -> result.add(new Group((Integer) key.get(0), (PortRange) key.get(1),
				anyAddress.contains(key) ? List.of() : addresses)));
		return result;
	}

	/** Bit 1: some IPv4 range, bit 2: some IPv6 range; 0 for {@code any}. */
	private static int families(List<IpRange> ranges) {
		int families = 0;
		for (IpRange range : ranges)
			families |= range.isIpv4() ? 1 : 2;
		return families;
	}

	/**
	 * A selector's protocol number, {@link Selector#ANY} for {@code any}; empty when there is none or
	 * the number is invalid.
	 */
	public static Optional<Integer> protocol(Protocol protocol) {
		if (protocol == null)
			return Optional.empty();
		if (protocol.getNumber() != null) {
			Parsed<Long> n = Numbers.decimal(protocol.getNumber(), 0, 255, "protocol number");
			return n.ok() ? Optional.of(n.value().intValue()) : Optional.empty();
		}
		return Optional
				.of(IpProtocol.byKeyword(protocol.getKind().getLiteral()).map(IpProtocol::number).orElse(Selector.ANY));
	}

	/** The endpoint's address ranges (empty for any); nothing when a name or an address is invalid. */
	public static Optional<List<IpRange>> ranges(Endpoint endpoint) {
		if (endpoint instanceof AnyEndpoint)
			return Optional.of(List.of());
		List<String> texts = new ArrayList<>();
		if (endpoint instanceof AddressEndpoint a)
			texts.add(a.getAddress().getValue());
		else if (endpoint instanceof NamedEndpoint n && n.getRef() != null && !n.getRef().eIsProxy())
			texts.addAll(Endpoints.addressTexts(n.getRef()));
		else
			return Optional.empty();
		List<IpRange> ranges = new ArrayList<>(texts.size());
		for (String text : texts) {
			Optional<IpRange> range = AddressRanges.of(text);
			if (range.isEmpty())
				return Optional.empty();
			ranges.add(range.get());
		}
		return Optional.of(ranges);
	}

	private static Optional<PortRange> ports(Ports ports, int protocol) {
		if (ports == null)
			return Optional.of(PortRange.ALL);
		if (!Selector.hasPorts(protocol))
			return Optional.empty();
		Optional<Parsed<Long>> low = Numbers.port(ports.getLow());
		Optional<Parsed<Long>> high = ports.getHigh() == null ? low : Numbers.port(ports.getHigh());
		if (low.isEmpty() || high.isEmpty() || !low.get().ok() || !high.get().ok()
				|| low.get().value() > high.get().value())
			return Optional.empty();
		return Optional.of(new PortRange(low.get().value().intValue(), high.get().value().intValue()));
	}

	public static Optional<Action> action(org.ipsl.ipsl.Action action) {
		if (action instanceof PassAction)
			return Optional.of(Action.PASS);
		if (action instanceof DiscardAction)
			return Optional.of(Action.DISCARD);
		if (!(action instanceof ProtectAction protect))
			return Optional.empty();
		if (protect.getManualSa() != null)
			return protect.getManualSa().eIsProxy()
					? Optional.empty()
					: Optional.of(Action.manual(protect.getManualSa().getName()));
		Optional<List<String>> transforms = transforms(protect.getTransforms(), new LinkedHashSet<>());
		if (transforms.isEmpty() || transforms.get().isEmpty())
			return Optional.empty();
		Action result = Action.protect(transforms.get());
		if (protect.getTunnel() != null) {
			Optional<String> local = tunnelEnd(protect.getTunnel().getLocal());
			Optional<String> remote = toAnyPeer(protect.getTunnel())
					? Optional.of(Action.ANY_PEER)
					: tunnelEnd(protect.getTunnel().getRemote());
			if (local.isEmpty() || remote.isEmpty())
				return Optional.empty();
			result = result.inTunnel(local.get(), remote.get());
		}
		if (protect.getPfs() != null) {
			if (DhGroup.byKeyword(protect.getPfs()).isEmpty())
				return Optional.empty();
			result = result.withPfs(protect.getPfs());
		}
		return Optional.of(result);
	}

	/**
	 * The built-in transforms a list stands for, named transform-sets expanded in place, each with
	 * its lifetime when one is written; nothing when a name is unknown or sets refer in a cycle.
	 */
	public static Optional<List<String>> transforms(List<TransformRef> refs, Set<TransformSet> expanding) {
		List<String> result = new ArrayList<>();
		for (TransformRef ref : refs) {
			if (ref.getRef() != null && !ref.getRef().eIsProxy()) {
				if (!expanding.add(ref.getRef()))
					return Optional.empty();
				Optional<List<String>> inner = transforms(ref.getRef().getTransforms(), expanding);
				expanding.remove(ref.getRef());
				if (inner.isEmpty())
					return Optional.empty();
				result.addAll(inner.get());
				continue;
			}
			String name = LinkText.of(ref, IpslPackage.Literals.TRANSFORM_REF__REF);
			Optional<Transform> outer = Transform.byKeyword(name);
			if (outer.isEmpty()) { // a strongSwan proposal: valid, and nested in nothing
				if (!ProposalTexts.isTransform(name) || !ProposalTexts.transform(name).ok() || ref.getInner() != null)
					return Optional.empty();
				Optional<String> lifetime = lifetime(ref.getLifetime());
				if (lifetime.isEmpty())
					return Optional.empty();
				result.add(name + lifetime.get());
				continue;
			}
			if (ref.getInner() != null) {
				Optional<Transform> esp = Transform.byKeyword(ref.getInner());
				if (outer.get().protocol() != Transform.Protocol.AH || esp.isEmpty()
						|| esp.get().protocol() != Transform.Protocol.ESP)
					return Optional.empty();
				name = name + "+" + ref.getInner();
			}
			Optional<String> lifetime = lifetime(ref.getLifetime());
			if (lifetime.isEmpty())
				return Optional.empty();
			result.add(name + lifetime.get());
		}
		return Optional.of(result);
	}

	/** " lifetime Ns[ NKB]" in canonical units, "" when none is written, nothing when invalid. */
	private static Optional<String> lifetime(Lifetime lifetime) {
		if (lifetime == null)
			return Optional.of("");
		Parsed<Long> seconds = Numbers.lifetimeSeconds(lifetime.getTime());
		Parsed<Long> kb = lifetime.getSize() == null ? Parsed.of(0L) : Numbers.lifetimeKilobytes(lifetime.getSize());
		if (!seconds.ok() || !kb.ok())
			return Optional.empty();
		return Optional.of(" lifetime " + seconds.value() + "s" + (kb.value() == 0 ? "" : " " + kb.value() + "KB"));
	}

	/**
	 * A remote tunnel end {@code any} stands for the IKE peer's address, which only an IKE policy
	 * answering any peer leaves open: the one the policy names with {@code ike}, else the first
	 * (in priority order) whose remote covers every address, which then has remote {@code any}.
	 */
	public static boolean toAnyPeer(Tunnel tunnel) {
		if (!(tunnel.eContainer() instanceof ProtectAction protect))
			return false;
		if (protect.getIke() != null)
			return !protect.getIke().eIsProxy() && protect.getIke().getRemote() instanceof AnyEndpoint;
		Host host = EcoreUtil2.getContainerOfType(protect, Host.class);
		return host != null && host.getMembers().stream().anyMatch(m -> m instanceof IkePolicy ike
				&& ike.getRemote() instanceof AnyEndpoint);
	}

	private static Optional<String> tunnelEnd(Endpoint endpoint) {
		return ranges(endpoint).filter(r -> r.size() == 1 && r.get(0).size().equals(BigInteger.ONE))
				.map(r -> r.get(0).toString());
	}
}
