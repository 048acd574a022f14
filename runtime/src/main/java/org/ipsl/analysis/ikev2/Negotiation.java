package org.ipsl.analysis.ikev2;

import org.ipsl.model.StartAction;
import org.ipsl.model.IkeVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.PeerFinding;
import org.ipsl.analysis.peers.Place;
import org.ipsl.catalog.proposal.AlgorithmChoice;
import org.ipsl.catalog.proposal.AlgorithmKind;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SelectionFlags;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpRange;

/**
 * Plays IKE between the hosts of a workspace as strongSwan's charon would, and predicts what each host's
 * {@code swanctl --list-sas} shows: which side initiates (start actions, or given initiations), the
 * responder's connection (best address match, then the first whose proposals fit), its proposal choice
 * (its configured order first), identities and authentication in IKE_AUTH, the child configuration
 * chosen by traffic selectors, traffic selector narrowing (RFC 7296 §2.9) and the mode. Each mismatch
 * with a strongSwan symptom is a finding on both hosts (docs/peers.md, "strongSwan: IKEv1 and IKEv2").
 */
public final class Negotiation {

	/** One host initiating one of its children, as {@code swanctl --initiate --child NAME} does. */
	public record Initiation(String host, String child) {
	}

	/** The SAs each host would list, by host name in input order, and the findings on all hosts. */
	public record Result(Map<String, List<IkeSaPrediction>> hosts, List<PeerFinding> findings) {
	}

	private final List<SwanHost> hosts;
	private final Map<String, PeerFinding> findings = new LinkedHashMap<>();

	private Negotiation(List<SwanHost> hosts) {
		this.hosts = List.copyOf(hosts);
	}

	/**
	 * Initiations from the start actions: a child with {@code start initiate} is initiated by its host; a
	 * child to be started by traffic ({@code trap}) may be initiated from either end, so the SA is predicted
	 * both ways and only what holds both ways is said (no {@code initiator}).
	 */
	public static Result predict(List<SwanHost> hosts) {
		Negotiation n = new Negotiation(hosts);
		Map<String, List<IkeSaPrediction>> initiated = n.empty(), trapped = n.empty();
		for (int h = 0; h < hosts.size(); h++)
			for (SwanConnection c : hosts.get(h).connections()) {
				List<SwanChild> start = c.children().stream()
						.filter(k -> k.start() == StartAction.INITIATE && k.mode().negotiated())
						.toList();
				List<SwanChild> trap = c.children().stream()
						.filter(k -> k.start() == StartAction.TRAP && k.mode().negotiated())
						.toList();
				if (!start.isEmpty())
					n.attempt(h, c, start, initiated);
				if (!trap.isEmpty())
					n.attempt(h, c, trap, trapped);
			}
		return n.result(initiated, trapped);
	}

	/** What the given initiations, in order, bring up (e.g. a scenario's {@code swanctl --initiate} commands). */
	public static Result predict(List<SwanHost> hosts, List<Initiation> initiations) {
		Negotiation n = new Negotiation(hosts);
		Map<String, List<IkeSaPrediction>> initiated = n.empty();
		Map<String, Map<SwanConnection, List<SwanChild>>> byConnection = new LinkedHashMap<>();
		for (Initiation i : initiations)
			for (SwanHost host : hosts)
				if (host.name().equals(i.host()))
					for (SwanConnection c : host.connections())
						c.children().stream().filter(k -> k.name().equals(i.child()) && k.mode().negotiated())
								.forEach(k -> byConnection
										.computeIfAbsent(host.name(), x -> new LinkedHashMap<>())
										.computeIfAbsent(c, x -> new ArrayList<>()).add(k));
		for (int h = 0; h < hosts.size(); h++) {
			int host = h;
			byConnection.getOrDefault(hosts.get(h).name(), Map.of())
					.forEach((c, children) -> n.attempt(host, c, children, initiated));
		}
		return n.result(initiated, n.empty());
	}

	private Map<String, List<IkeSaPrediction>> empty() {
		Map<String, List<IkeSaPrediction>> map = new LinkedHashMap<>();
		hosts.forEach(h -> map.put(h.name(), new ArrayList<>()));
		return map;
	}

	private Result result(Map<String, List<IkeSaPrediction>> initiated, Map<String, List<IkeSaPrediction>> trapped) {
		Map<String, List<IkeSaPrediction>> out = new LinkedHashMap<>();
		initiated.forEach((host, sas) -> {
			List<IkeSaPrediction> all = new ArrayList<>(sas);
			all.addAll(BothWays.merge(trapped.get(host)));
			out.put(host, List.copyOf(all));
		});
		return new Result(out, List.copyOf(findings.values()));
	}

