package org.ipsl.model.region;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.ipsl.model.Rule;

/**
 * A host's rules in evaluation order with their selectors as regions and the index that finds which
 * rules share packets ({@link RegionIndex}), and the one way both analyses of a host (the ordering
 * analysis and the peer analysis's policy database) bring them to a new version of the host after an
 * edit: only the changed rules' regions are made again, the index is updated for them
 * ({@link RegionIndex#replacing}), and what depends on a changed rule is found through the index.
 * Immutable.
 */
public final class RuleRegions {

	private final List<Rule> rules;
	private final List<Region> regions;
	private final RegionIndex index;

	private RuleRegions(List<Rule> rules, List<Region> regions, RegionIndex index) {
		this.rules = rules;
		this.regions = regions;
		this.index = index;
	}

	public static RuleRegions of(List<Rule> rules) {
		List<Region> regions = rules.stream().map(Rule::region).toList();
		return new RuleRegions(List.copyOf(rules), regions, RegionIndex.of(regions));
	}

	public List<Rule> rules() {
		return rules;
	}

	public List<Region> regions() {
		return regions;
	}

	public Region region(int i) {
		return regions.get(i);
	}

	public RegionIndex index() {
		return index;
	}

	/**
	 * A new version of the rules: the regions and index, and the rules whose results may differ
	 * from the previous version's.
	 *
	 * @param stale the changed rules, and the rules that share packets with a changed rule before or
	 *              after the change (all of them, or only the later ones: see {@link Dependence})
	 */
	public record Update(RuleRegions after, BitSet stale) {
	}

	/** Which rules sharing packets with a changed rule a result depends on. */
	public enum Dependence {
		/** Any rule sharing packets, earlier or later (what decides whether a rule is shadowed or redundant). */
		ANY,
		/** Only the earlier rules (what decides the packets a rule takes first). */
		EARLIER
	}

	/**
	 * The update from {@code previous} to {@code rules}; empty when positions moved (the number of
	 * rules changed) or many rules changed (more than one in eight): then everything is to be
	 * computed again, which costs about as much.
	 */
	public static Optional<Update> update(RuleRegions previous, List<Rule> rules, Dependence dependence) {
		if (previous.rules.size() != rules.size())
			return Optional.empty();
		List<Integer> changed = new ArrayList<>();
		for (int k = 0; k < rules.size(); k++)
			if (!previous.rules.get(k).equals(rules.get(k)))
				changed.add(k);
		if (changed.size() > rules.size() / 8)
			return Optional.empty();
		List<Region> regions = new ArrayList<>(previous.regions);
		for (int k : changed)
			regions.set(k, rules.get(k).region());
		List<Region> kept = List.copyOf(regions);
		RuleRegions after = new RuleRegions(List.copyOf(rules), kept, previous.index.replacing(kept, changed));
		BitSet stale = new BitSet(rules.size());
		for (int k : changed) {
			stale.set(k);
			markSharing(previous, k, dependence, stale);
			markSharing(after, k, dependence, stale);
		}
		return Optional.of(new Update(after, stale));
	}

	private static void markSharing(RuleRegions version, int changed, Dependence dependence, BitSet stale) {
		for (int j : version.index.overlapping(version.regions.get(changed)))
			if (dependence == Dependence.ANY || j > changed)
				stale.set(j);
	}
}
