package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * The analysis between peers (docs/diagnostics.md, "Between peers") over the hosts of a workspace.
 * For each host and each peer it protects traffic towards, the protected traffic is split by the
 * peer's first matching policy; each part is then checked the way HP-UX would negotiate it: Main
 * Mode between the IKE policies, Quick Mode between the two policies, or the manual SAs, or found
 * passed or discarded at the peer. Each mismatch is one finding on each host, pointing at the
 * other, and every initiator and responder pair gets one row of the session table.
 */
public final class PeerAnalysis {

	/**
	 * Everything found: findings on all hosts, and the session table sorted by initiator and
	 * responder; with each pair's judgement, for the next analysis of the workspace.
	 */
	public static final class Report {
		private final List<PeerFinding> findings;
		private final List<Session> sessions;
		private final Map<Integer, List<PeerFinding>> byHost = new HashMap<>();
		/** Each judged pair, by its initiator's and its responder's models. */
		private final Map<PeerHost, Map<PeerHost, Judged>> pairs;
		/** Every host's addresses, in order: what each host's policy checks read of the others. */
		private final List<List<IpRange>> addresses;

		private Report(List<PeerFinding> findings, List<Session> sessions, Map<PeerHost, Map<PeerHost, Judged>> pairs,
				List<List<IpRange>> addresses) {
			this.findings = findings;
			this.sessions = sessions;
			this.pairs = pairs;
			this.addresses = addresses;
			for (PeerFinding finding : findings)
				byHost.computeIfAbsent(finding.place().host(), h -> new ArrayList<>()).add(finding);
		}

		public List<PeerFinding> findings() {
			return findings;
		}

		public List<Session> sessions() {
			return sessions;
		}

		/** The findings on one host, by its position in the analysed list. */
		public List<PeerFinding> on(int host) {
			return List.copyOf(byHost.getOrDefault(host, List.of()));
		}
	}

	/**
	 * One pair's findings and session row, as the analysis of the two hosts alone gives them (the
	 * initiator is host 0, the responder host 1): a pair's judgement reads nothing else.
	 */
	private record Judged(List<PeerFinding> findings, List<Session> sessions) {
		static Judged of(PeerHost initiator, PeerHost responder) {
			PeerAnalysis two = new PeerAnalysis(List.of(initiator, responder));
			two.pair(0, 1, Optional.empty());
			return new Judged(two.findings.list(), List.copyOf(two.sessions));
		}

		/** Adds this pair's findings and row to an analysis where the pair is hosts a and b, as judging it there would. */
		void addTo(PeerAnalysis analysis, int a, int b) {
			for (PeerFinding finding : findings) {
				Place place = at(finding.place(), a, b);
				if (finding.related().isEmpty())
					analysis.findings.add(finding.code(), place, finding.message());
				for (PeerFinding.Related related : finding.related())
					analysis.findings.add(finding.code(), place, finding.message(), at(related.place(), a, b),
							related.message());
			}
			analysis.sessions.addAll(sessions);
		}

		private static Place at(Place place, int a, int b) {
			return new Place(place.host() == 0 ? a : b, place.kind(), place.index());
		}
	}

	private final List<PeerHost> hosts;
	private final Findings findings = new Findings();
	private final List<Session> sessions = new ArrayList<>();

	private PeerAnalysis(List<PeerHost> hosts) {
		this.hosts = List.copyOf(hosts);
	}

	public static Report analyse(List<PeerHost> hosts) {
		return analyse(hosts, null);
	}

	/**
	 * The same report as {@link #analyse(List)}, for a workspace analysed before: a pair of hosts
	 * whose models are the same objects as in {@code previous} (a host no edit reached) is not
	 * judged again, its judgement is reused; so an edit of one host re-judges only the pairs it is
	 * part of.
	 *
	 * @param previous the report of the workspace before an edit, or {@code null}
	 */
	public static Report analyse(List<PeerHost> hosts, Report previous) {
		PeerAnalysis analysis = new PeerAnalysis(hosts);
		Discovery discovery = new Discovery(analysis.hosts);
		List<List<IpRange>> addresses = analysis.hosts.stream().map(PeerHost::addresses).toList();
		if (previous != null && previous.addresses.equals(addresses))
			addresses = previous.addresses; // the same object: each host's checks compare it by identity
		List<PolicyChecks> checks = new ArrayList<>();
		for (int h = 0; h < analysis.hosts.size(); h++)
			checks.add(analysis.hosts.get(h).policyChecks(h, addresses, discovery));
		checks.forEach(c -> c.addIkeNoPolicy(analysis.findings));
		for (int h = 0; h < analysis.hosts.size(); h++)
			analysis.unknownRemotes(h, discovery, checks.get(h));
		Map<PeerHost, Map<PeerHost, Judged>> pairs = new IdentityHashMap<>();
		for (int a = 0; a < analysis.hosts.size(); a++)
			for (int b : discovery.protectedPeers(a)) {
				PeerHost initiator = analysis.hosts.get(a), responder = analysis.hosts.get(b);
				Judged judged = previous == null
						? null
						: previous.pairs.getOrDefault(initiator, Map.of()).get(responder);
				if (judged == null)
					judged = Judged.of(initiator, responder);
				pairs.computeIfAbsent(initiator, h -> new IdentityHashMap<>()).put(responder, judged);
				judged.addTo(analysis, a, b);
			}
		analysis.sessions.sort(Comparator.comparing(Session::initiator).thenComparing(Session::responder));
		return new Report(analysis.findings.list(), List.copyOf(analysis.sessions), pairs, addresses);
	}