	// ---- one IKE_SA ------------------------------------------------------------------------------

	/** The two ends of an IKE_SA being negotiated. */
	private record Ends(int initiator, SwanConnection ic, IpRange src, int responder, IpRange dst, IkeVersion version) {
	}

	/** Initiates {@code c} of host {@code h} with its children, adding both hosts' view of the SA. */
	private void attempt(int h, SwanConnection c, List<SwanChild> children, Map<String, List<IkeSaPrediction>> out) {
		Optional<Ends> found = ends(h, c);
		if (found.isEmpty())
			return;
		Ends e = found.get();
		SwanHost responderHost = hosts.get(e.responder());
		List<SwanConnection> candidates = ikeCandidates(responderHost, e);
		String initiatorHost = hosts.get(h).name(), peer = responderHost.name();
		if (candidates.isEmpty()) {
			refusedVersion(e, responderHost);
			out.get(initiatorHost).add(failed(c.name(), e, true, "NO_PROPOSAL_CHOSEN", c.localId()));
			return;
		}
		Optional<Proposal> selected = Optional.empty();
		SwanConnection ikeCfg = candidates.get(0);
		for (SwanConnection cand : candidates) {
			selected = Proposal.select(cand.proposals(), c.proposals(), SelectionFlags.DEFAULT);
			if (selected.isPresent()) {
				ikeCfg = cand;
				break;
			}
		}
		if (selected.isEmpty()) {
			pair(DiagnosticCode.NO_PROPOSAL_CHOSEN, e.initiator(), Place.Kind.IKE, c.ike(),
					c.name() + " proposes " + proposals(c.proposals()) + ", but " + peer + "'s " + ikeCfg.name()
							+ " accepts only "
							+ proposals(ikeCfg.proposals())
							+ ": strongSwan answers NO_PROPOSAL_CHOSEN and no IKE_SA comes up",
					e.responder(), Place.Kind.IKE, ikeCfg.ike(),
					ikeCfg.name() + " accepts " + proposals(ikeCfg.proposals()) + ", but " + initiatorHost + "'s "
							+ c.name()
							+ " proposes only " + proposals(c.proposals()) + ": this side answers NO_PROPOSAL_CHOSEN");
			out.get(initiatorHost).add(failed(c.name(), e, true, "NO_PROPOSAL_CHOSEN", c.localId()));
			out.get(peer).add(failed(ikeCfg.name(), e, false, "NO_PROPOSAL_CHOSEN", ikeCfg.localId()));
			return;
		}
		if (e.version() == IkeVersion.IKEV2)
			keyExchangeGuess(e, c.proposals(), selected.get(), Place.Kind.IKE, c.ike(), Place.Kind.IKE, ikeCfg.ike(),
					"IKE_SA_INIT of " + c.name());
		authenticate(e, c, children, selected.get(), ikeCfg, out);
	}

	/** The peer and the addresses: the first remote address another host owns; the local one routing would pick. */
	private Optional<Ends> ends(int h, SwanConnection c) {
		SwanHost host = hosts.get(h);
		for (IpRange remote : c.remoteAddrs())
			for (int p = 0; p < hosts.size(); p++) {
				if (p == h)
					continue;
				for (IpRange address : hosts.get(p).addresses())
					if (remote.contains(address) && address.first().equals(address.last())) {
						Optional<IpRange> local = source(host, c, address);
						if (local.isPresent())
							return Optional.of(new Ends(h, c, local.get(), p, address, initiating(c.version())));
					}
			}
		return Optional.empty();
	}

	/** The local address of the same family sharing the longest prefix with the destination. */
	private static Optional<IpRange> source(SwanHost host, SwanConnection c, IpRange destination) {
		return host.addresses().stream().filter(a -> a.first().equals(a.last()) && a.isIpv4() == destination.isIpv4())
				.filter(a -> c.localAddrs().isEmpty() || c.localAddrs().stream().anyMatch(l -> l.contains(a)))
				.max(Comparator.comparing((IpRange a) -> -a.first().xor(destination.first()).bitLength()));
	}

	/** The version an initiator speaks: IKEv2 when either is allowed. */
	private static IkeVersion initiating(IkeVersion version) {
		return version == IkeVersion.ANY ? IkeVersion.IKEV2 : version;
	}

