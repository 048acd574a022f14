package org.ipsl.analysis.ikev2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipsl.analysis.peers.PeerFinding;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.PeerIke;
import org.ipsl.analysis.peers.Place;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.catalog.proposal.DefaultProposals;
import org.ipsl.catalog.proposal.InvalidProposalException;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;
import org.ipsl.model.Action;
import org.ipsl.model.IkeVersion;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.TrafficSelector;

/**
 * The hosts of a workspace as strongSwan would run them: each IKE policy a connection, each protecting
 * policy a child of the IKE policy it names (or, naming none, the first whose remote covers its peer).
 * An IKE policy without {@code version} is IKEv1, as the strongSwan generator writes it by default.
 */
public final class SwanHosts {
	private static final List<IpRange> EVERYTHING = List.of(IpRange.parse("0.0.0.0/0"), IpRange.parse("::/0"));
	private SwanHosts() {
	}

	/** What the workspace predicts: each host's SAs, and the findings on IKE policies with a written version. */
	public record Prediction(Map<String, List<IkeSaPrediction>> hosts, List<PeerFinding> findings) {

		/** Each host's SAs in the shape of {@code swanctl --list-sas} (docs/peers.md). */
		public Map<String, List<Map<String, Object>>> json() {
			Map<String, List<Map<String, Object>>> json = new LinkedHashMap<>();
			hosts.forEach((host, sas) -> json.put(host, sas.stream().map(IkeSaPrediction::json).toList()));
			return json;
		}
	}

	/**
	 * Predicts from start actions ({@link Negotiation#predict(List)}). Findings are kept only where an IKE
	 * policy involved writes its {@code version} (the others are negotiated the HP-UX way and judged by
	 * the peer analysis), and only between hosts whose every policy is valid.
	 */
	public static Prediction predict(List<PeerHost> hosts) {
		return kept(hosts, Negotiation.predict(hosts.stream().map(SwanHosts::host).toList()));
	}

	/**
	 * Predicts what the given initiations bring up, whatever the start actions say: a scenario's
	 * {@code swanctl --initiate --child NAME} or {@code ipsec up NAME} commands, in order.
	 */
	public static Prediction predict(List<PeerHost> hosts, List<Negotiation.Initiation> initiations) {
		return kept(hosts, Negotiation.predict(hosts.stream().map(SwanHosts::host).toList(), initiations));
	}

	private static Prediction kept(List<PeerHost> hosts, Negotiation.Result result) {
		List<PeerFinding> kept = result.findings().stream().filter(f -> versioned(hosts, f.place())
				|| f.related().stream().anyMatch(r -> versioned(hosts, r.place())))
				.filter(f -> complete(hosts.get(f.place().host()))
						&& f.related().stream().allMatch(r -> complete(hosts.get(r.place().host()))))
				.toList();
		return new Prediction(result.hosts(), kept);
	}

	/** A host with a policy or IKE policy left out for an invalid value: what it negotiates is not known, so nothing is said. */
	private static boolean complete(PeerHost host) {
		return host.rulesComplete() && host.ikeComplete();
	}

	private static boolean versioned(List<PeerHost> hosts, Place place) {
		PeerHost host = hosts.get(place.host());
		return switch (place.kind()) {
			case IKE -> host.ikePolicies().get(place.index()).version().isPresent();
			case POLICY ->
				ikeOf(host, host.rules().get(place.index())).map(k -> host.ikePolicies().get(k).version().isPresent())
						.orElse(false);
			default -> false;
		};
	}

	static SwanHost host(PeerHost host) {
		List<SwanConnection> connections = new ArrayList<>();
		for (int k = 0; k < host.ikePolicies().size(); k++) {
			PeerIke ike = host.ikePolicies().get(k);
			List<SwanChild> children = new ArrayList<>();
			for (int r = 0; r < host.rules().size(); r++) {
				Rule rule = host.rules().get(r);
				if (ikeOf(host, rule).equals(Optional.of(k)))
					child(rule, r).ifPresent(children::add);
			}
			connections.add(
					new SwanConnection(ike.name(), ike.version().orElse(IkeVersion.IKEV1), ike.local(), ike.remote(),
							ike.offers(), ike.authentication(), ike.remoteAuthentication(),
							ike.localId(), ike.remoteId(), ike.aggressive(), children, k));
		}
		return new SwanHost(host.name(), host.addresses(), connections);
	}