	/**
	 * The session table's row for {@code initiator} sending only {@code traffic} (in its own terms,
	 * e.g. the one packet of a trace) to {@code responder}, judged as {@link #analyse} judges a pair;
	 * empty when the initiator protects none of it towards the responder.
	 */
	public static Optional<Session> session(PeerHost initiator, PeerHost responder, Region traffic) {
		PeerAnalysis analysis = new PeerAnalysis(List.of(initiator, responder));
		analysis.pair(0, 1, Optional.of(traffic));
		return analysis.sessions.stream().findFirst();
	}

	// ---- remotes outside the workspace ------------------------------------------------------

	private void unknownRemotes(int h, Discovery discovery, PolicyChecks checks) {
		PeerHost host = hosts.get(h);
		Set<String> missing = new LinkedHashSet<>(checks.addUnknown(findings));
		for (String remote : missing)
			sessions.add(new Session(host.name(), remote, Outcome.MISSING_END_POINT, "-", "-", ""));
		for (int k = 0; k < host.ikePolicies().size(); k++) {
			PeerIke ike = host.ikePolicies().get(k);
			if (!ike.remote().isEmpty() && discovery.within(ike.remote(), h).isEmpty())
				findings.add(DiagnosticCode.PEER_UNKNOWN, new Place(h, Place.Kind.IKE_REMOTE, k),
						unknownMessage(addresses(ike.remote()), ike.reference()));
		}
		for (int m = 0; m < host.manualSas().size(); m++) {
			ManualKeys sa = host.manualSas().get(m);
			if (!sa.peer().isEmpty() && discovery.within(sa.peer(), h).isEmpty())
				findings.add(DiagnosticCode.PEER_UNKNOWN, new Place(h, Place.Kind.MANUAL_PEER, m),
						unknownMessage(addresses(sa.peer()), "`" + sa.name() + "`"));
		}
	}

	static String unknownMessage(String remote, String element) {
		return (remote.equals("any")
				? "no other host of the workspace is in the remote end of " + element
				: remote + " is no host of the workspace") + ": nothing across peers was checked for " + element;
	}

	static String addresses(List<IpRange> ranges) {
		return ranges.isEmpty() ? "any" : ranges.stream().map(IpRange::toString).collect(Collectors.joining(", "));
	}

	// ---- one host's protected traffic towards one peer --------------------------------------

	/** The row of the session table being filled for one initiator and responder. */
	private static final class Row {
		Outcome outcome = Outcome.ESTABLISHED;
		String audit = "";
		final Set<String> proposals = new LinkedHashSet<>();
		final Set<String> transforms = new LinkedHashSet<>();

		void fail(Outcome failure, String text) {
			if (failure.compareTo(outcome) > 0) {
				outcome = failure;
				audit = text;
			}
		}
	}