	/** The responder's connections for these addresses and version, best match first (backend_manager). */
	private static List<SwanConnection> ikeCandidates(SwanHost responder, Ends e) {
		record Rated(SwanConnection c, int match) {
		}
		List<Rated> rated = new ArrayList<>();
		for (SwanConnection c : responder.connections()) {
			int match = ikeMatch(c, e.dst(), e.src(), e.version());
			if (match > 0)
				rated.add(new Rated(c, match));
		}
		rated.sort(Comparator.comparingInt(Rated::match).reversed());
		return rated.stream().map(Rated::c).toList();
	}

	/** strongSwan's get_ike_match: exact addresses beat subnets, which beat {@code %any}; a set version adds. */
	private static int ikeMatch(SwanConnection c, IpRange me, IpRange other, IkeVersion version) {
		if (!c.version().accepts(version))
			return 0;
		int mine = addressMatch(c.localAddrs(), me), theirs = addressMatch(c.remoteAddrs(), other);
		if (mine == 0 || theirs == 0)
			return 0;
		return mine * 8 + theirs * 16 + (c.version() == IkeVersion.ANY ? 0 : 4);
	}

	private static int addressMatch(List<IpRange> configured, IpRange address) {
		if (configured.isEmpty())
			return 1;
		int best = 0;
		for (IpRange range : configured)
			if (range.contains(address)) {
				BigInteger size = range.size();
				boolean prefix = size.bitCount() == 1;
				int bits = (range.isIpv4() ? 32 : 128) - (size.bitLength() - 1);
				best = Math.max(best, size.equals(BigInteger.ONE) ? 129 : prefix ? bits + 1 : 1);
			}
		return best;
	}

	/** No connection answers: when one would with the other IKE version, say so on both hosts. */
	private void refusedVersion(Ends e, SwanHost responder) {
		for (SwanConnection c : responder.connections())
			if (ikeMatch(c, e.dst(), e.src(), IkeVersion.ANY) > 0 || !c.version().accepts(e.version())
					&& addressMatch(c.localAddrs(), e.dst()) > 0 && addressMatch(c.remoteAddrs(), e.src()) > 0) {
				String speaks = e.version() == IkeVersion.IKEV1 ? "IKEv1" : "IKEv2";
				String other = e.version() == IkeVersion.IKEV1 ? "IKEv2" : "IKEv1";
				pair(DiagnosticCode.IKE_VERSION_MISMATCH, e.initiator(), Place.Kind.IKE, e.ic().ike(),
						e.ic().name() + " initiates with " + speaks + ", but " + responder.name() + "'s " + c.name()
								+ " speaks only "
								+ other + ": no IKE config is found and the peer answers NO_PROPOSAL_CHOSEN",
						e.responder(), Place.Kind.IKE, c.ike(), c.name() + " speaks only " + other + ", but "
								+ hosts.get(e.initiator()).name() + "'s " + e.ic().name() + " initiates with " + speaks
								+ ": this side finds no IKE config and answers NO_PROPOSAL_CHOSEN");
				return;
			}
	}

	// ---- IKE_AUTH --------------------------------------------------------------------------------

