package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.List;

import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.region.Region;
import org.ipsl.model.region.RegionIndex;

/** A host's policy database as regions: which policy, in priority order, takes which packets. */
final class Spd {
	/** The position {@link #firstMatch} gives to the {@code default} policy. */
	static final int DEFAULT = -1;

	/** The packets one policy (or the default) takes. */
	record Taken(int rule, Region packets) {
	}

	private final List<Rule> rules;
	private final List<Region> regions;
	private final RegionIndex index;
	private final Region[] effective;

	Spd(List<Rule> rules) {
		this.rules = rules;
		this.regions = rules.stream().map(rule -> Region.of(rule.selector())).toList();
		this.index = RegionIndex.of(regions);
		this.effective = new Region[rules.size()];
	}

	Action action(int rule, Action defaultAction) {
		return rule == DEFAULT ? defaultAction : rules.get(rule).action();
	}

	/** The packets rule i decides: its selector less every earlier policy's. */
	Region effective(int i) {
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

	/** The traffic split by the policy that takes it first, in priority order, the default last. */
	List<Taken> firstMatch(Region traffic) {
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