	private void pair(int a, int b, Optional<Region> within) {
		PeerHost hostA = hosts.get(a), hostB = hosts.get(b);
		List<Traffic.Cell> cells = Traffic.cells(hostA, hostB, within);
		if (cells.isEmpty())
			return;
		Row row = new Row();
		Map<Traffic.Contact, Optional<PhaseOne.Result>> mainModes = new HashMap<>();
		for (Traffic.Cell cell : cells) {
			Action actionA = hostA.rules().get(cell.ruleA()).action();
			Action actionB = hostB.spd().action(cell.ruleB(), hostB.defaultAction());
			boolean manualA = actionA.manualSa().isPresent();
			if (actionB.kind() != Action.Kind.PROTECT) {
				asymmetric(a, b, cell);
				row.fail(manualA ? Outcome.MANUAL_KEYS_MISMATCH : Outcome.IPSEC_PHASE2_FAILED,
						manualA ? HpuxEvent.NO_SPI : HpuxEvent.QM_TIMEOUT);
			} else if (manualA != actionB.manualSa().isPresent()) {
				keying(a, b, cell);
				row.fail(manualA ? Outcome.MANUAL_KEYS_MISMATCH : Outcome.IPSEC_PHASE2_FAILED,
						manualA ? HpuxEvent.NO_SPI : HpuxEvent.QM_TIMEOUT);
			} else if (manualA) {
				manual(a, b, actionA, actionB, row);
			} else {
				boolean hpux = false, strongswan = false;
				for (Traffic.Contact contact : Traffic.contacts(hostA, hostB, hostA.rules().get(cell.ruleA()),
						cell.packets())) {
					ikeNoPolicy(a, b, cell, contact);
					// an IKE policy with a written version is negotiated the strongSwan way (org.ipsl.analysis.ikev2)
					if (versioned(hostA, contact.remote()) || versioned(hostB, contact.local())) {
						strongswan = true;
						continue;
					}
					hpux = true;
					mainModes.computeIfAbsent(contact, c -> mainMode(a, b, c)).ifPresent(result -> {
						row.fail(result.outcome(), result.audit());
						result.suite().map(IkeSuite::keyword).ifPresent(row.proposals::add);
					});
				}
				if (strongswan && !hpux)
					continue;
				PhaseTwo.Side sideA = new PhaseTwo.Side(a, hostA, cell.ruleA());
				PhaseTwo.Side sideB = new PhaseTwo.Side(b, hostB, cell.ruleB());
				PhaseTwo.Result quickMode = PhaseTwo.compare(sideA, sideB, findings);
				row.fail(quickMode.outcome(), quickMode.audit());
				quickMode.transform().ifPresent(row.transforms::add);
				if (actionA.tunnelLocal().isPresent() == actionB.tunnelLocal().isPresent())
					PhaseTwo.selectors(sideA, sideB, actionA.tunnelLocal().isPresent()
							? Region.of(Selector.ALL)
							: Traffic.between(hostA, hostB), findings);
			}
		}
		sessions.add(new Session(hostA.name(), hostB.name(), row.outcome,
				row.proposals.isEmpty() ? "-" : String.join(", ", row.proposals),
				row.transforms.isEmpty() ? "-" : String.join(", ", row.transforms), row.audit));
	}

	private static boolean versioned(PeerHost host, IpRange peer) {
		return host.ikeFor(peer).map(k -> host.ikePolicies().get(k).version().isPresent()).orElse(false);
	}

	/** A side without an IKE policy for the other: {@code ike-no-policy} on both sides' policies. */
	private void ikeNoPolicy(int a, int b, Traffic.Cell cell, Traffic.Contact contact) {
		PeerHost hostA = hosts.get(a), hostB = hosts.get(b);
		if (!hostA.ikeComplete() || !hostB.ikeComplete())
			return;
		Place placeA = Place.policy(a, cell.ruleA()), placeB = Place.policy(b, cell.ruleB());
		Rule ruleA = hostA.rules().get(cell.ruleA());
		if (hostA.ikeFor(contact.remote()).isEmpty())
			findings.pair(DiagnosticCode.IKE_NO_POLICY, placeA,
					IkeCoverage.message(hostA, ruleA, IpRange.format(contact.remote().first())),
					Labels.peers(hostA, cell.ruleA()), placeB,
					Labels.own(hostB, cell.ruleB()) + " protects this traffic, but " + hostA.name()
							+ " has no IKE policy for this host: Main Mode never starts (" + HpuxEvent.MM_FAILED + ")",
					Labels.peers(hostB, cell.ruleB()));
		if (hostB.ikeFor(contact.local()).isEmpty())
			findings.pair(DiagnosticCode.IKE_NO_POLICY, placeB,
					IkeCoverage.message(hostB, hostB.rules().get(cell.ruleB()),
							IpRange.format(contact.local().first())),
					Labels.peers(hostB, cell.ruleB()), placeA,
					Labels.ruleName(ruleA) + " protects with dynamic keys, but " + hostB.name()
							+ " has no IKE policy for this host and cannot answer Main Mode (" + HpuxEvent.MM_FAILED
							+ ")",
					Labels.peers(hostA, cell.ruleA()));
	}

	/**
	 * Main Mode between the IKE policies the two hosts use for each other's address, or nothing when
	 * it cannot be judged (an IKE policy of either host was invalid).
	 */
	private Optional<PhaseOne.Result> mainMode(int a, int b, Traffic.Contact contact) {
		PeerHost hostA = hosts.get(a), hostB = hosts.get(b);
		if (!hostA.ikeComplete() || !hostB.ikeComplete())
			return Optional.empty();
		Optional<Integer> ikeA = hostA.ikeFor(contact.remote()), ikeB = hostB.ikeFor(contact.local());
		if (ikeA.isEmpty() || ikeB.isEmpty())
			return Optional.of(new PhaseOne.Result(Outcome.IKE_PHASE1_FAILED, HpuxEvent.MM_FAILED, Optional.empty()));
		return Optional.of(PhaseOne.compare(new PhaseOne.Side(a, hostA, ikeA.get(), contact.local()),
				new PhaseOne.Side(b, hostB, ikeB.get(), contact.remote()), findings));
	}