	private void authenticate(Ends e, SwanConnection c, List<SwanChild> children, Proposal ikeProposal,
			SwanConnection ikeCfg,
			Map<String, List<IkeSaPrediction>> out) {
		SwanHost responderHost = hosts.get(e.responder());
		String initiatorHost = hosts.get(e.initiator()).name(), peer = responderHost.name();
		Optional<IkeIdentity> idi = sentIdentity(c, e.src());
		// IDr is sent only when the initiator requires one identity, no wildcard
		Optional<IkeIdentity> idr = c.remoteId().filter(id -> !id.value().contains("*"));
		record Rated(SwanConnection c, int ike, int id) {
		}
		List<Rated> rated = new ArrayList<>();
		for (SwanConnection cand : responderHost.connections()) {
			int ike = ikeMatch(cand, e.dst(), e.src(), e.version());
			if (ike == 0)
				continue;
			int me = idr.isEmpty() ? IdentityMatch.ANY : IdentityMatch.rate(cand.localId(), idr);
			int other = IdentityMatch.rate(cand.remoteId(), idi);
			if (me > 0 && other > 0)
				rated.add(new Rated(cand, ike, me + other));
		}
		rated.sort(Comparator.comparingInt(Rated::ike).thenComparingInt(Rated::id).reversed());
		if (rated.isEmpty()) {
			pair(DiagnosticCode.AUTHENTICATION_FAILED, e.initiator(), Place.Kind.IKE, c.ike(),
					c.name() + " identifies as " + shown(idi) + idrText(idr) + ", but no connection of " + peer
							+ " expects that: strongSwan finds no peer config and answers AUTHENTICATION_FAILED",
					e.responder(), Place.Kind.IKE, ikeCfg.ike(),
					ikeCfg.name() + " expects " + required(ikeCfg.remoteId()) + ", but "
							+ initiatorHost + "'s " + c.name() + " identifies as " + shown(idi)
							+ ": no peer config matches and this side answers AUTHENTICATION_FAILED");
			authFailed(e, c, ikeCfg, idi, Optional.empty(), out);
			return;
		}
		// charon moves on to the next candidate when the authentication method is not the one required
		SwanConnection chosen = rated.stream().map(Rated::c)
				.filter(r -> r.remoteAuth().method() == c.localAuth().method())
				.findFirst().orElse(null);
		if (chosen == null) {
			SwanConnection best = rated.get(0).c();
			pair(DiagnosticCode.AUTHENTICATION_FAILED, e.initiator(), Place.Kind.IKE, c.ike(),
					c.name() + " authenticates with " + c.localAuth().method().description() + ", but " + peer + "'s "
							+ best.name()
							+ " requires " + best.remoteAuth().method().description()
							+ ": the constraint check fails and the peer answers AUTHENTICATION_FAILED",
					e.responder(), Place.Kind.IKE, best.ike(),
					best.name() + " requires " + best.remoteAuth().method().description() + ", but " + initiatorHost
							+ "'s " + c.name()
							+ " authenticates with " + c.localAuth().method().description()
							+ ": this side answers AUTHENTICATION_FAILED");
			authFailed(e, c, best, idi, Optional.empty(), out);
			return;
		}
		Optional<IkeIdentity> idrSent = sentIdentity(chosen, e.dst());
		if (secretsDiffer(c.localAuth(), chosen.remoteAuth()) || secretsDiffer(chosen.localAuth(), c.remoteAuth())) {
			pair(DiagnosticCode.AUTHENTICATION_FAILED, e.initiator(), Place.Kind.IKE, c.ike(),
					"the preshared key of " + c.name() + " is not the one of " + peer + "'s " + chosen.name()
							+ ": the AUTH payload does not verify and the peer answers AUTHENTICATION_FAILED",
					e.responder(), Place.Kind.IKE, chosen.ike(),
					"the preshared key of " + chosen.name() + " is not the one of "
							+ initiatorHost + "'s " + c.name() + ": this side answers AUTHENTICATION_FAILED");
			authFailed(e, c, chosen, idi, idrSent, out);
			return;
		}
		if (chosen.localAuth().method() != c.remoteAuth().method()) {
			pair(DiagnosticCode.AUTHENTICATION_FAILED, e.initiator(), Place.Kind.IKE, c.ike(),
					c.name() + " requires " + c.remoteAuth().method().description() + " of the peer, but " + peer
							+ "'s " + chosen.name()
							+ " authenticates with " + chosen.localAuth().method().description()
							+ ": the constraint check fails and this side deletes the IKE_SA (AUTHENTICATION_FAILED)",
					e.responder(), Place.Kind.IKE, chosen.ike(), chosen.name() + " authenticates with "
							+ chosen.localAuth().method().description() + ", but " + initiatorHost + "'s " + c.name()
							+ " requires "
							+ c.remoteAuth().method().description()
							+ ": the initiator refuses it (AUTHENTICATION_FAILED)");
			authFailed(e, c, chosen, idi, idrSent, out);
			return;
		}
		if (IdentityMatch.rate(c.remoteId(), idrSent) == IdentityMatch.NONE) {
			pair(DiagnosticCode.AUTHENTICATION_FAILED, e.initiator(), Place.Kind.IKE, c.ike(),
					c.name() + " expects " + required(c.remoteId()) + ", but " + peer + "'s " + chosen.name()
							+ " identifies as "
							+ shown(idrSent) + ": the constraint check fails (AUTHENTICATION_FAILED)",
					e.responder(), Place.Kind.IKE, chosen.ike(),
					chosen.name() + " identifies as " + shown(idrSent) + ", but "
							+ initiatorHost + "'s " + c.name() + " expects " + required(c.remoteId())
							+ ": the initiator refuses it (AUTHENTICATION_FAILED)");
			authFailed(e, c, chosen, idi, idrSent, out);
			return;
		}
		List<ChildSaPrediction> mine = new ArrayList<>(), theirs = new ArrayList<>();
		boolean first = true;
		for (SwanChild k : children) {
			ChildPair pair = child(e, k, chosen, first);
			first = false;
			mine.add(pair.initiator());
			pair.responder().ifPresent(theirs::add);
		}
		out.get(initiatorHost)
				.add(new IkeSaPrediction(c.name(), e.version(), IkeSaPrediction.ESTABLISHED, Optional.of(true), e.src(),
						e.dst(), idi, idrSent, IkeSaPrediction.chosen(Optional.of(ikeProposal)), mine));
		out.get(peer)
				.add(new IkeSaPrediction(chosen.name(), e.version(), IkeSaPrediction.ESTABLISHED, Optional.of(false),
						e.dst(),
						e.src(), idrSent, idi, IkeSaPrediction.chosen(Optional.of(ikeProposal)), theirs));
	}

