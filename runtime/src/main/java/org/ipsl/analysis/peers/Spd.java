package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;
import org.ipsl.model.region.RegionIndex;

/** A host's policy database as regions: which policy, in priority order, takes which packets. */
public final class Spd {
	/** The position {@link #firstMatch} gives to the {@code default} policy. */
	public static final int DEFAULT = -1;

	/** The packets one policy (or the default) takes. */
	public record Taken(int rule, Region packets) {
	}

	private final List<Rule> rules;
	private final List<Region> regions;
	private final RegionIndex index;
	private final Region[] effective;

	Spd(List<Rule> rules) {
		this(rules, rules.stream().map(Rule::region).toList());
	}

	private Spd(List<Rule> rules, List<Region> regions) {
		this(rules, regions, RegionIndex.of(regions));
	}

	private Spd(List<Rule> rules, List<Region> regions, RegionIndex index) {
		this.rules = rules;
		this.regions = regions;
		this.index = index;
		this.effective = new Region[rules.size()];
	}

	/**
	 * The SPD of {@code rules}, a new version of {@code previous}'s host (after an edit), the same as
	 * {@code new Spd(rules)}: a rule keeps its region when it did not change, and the packets it
	 * decides when no earlier rule sharing packets with it changed, before or after the edit; the
	 * region index is updated for the changed rules ({@link RegionIndex#replacing}). When
	 * the number of rules changed (positions moved) or many rules did, everything is computed again.
	 */
	static Spd after(Spd previous, List<Rule> rules) {
		if (previous.rules.size() != rules.size())
			return new Spd(rules);
		List<Integer> changed = new ArrayList<>();
		for (int k = 0; k < rules.size(); k++)
			if (!previous.rules.get(k).equals(rules.get(k)))
				changed.add(k);
		if (changed.size() > rules.size() / 8)
			return new Spd(rules);
		List<Region> regions = new ArrayList<>(previous.regions);
		for (int k : changed)
			regions.set(k, rules.get(k).region());
		List<Region> kept = List.copyOf(regions);
		Spd spd = new Spd(rules, kept, previous.index.replacing(kept, changed));
		BitSet stale = new BitSet(rules.size());
		for (int k : changed) {
			stale.set(k);
			for (int j : previous.index.overlapping(previous.regions.get(k)))
				if (j > k)
					stale.set(j);
			for (int j : spd.index.overlapping(spd.regions.get(k)))
				if (j > k)
					stale.set(j);
		}
		for (int i = 0; i < rules.size(); i++)
			if (!stale.get(i))
				spd.effective[i] = previous.effective[i];
		return spd;
	}

	public Action action(int rule, Action defaultAction) {
		return rule == DEFAULT ? defaultAction : rules.get(rule).action();
	}

	/** The packets rule i decides: its selector less every earlier policy's. */
	public Region effective(int i) {
		if (effective[i] == null) {
			List<Region> earlier = new ArrayList<>();
			for (int j : index.overlapping(regions.get(i))) {
				if (j < i)
					earlier.add(regions.get(j));
			}
			effective[i] = regions.get(i).subtractAll(earlier);
		}
		return effective[i];
	}

	/** The packets the {@code default} policy decides: every packet no policy selects. */
	public Region effectiveDefault() {
		return Region.of(Selector.ALL).subtractAll(regions);
	}

	/** The traffic split by the policy that takes it first, in priority order, the default last. */
	public List<Taken> firstMatch(Region traffic) {
		List<Taken> result = new ArrayList<>();
		Region left = traffic;
		for (int j : index.overlapping(traffic)) {
			Region taken = left.intersect(regions.get(j));
			if (taken.isEmpty())
				continue;
			result.add(new Taken(j, taken));
			left = left.subtract(regions.get(j));
			if (left.isEmpty())
				return result;
		}
		result.add(new Taken(DEFAULT, left));
		return result;
	}
}