	/** The IKE policy a protecting policy with dynamic keys belongs to, by name or by its peer. */
	private static Optional<Integer> ikeOf(PeerHost host, Rule rule) {
		Action action = rule.action();
		if (action.kind() != Action.Kind.PROTECT || action.manualSa().isPresent())
			return Optional.empty();
		if (rule.ike().isPresent()) {
			for (int k = 0; k < host.ikePolicies().size(); k++)
				if (host.ikePolicies().get(k).name().equals(rule.ike().get()))
					return Optional.of(k);
			return Optional.empty();
		}
		if (action.tunnelToAnyPeer()) // an IKE policy answering anyone: the first whose remote is every address
			return host.ikeFor(IpRange.ALL);
		Optional<IpRange> peer = action.tunnelRemote().map(IpRange::parse).or(() -> rule.remote().stream()
				.flatMap(ts -> ts.addresses().stream()).filter(a -> a.first().equals(a.last())).findFirst());
		return peer.flatMap(host::ikeFor);
	}

	private static Optional<SwanChild> child(Rule rule, int index) {
		Action action = rule.action();
		List<Proposal> proposals = new ArrayList<>();
		Optional<DhGroup> pfs = action.pfsGroup().flatMap(DhGroup::byKeyword);
		for (String name : action.transforms()) {
			Optional<List<Proposal>> p = proposals(name);
			if (p.isEmpty())
				return Optional.empty();
			for (Proposal proposal : p.get())
				proposals.add(pfs.map(g -> withGroup(proposal, g)).orElse(proposal));
		}
		ChildMode mode = action.tunnelLocal().isPresent() ? ChildMode.TUNNEL : ChildMode.TRANSPORT;
		return Optional
				.of(new SwanChild(rule.name(), mode, proposals, selectors(rule.local()), selectors(rule.remote()),
						rule.start(), index));
	}

	/** A built-in transform, a strongSwan ESP or AH proposal ({@code esp-aes128gcm16-x25519}), or {@code default}. */
	private static Optional<List<Proposal>> proposals(String name) {
		Optional<Transform> builtIn = Transform.byKeyword(name);
		if (builtIn.isPresent())
			return Optional.of(List.of(builtIn.get().proposal()));
		if (name.equals("default"))
			return Optional.of(DefaultProposals.swanctl(SaProtocol.ESP));
		try {
			if (name.startsWith("esp-"))
				return Optional.of(List.of(Proposal.parse(SaProtocol.ESP, name.substring(4))));
			if (name.startsWith("ah-"))
				return Optional.of(List.of(Proposal.parse(SaProtocol.AH, name.substring(3))));
		} catch (InvalidProposalException e) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static Proposal withGroup(Proposal proposal, DhGroup group) {
		List<org.ipsl.catalog.proposal.AlgorithmChoice> choices = new ArrayList<>(proposal.transforms());
		choices.add(group.choice());
		return Proposal.of(proposal.protocol(), choices);
	}

	/** One IKE selector per address range; {@code any} is every IPv4 and IPv6 address. */
	private static List<IkeTrafficSelector> selectors(List<TrafficSelector> written) {
		List<IkeTrafficSelector> result = new ArrayList<>();
		for (TrafficSelector ts : written) {
			List<IpRange> ranges = ts.addresses().isEmpty() ? EVERYTHING : ts.addresses();
			int protocol = ts.protocol() == Selector.ANY ? IkeTrafficSelector.ANY_PROTOCOL : ts.protocol();
			for (IpRange range : ranges)
				result.add(new IkeTrafficSelector(range, protocol, ts.ports().first(), ts.ports().last()));
		}
		return result;
	}
}