	private void authFailed(Ends e, SwanConnection c, SwanConnection responder, Optional<IkeIdentity> idi,
			Optional<IkeIdentity> idr, Map<String, List<IkeSaPrediction>> out) {
		out.get(hosts.get(e.initiator()).name()).add(new IkeSaPrediction(c.name(), e.version(), "AUTHENTICATION_FAILED",
				Optional.of(true), e.src(), e.dst(), idi, idr, Map.of(), List.of()));
		out.get(hosts.get(e.responder()).name())
				.add(new IkeSaPrediction(responder.name(), e.version(), "AUTHENTICATION_FAILED",
						Optional.of(false), e.dst(), e.src(), idr, idi, Map.of(), List.of()));
	}

	private IkeSaPrediction failed(String name, Ends e, boolean initiator, String state,
			Optional<IkeIdentity> localId) {
		return initiator
				? new IkeSaPrediction(name, e.version(), state, Optional.of(true), e.src(), e.dst(), localId,
						Optional.empty(),
						Map.of(), List.of())
				: new IkeSaPrediction(name, e.version(), state, Optional.of(false), e.dst(), e.src(), localId,
						Optional.empty(),
						Map.of(), List.of());
	}

	/** The identity sent: the configured one, else the address with a preshared key; unknown from a certificate. */
	static Optional<IkeIdentity> sentIdentity(SwanConnection c, IpRange address) {
		if (c.localId().isPresent())
			return c.localId();
		if (c.localAuth().method() == IkeAuthentication.Method.PRESHARED)
			return Optional.of(new IkeIdentity(address.isIpv4() ? IkeIdentity.Kind.IPV4 : IkeIdentity.Kind.IPV6,
					IpRange.format(address.first())));
		return Optional.empty();
	}

	private static boolean secretsDiffer(IkeAuthentication a, IkeAuthentication b) {
		return a.method() == IkeAuthentication.Method.PRESHARED && b.method() == IkeAuthentication.Method.PRESHARED
				&& a.secret().isPresent() && b.secret().isPresent() && !a.secret().equals(b.secret());
	}

	private static String shown(Optional<IkeIdentity> id) {
		return id.map(IkeIdentity::toString).orElse("its certificate's subject");
	}

	private static String required(Optional<IkeIdentity> id) {
		return id.map(IkeIdentity::toString).orElse("any identity");
	}

	private static String idrText(Optional<IkeIdentity> idr) {
		return idr.map(id -> " and asks for " + id).orElse("");
	}

	// ---- CHILD_SAs -------------------------------------------------------------------------------

	private record ChildPair(ChildSaPrediction initiator, Optional<ChildSaPrediction> responder) {
	}

