package org.ipsl.analysis.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.Session;
import org.ipsl.analysis.peers.Spd;
import org.ipsl.model.Action;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;

/**
 * What a new version of a workspace changes: per host (matched by name), the packets whose fate
 * changes, with the policies deciding them before and after, and the rows of the session table
 * that change. Computed on regions, so it is exact: a packet is in a reported change exactly when
 * the two versions treat it differently, and a reordering or rewriting without effect reports nothing.
 */
public final class PolicyDiff {

	/** One version: its hosts (with valid policies only) and its session table. */
	public record Side(List<PeerHost> hosts, List<Session> sessions) {
	}

	/** The changed hosts by name, then the changed sessions by initiator and responder; empty when nothing changes. */
	public record Report(List<HostDiff> hosts, List<SessionChange> sessions) {
		public boolean isEmpty() {
			return hosts.isEmpty() && sessions.isEmpty();
		}
	}

	private PolicyDiff() {
	}

	public static Report compare(Side before, Side after) {
		Map<String, PeerHost> old = byName(before.hosts()), now = byName(after.hosts());
		TreeSet<String> names = new TreeSet<>(old.keySet());
		names.addAll(now.keySet());
		List<HostDiff> hosts = new ArrayList<>();
		for (String name : names) {
			if (!now.containsKey(name))
				hosts.add(new HostDiff(name, HostDiff.Presence.REMOVED, List.of()));
			else if (!old.containsKey(name))
				hosts.add(new HostDiff(name, HostDiff.Presence.ADDED, List.of()));
			else {
				List<RegionChange> changes = changes(old.get(name), now.get(name));
				if (!changes.isEmpty())
					hosts.add(new HostDiff(name, HostDiff.Presence.BOTH, changes));
			}
		}
		return new Report(hosts, sessions(before.sessions(), after.sessions()));
	}

	private static Map<String, PeerHost> byName(List<PeerHost> hosts) {
		Map<String, PeerHost> byName = new LinkedHashMap<>();
		hosts.forEach(host -> byName.putIfAbsent(host.name(), host));
		return byName;
	}

	/**
	 * The packets one host treats differently: each policy's (and the default's) packets in the old
	 * version, split by the policy of the new version that takes them first; a part whose two
	 * actions differ is a change. Parts with the same pair of policies are reported together.
	 */
	public static List<RegionChange> changes(PeerHost before, PeerHost after) {
		if (before.rules().equals(after.rules()) && before.defaultAction().equals(after.defaultAction()))
			return List.of();
		Spd old = before.spd(), now = after.spd();
		Map<List<Integer>, List<Region>> parts = new LinkedHashMap<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < before.rules().size(); i++)
			positions.add(i);
		positions.add(Spd.DEFAULT);
		for (int i : positions) {
			Region decided = i == Spd.DEFAULT ? old.effectiveDefault() : old.effective(i);
			if (decided.isEmpty())
				continue;
			Action action = old.action(i, before.defaultAction());
			for (Spd.Taken taken : now.firstMatch(decided))
				if (!now.action(taken.rule(), after.defaultAction()).equals(action))
					parts.computeIfAbsent(List.of(i, taken.rule()), k -> new ArrayList<>()).add(taken.packets());
		}
		List<RegionChange> changes = new ArrayList<>();
		parts.forEach((pair, regions) -> changes.add(change(decision(before, pair.get(0)), decision(after, pair.get(1)),
				selected(before, pair.get(0)).intersect(selected(after, pair.get(1))), regions)));
		return changes;
	}

	/**
	 * The change of the packets {@code parts}, which the two policies' selectors both select
	 * ({@code selected}): given as those selectors' packets less the rest when that takes fewer
	 * blocks, as it does when an earlier policy takes a few of a wide policy's packets.
	 */
	private static RegionChange change(Decision before, Decision after, Region selected, List<Region> parts) {
		List<Block> plain = Blocks.of(parts);
		List<Block> whole = Blocks.of(List.of(selected));
		List<Block> except = Blocks.of(List.of(selected.subtractAll(parts)));
		return whole.size() + except.size() < plain.size()
				? new RegionChange(before, after, whole, except)
				: new RegionChange(before, after, plain, List.of());
	}

	/** The packets a policy's selector selects; every packet for the default. */
	private static Region selected(PeerHost host, int rule) {
		return rule == Spd.DEFAULT ? Region.of(Selector.ALL) : host.rules().get(rule).region();
	}

	private static Decision decision(PeerHost host, int rule) {
		return rule == Spd.DEFAULT ? Decision.byDefault(host.defaultAction()) : Decision.of(host.rules().get(rule));
	}

	private static final Comparator<List<String>> BY_ENDS = Comparator.<List<String>, String>comparing(k -> k.get(0))
			.thenComparing(k -> k.get(1));

	/** The rows that differ, matched by initiator and responder. */
	private static List<SessionChange> sessions(List<Session> before, List<Session> after) {
		Map<List<String>, Session> old = byEnds(before), now = byEnds(after);
		TreeSet<List<String>> ends = new TreeSet<>(BY_ENDS);
		ends.addAll(old.keySet());
		ends.addAll(now.keySet());
		List<SessionChange> changes = new ArrayList<>();
		for (List<String> pair : ends) {
			Optional<Session> was = Optional.ofNullable(old.get(pair)), is = Optional.ofNullable(now.get(pair));
			if (!was.equals(is))
				changes.add(new SessionChange(pair.get(0), pair.get(1), was, is));
		}
		return changes;
	}

	private static Map<List<String>, Session> byEnds(List<Session> sessions) {
		Map<List<String>, Session> byEnds = new TreeMap<>(BY_ENDS);
		sessions.forEach(s -> byEnds.putIfAbsent(List.of(s.initiator(), s.responder()), s));
		return byEnds;
	}
}
