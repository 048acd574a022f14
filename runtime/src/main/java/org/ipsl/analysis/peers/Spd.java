package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;
import org.ipsl.model.region.RegionIndex;
import org.ipsl.model.region.RuleRegions;

/** A host's policy database as regions: which policy, in priority order, takes which packets. */
public final class Spd {
	/** The position {@link #firstMatch} gives to the {@code default} policy. */
	public static final int DEFAULT = -1;

	/** The packets one policy (or the default) takes. */
	public record Taken(int rule, Region packets) {
	}

	private final RuleRegions db;
	private final List<Rule> rules;
	private final List<Region> regions;
	private final RegionIndex index;
	private final Region[] effective;

	Spd(List<Rule> rules) {
		this(RuleRegions.of(rules));
	}

	private Spd(RuleRegions db) {
		this.db = db;
		this.rules = db.rules();
		this.regions = db.regions();
		this.index = db.index();
		this.effective = new Region[rules.size()];
	}

	/**
	 * The SPD of {@code rules}, a new version of {@code previous}'s host (after an edit), the same as
	 * {@code new Spd(rules)}: a rule keeps its region when it did not change, and the packets it
	 * decides when no earlier rule sharing packets with it changed, before or after the edit
	 * ({@link RuleRegions#update}).
	 */
	static Spd after(Spd previous, List<Rule> rules) {
		Optional<RuleRegions.Update> update = RuleRegions.update(previous.db, rules, RuleRegions.Dependence.EARLIER);
		if (update.isEmpty())
			return new Spd(rules);
		Spd spd = new Spd(update.get().after());
		for (int i = 0; i < rules.size(); i++)
			if (!update.get().stale().get(i))
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