	private ChildPair child(Ends e, SwanChild k, SwanConnection responder, boolean inIkeAuth) {
		String initiatorHost = hosts.get(e.initiator()).name(), peer = hosts.get(e.responder()).name();
		boolean transport = k.mode() == ChildMode.TRANSPORT;
		List<IkeTrafficSelector> tsi = transport ? hostSelectors(k.localTs(), e.src()) : resolve(k.localTs(), e.src());
		List<IkeTrafficSelector> tsr = transport
				? hostSelectors(k.remoteTs(), e.dst())
				: resolve(k.remoteTs(), e.dst());
		SwanChild cfg = selectChild(responder, tsi, tsr, e);
		if (cfg == null) {
			Place.Kind kind = Place.Kind.IKE;
			pair(DiagnosticCode.TS_UNACCEPTABLE, e.initiator(), Place.Kind.POLICY, k.rule(),
					k.name() + " proposes " + ts(tsi) + " === " + ts(tsr) + ", but no child of " + peer + "'s "
							+ responder.name()
							+ " covers any of it: strongSwan answers TS_UNACCEPTABLE and the CHILD_SA is not installed",
					e.responder(), kind, responder.ike(),
					"no child of " + responder.name() + " covers " + ts(tsr) + " === " + ts(tsi)
							+ ", which " + initiatorHost + "'s " + k.name()
							+ " proposes: this side answers TS_UNACCEPTABLE");
			return new ChildPair(ChildSaPrediction.failed(k.name(), "TS_UNACCEPTABLE", k.mode(), k.protocol()),
					Optional.empty());
		}
		SelectionFlags flags = inIkeAuth && e.version() == IkeVersion.IKEV2
				? SelectionFlags.IKE_AUTH_CHILD
				: SelectionFlags.DEFAULT;
		Optional<Proposal> selected = Proposal.select(cfg.proposals(), k.proposals(), flags);
		if (selected.isEmpty()) {
			pair(DiagnosticCode.NO_PROPOSAL_CHOSEN, e.initiator(), Place.Kind.POLICY, k.rule(),
					k.name() + " proposes " + proposals(k.proposals()) + ", but " + peer + "'s " + cfg.name()
							+ " accepts only "
							+ proposals(cfg.proposals())
							+ ": strongSwan answers NO_PROPOSAL_CHOSEN and the CHILD_SA is not installed",
					e.responder(), Place.Kind.POLICY, cfg.rule(),
					cfg.name() + " accepts " + proposals(cfg.proposals()) + ", but "
							+ initiatorHost + "'s " + k.name() + " proposes only " + proposals(k.proposals())
							+ ": this side answers NO_PROPOSAL_CHOSEN");
			return new ChildPair(ChildSaPrediction.failed(k.name(), "NO_PROPOSAL_CHOSEN", k.mode(), k.protocol()),
					Optional.of(
							ChildSaPrediction.failed(cfg.name(), "NO_PROPOSAL_CHOSEN", cfg.mode(), cfg.protocol())));
		}
		if (flags.skipKeyExchange()
				&& Proposal.select(cfg.proposals(), k.proposals(), SelectionFlags.DEFAULT).isEmpty())
			pair(DiagnosticCode.NO_PROPOSAL_CHOSEN, e.initiator(), Place.Kind.POLICY, k.rule(),
					k.name() + " and " + peer + "'s " + cfg.name()
							+ " agree without key exchange, but not on perfect forward secrecy ("
							+ proposals(k.proposals()) + " against " + proposals(cfg.proposals())
							+ "): the CHILD_SA comes up with IKE_AUTH, and its first rekeying fails with NO_PROPOSAL_CHOSEN",
					e.responder(), Place.Kind.POLICY, cfg.rule(),
					cfg.name() + " and " + initiatorHost + "'s " + k.name()
							+ " do not agree on perfect forward secrecy: rekeying the CHILD_SA fails with NO_PROPOSAL_CHOSEN");
		if (!flags.skipKeyExchange() && e.version() == IkeVersion.IKEV2)
			keyExchangeGuess(e, k.proposals(), selected.get(), Place.Kind.POLICY, k.rule(), Place.Kind.POLICY,
					cfg.rule(),
					"CREATE_CHILD_SA of " + k.name());
		// the responder narrows what it was offered to its configuration, the initiator what it gets back to its own
		List<IkeTrafficSelector> respLocal = IkeTrafficSelector.narrow(resolve(cfg.localTs(), e.dst()), tsr);
		List<IkeTrafficSelector> respRemote = IkeTrafficSelector.narrow(resolve(cfg.remoteTs(), e.src()), tsi);
		List<IkeTrafficSelector> initLocal = IkeTrafficSelector.narrow(resolve(k.localTs(), e.src()), respRemote);
		List<IkeTrafficSelector> initRemote = IkeTrafficSelector.narrow(resolve(k.remoteTs(), e.dst()), respLocal);
		if (respLocal.isEmpty() || respRemote.isEmpty() || initLocal.isEmpty() || initRemote.isEmpty()) {
			pair(DiagnosticCode.TS_UNACCEPTABLE, e.initiator(), Place.Kind.POLICY, k.rule(),
					k.name() + " selects " + ts(resolve(k.localTs(), e.src())) + " === "
							+ ts(resolve(k.remoteTs(), e.dst())) + ", "
							+ peer + "'s " + cfg.name() + " " + ts(resolve(cfg.remoteTs(), e.src())) + " === "
							+ ts(resolve(cfg.localTs(), e.dst()))
							+ ": nothing is left after narrowing (TS_UNACCEPTABLE)",
					e.responder(), Place.Kind.POLICY, cfg.rule(),
					cfg.name() + " selects " + ts(resolve(cfg.localTs(), e.dst())) + " === "
							+ ts(resolve(cfg.remoteTs(), e.src())) + ", " + initiatorHost + "'s " + k.name()
							+ " proposes what narrowing leaves nothing of (TS_UNACCEPTABLE)");
			return new ChildPair(ChildSaPrediction.failed(k.name(), "TS_UNACCEPTABLE", k.mode(), k.protocol()),
					Optional.of(ChildSaPrediction.failed(cfg.name(), "TS_UNACCEPTABLE", cfg.mode(), cfg.protocol())));
		}
		ChildMode mode = mode(e, k, cfg, respLocal, respRemote);
		if (mode == null)
			return new ChildPair(ChildSaPrediction.failed(k.name(), "NO_PROPOSAL_CHOSEN", k.mode(), k.protocol()),
					Optional.of(
							ChildSaPrediction.failed(cfg.name(), "NO_PROPOSAL_CHOSEN", cfg.mode(), cfg.protocol())));
		return new ChildPair(
				new ChildSaPrediction(k.name(), ChildSaPrediction.INSTALLED, mode, selected.get().protocol(),
						IkeSaPrediction.chosen(selected), initLocal, initRemote),
				Optional.of(
						new ChildSaPrediction(cfg.name(), ChildSaPrediction.INSTALLED, mode, selected.get().protocol(),
								IkeSaPrediction.chosen(selected), respLocal, respRemote)));
	}