	/** A protects traffic that B's first matching policy passes or discards. */
	private void asymmetric(int a, int b, Traffic.Cell cell) {
		PeerHost hostA = hosts.get(a), hostB = hosts.get(b);
		Rule ruleA = hostA.rules().get(cell.ruleA());
		Action actionB = hostB.spd().action(cell.ruleB(), hostB.defaultAction());
		Selector shown = ruleA.selector();
		if (cell.ruleB() != Spd.DEFAULT)
			shown = shown.intersect(hostB.rules().get(cell.ruleB()).selector().mirrored()).orElse(shown);
		boolean transport = ruleA.action().tunnelLocal().isEmpty();
		if (transport)
			shown = shown.intersect(Traffic.betweenSelector(hostA, hostB)).orElse(shown);
		Region whole = Region.of(shown);
		String part = whole.contains(cell.packets()) && cell.packets().contains(whole) ? "" : "some packets of ";
		boolean manual = ruleA.action().manualSa().isPresent();
		String consequence = ": connections fail or time out (" + (manual ? HpuxEvent.NO_SPI : HpuxEvent.QM_TIMEOUT)
				+ ")";
		boolean passes = actionB.kind() == Action.Kind.PASS;
		String packetsB = part + shown.mirrored().describe();
		findings.pair(DiagnosticCode.ASYMMETRIC_POLICY, Place.policy(a, cell.ruleA()),
				Labels.ruleName(ruleA) + " protects " + part + shown.describe() + ", but "
						+ Labels.peers(hostB, cell.ruleB()) + (passes ? " passes it in clear" : " discards it")
						+ consequence,
				Labels.peers(hostA, cell.ruleA()), Place.policy(b, cell.ruleB()),
				Labels.own(hostB, cell.ruleB())
						+ (passes ? " passes " + packetsB + " in clear" : " discards " + packetsB)
						+ ", but " + Labels.peers(hostA, cell.ruleA()) + " protects it" + consequence,
				Labels.peers(hostB, cell.ruleB()));
	}

	/** One side keys the traffic by hand, the other through IKE. */
	private void keying(int a, int b, Traffic.Cell cell) {
		PeerHost hostA = hosts.get(a), hostB = hosts.get(b);
		String labelA = Labels.peers(hostA, cell.ruleA()), labelB = Labels.peers(hostB, cell.ruleB());
		Action actionA = hostA.rules().get(cell.ruleA()).action();
		Action actionB = hostB.rules().get(cell.ruleB()).action();
		findings.pair(DiagnosticCode.MANUAL_SA_MISMATCH, Place.policy(a, cell.ruleA()),
				Labels.own(hostA, cell.ruleA()) + " " + keyedBy(actionA) + ", but " + labelB + " " + keyedBy(actionB)
						+ " for this traffic: no SA of one fits the other (" + HpuxEvent.NO_SPI + ")",
				labelA, Place.policy(b, cell.ruleB()),
				Labels.own(hostB, cell.ruleB()) + " " + keyedBy(actionB) + ", but " + labelA + " " + keyedBy(actionA)
						+ " for this traffic: no SA of one fits the other (" + HpuxEvent.NO_SPI + ")",
				labelB);
	}

	private static String keyedBy(Action action) {
		return action.manualSa().map(sa -> "uses manual SA `" + sa + "`").orElse("negotiates keys with IKE");
	}

	/** Both key by hand: A's outbound SA against B's inbound SA. */
	private void manual(int a, int b, Action actionA, Action actionB, Row row) {
		PeerHost hostA = hosts.get(a), hostB = hosts.get(b);
		Optional<Integer> saA = hostA.manualSa(actionA.manualSa().get()),
				saB = hostB.manualSa(actionB.manualSa().get());
		if (saA.isEmpty() || saB.isEmpty())
			return;
		Optional<ManualKeyCheck.Mismatch> mismatch = ManualKeyCheck.compare(
				new ManualKeyCheck.Side(a, hostA, saA.get(), false), new ManualKeyCheck.Side(b, hostB, saB.get(), true),
				findings);
		if (mismatch.isPresent())
			row.fail(Outcome.MANUAL_KEYS_MISMATCH, mismatch.get().audit());
		else
			row.transforms.add("manual " + actionA.manualSa().get());
	}
}