	/**
	 * Transport mode when the initiator asks for it, the responder's child is in transport mode and the
	 * selectors are host to host; otherwise strongSwan's responder installs a tunnel and the initiator
	 * accepts it (IKEv2). In IKEv1 the mode is part of the proposal: a mismatch is NO_PROPOSAL_CHOSEN (null).
	 */
	private ChildMode mode(Ends e, SwanChild k, SwanChild cfg, List<IkeTrafficSelector> respLocal,
			List<IkeTrafficSelector> respRemote) {
		if (k.mode() == cfg.mode()
				&& (k.mode() == ChildMode.TUNNEL || hostToHost(respLocal, e.dst()) && hostToHost(respRemote, e.src())))
			return k.mode();
		String initiatorHost = hosts.get(e.initiator()).name(), peer = hosts.get(e.responder()).name();
		if (e.version() == IkeVersion.IKEV1) {
			pair(DiagnosticCode.NO_PROPOSAL_CHOSEN, e.initiator(), Place.Kind.POLICY, k.rule(),
					k.name() + " runs " + mode(k.mode()) + ", " + peer + "'s " + cfg.name() + " " + mode(cfg.mode())
							+ ": in IKEv1 the mode is part of the proposal, so Quick Mode finds none (NO_PROPOSAL_CHOSEN)",
					e.responder(), Place.Kind.POLICY, cfg.rule(),
					cfg.name() + " runs " + mode(cfg.mode()) + ", " + initiatorHost + "'s "
							+ k.name() + " " + mode(k.mode()) + ": Quick Mode finds no proposal (NO_PROPOSAL_CHOSEN)");
			return null;
		}
		pair(DiagnosticCode.MODE_MISMATCH, e.initiator(), Place.Kind.POLICY, k.rule(),
				k.name() + " runs " + mode(k.mode()) + ", " + peer + "'s " + cfg.name() + " " + mode(cfg.mode())
						+ " (or the selectors are not host to host): strongSwan installs the CHILD_SA in tunnel mode",
				e.responder(), Place.Kind.POLICY, cfg.rule(),
				cfg.name() + " runs " + mode(cfg.mode()) + ", " + initiatorHost + "'s "
						+ k.name() + " " + mode(k.mode()) + ": strongSwan installs the CHILD_SA in tunnel mode");
		return ChildMode.TUNNEL;
	}

	private static String mode(ChildMode mode) {
		return mode == ChildMode.TRANSPORT ? "transport mode" : "tunnel mode";
	}

	private static boolean hostToHost(List<IkeTrafficSelector> list, IpRange host) {
		return list.stream().allMatch(ts -> ts.isHost() && ts.range().equals(host));
	}

	/**
	 * The responder's child for the proposed selectors (peer_cfg select_child_cfg): each child is rated by
	 * how the proposed selectors fit its own, leading ones weighing more, equal ones more than contained ones.
	 */
	private static SwanChild selectChild(SwanConnection responder, List<IkeTrafficSelector> tsi,
			List<IkeTrafficSelector> tsr, Ends e) {
		SwanChild best = null;
		int bestRating = 0;
		for (SwanChild cand : responder.children()) {
			if (!cand.mode().negotiated())
				continue;
			boolean transport = cand.mode() == ChildMode.TRANSPORT;
			List<IkeTrafficSelector> mine = transport
					? hostSelectors(cand.localTs(), e.dst())
					: resolve(cand.localTs(), e.dst());
			List<IkeTrafficSelector> theirs = transport
					? hostSelectors(cand.remoteTs(), e.src())
					: resolve(cand.remoteTs(), e.src());
			int my = tsMatch(mine, tsr), other = tsMatch(theirs, tsi);
			if (my > 0 && other > 0 && my + other > bestRating) {
				bestRating = my + other;
				best = cand;
			}
		}
		return best;
	}

	private static int tsMatch(List<IkeTrafficSelector> configured, List<IkeTrafficSelector> supplied) {
		int match = 0, round = supplied.size();
		for (IkeTrafficSelector sup : supplied) {
			for (IkeTrafficSelector cfg : configured)
				if (cfg.equals(sup))
					match += round * 5;
				else if (cfg.subset(sup).isPresent())
					match += round;
			round--;
		}
		return match;
	}

	/** strongSwan's {@code dynamic}: no selector configured stands for the IKE address. */
	private static List<IkeTrafficSelector> resolve(List<IkeTrafficSelector> configured, IpRange address) {
		return configured.isEmpty() ? List.of(IkeTrafficSelector.of(address)) : configured;
	}

	/** Transport mode forces the selectors to the hosts, keeping protocol and ports, dropping those not covering it. */
	private static List<IkeTrafficSelector> hostSelectors(List<IkeTrafficSelector> configured, IpRange address) {
		if (configured.isEmpty())
			return List.of(IkeTrafficSelector.of(address));
		List<IkeTrafficSelector> result = new ArrayList<>();
		for (IkeTrafficSelector ts : configured)
			if (ts.range().contains(address))
				result.add(new IkeTrafficSelector(address, ts.protocol(), ts.fromPort(), ts.toPort()));
		return IkeTrafficSelector.withoutContained(result);
	}

	// ---- shared ----------------------------------------------------------------------------------

	/** The initiator sends its KE for the first method of its first proposal; another choice costs a retry. */
	private void keyExchangeGuess(Ends e, List<Proposal> offered, Proposal selected, Place.Kind kindI, int indexI,
			Place.Kind kindR,
			int indexR, String exchange) {
		Optional<AlgorithmChoice> chosen = selected.first(AlgorithmKind.KEY_EXCHANGE);
		Optional<AlgorithmChoice> guess = offered.isEmpty() ? Optional.empty() : offered.get(0).keyExchangeGuess();
		if (chosen.isEmpty() || guess.isEmpty() || guess.equals(chosen))
			return;
		String g = guess.get().algorithm().swanName(), c = chosen.get().algorithm().swanName();
		String peer = hosts.get(e.responder()).name(), initiatorHost = hosts.get(e.initiator()).name();
		pair(DiagnosticCode.INVALID_KE_PAYLOAD, e.initiator(), kindI, indexI,
				exchange + " sends a " + g + " key exchange, but " + peer + " chooses " + c
						+ ": it answers INVALID_KE_PAYLOAD and this side retries with " + c + " (one more round trip)",
				e.responder(), kindR, indexR,
				initiatorHost + " sends a " + g + " key exchange in " + exchange + ", but this side chooses "
						+ c + ": it answers INVALID_KE_PAYLOAD and the initiator retries");
	}

	private void pair(DiagnosticCode code, int hostA, Place.Kind kindA, int indexA, String messageA, int hostB,
			Place.Kind kindB,
			int indexB, String messageB) {
		Place a = new Place(hostA, kindA, indexA), b = new Place(hostB, kindB, indexB);
		add(code, a, messageA, b, hosts.get(hostB).name());
		add(code, b, messageB, a, hosts.get(hostA).name());
	}

	private void add(DiagnosticCode code, Place place, String message, Place related, String relatedHost) {
		String key = code.id() + "@" + place;
		PeerFinding existing = findings.get(key);
		PeerFinding.Related r = new PeerFinding.Related(related, "the peer's side, on " + relatedHost);
		if (existing == null)
			findings.put(key, new PeerFinding(code, place, message, List.of(r)));
		else if (!existing.related().contains(r)) {
			List<PeerFinding.Related> all = new ArrayList<>(existing.related());
			all.add(r);
			findings.put(key, new PeerFinding(code, place, existing.message(), all));
		}
	}

	private static String proposals(List<Proposal> list) {
		return list.stream().map(Proposal::keyword).collect(Collectors.joining(", "));
	}

	private static String ts(List<IkeTrafficSelector> list) {
		return list.stream().map(IkeTrafficSelector::toString).collect(Collectors.joining(" "));
	}
}
