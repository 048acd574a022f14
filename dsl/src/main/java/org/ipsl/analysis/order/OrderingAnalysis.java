package org.ipsl.analysis.order;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ipsl.analysis.order.OrderingFinding.Kind;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.region.FirstMatch;
import org.ipsl.model.region.Region;
import org.ipsl.model.region.RegionIndex;
import org.ipsl.model.region.RuleRegions;

/**
 * The exact ordering analysis of one host's policy database (docs/diagnostics.md, "Inside one host").
 * Selectors are compared as sets of packets; a rule is only ever compared with the rules whose
 * packets it shares, which a {@link RegionIndex} finds, so realistic databases cost about n log n.
 */
public final class OrderingAnalysis {

	private final RuleRegions db;
	private final List<Rule> rules;
	private final Action defaultAction;
	private final List<Region> regions;
	private final RegionIndex index;

	private OrderingAnalysis(RuleRegions db, Action defaultAction) {
		this.db = db;
		this.rules = db.rules();
		this.defaultAction = defaultAction;
		this.regions = db.regions();
		this.index = db.index();
	}

	private static OrderingAnalysis of(List<Rule> rules, Action defaultAction) {
		return new OrderingAnalysis(RuleRegions.of(rules), defaultAction);
	}

	/** The findings of one analysis of a host, kept to analyse its next version with {@link #analyseAfter}. */
	public static final class Result {
		private final OrderingAnalysis analysis;
		private final OrderingFinding[] byRule;

		private Result(OrderingAnalysis analysis, OrderingFinding[] byRule) {
			this.analysis = analysis;
			this.byRule = byRule;
		}

		/** At most one finding per rule, in rule order. */
		public List<OrderingFinding> findings() {
			return Arrays.stream(byRule).filter(Objects::nonNull).toList();
		}
	}

	/**
	 * Findings for the rules of one host, at most one per rule, in rule order.
	 *
	 * @param rules         the host's policies in evaluation order (priority, then file order)
	 * @param defaultAction what the host's {@code default} does ({@link Action#PASS} when the host has none);
	 *                      it matches every packet and comes last
	 */
	public static List<OrderingFinding> analyse(List<Rule> rules, Action defaultAction) {
		return analyseAll(of(rules, defaultAction)).findings();
	}

	private static Result analyseAll(OrderingAnalysis analysis) {
		OrderingFinding[] byRule = new OrderingFinding[analysis.rules.size()];
		for (int i = 0; i < byRule.length; i++) {
			byRule[i] = analysis.analyseRule(i).orElse(null);
		}
		return new Result(analysis, byRule);
	}

	/**
	 * The same findings as {@link #analyse}, for a new version of a host analysed before: a rule's
	 * finding depends only on the rules that share packets with it and on the default, so only the
	 * changed rules and the rules that share packets with a changed rule, before or after the
	 * change, are analysed again ({@link RuleRegions#update}); the others keep their previous
	 * finding. When the default changed, or {@link RuleRegions#update} finds too much changed,
	 * everything is analysed.
	 *
	 * @param previous the previous result for this host, or {@code null}
	 */
	public static Result analyseAfter(Result previous, List<Rule> rules, Action defaultAction) {
		if (previous == null || !previous.analysis.defaultAction.equals(defaultAction)) {
			return analyseAll(of(rules, defaultAction));
		}
		Optional<RuleRegions.Update> update = RuleRegions.update(previous.analysis.db, rules,
				RuleRegions.Dependence.ANY);
		if (update.isEmpty()) {
			return analyseAll(of(rules, defaultAction));
		}
		OrderingAnalysis after = new OrderingAnalysis(update.get().after(), defaultAction);
		OrderingFinding[] byRule = previous.byRule.clone();
		update.get().stale().stream().forEach(i -> byRule[i] = after.analyseRule(i).orElse(null));
		return new Result(after, byRule);
	}

	private Optional<OrderingFinding> analyseRule(int i) {
		Region region = regions.get(i);
		if (region.isEmpty()) {
			return Optional.of(new OrderingFinding(Kind.REDUNDANT, i, List.of(), OrderingMessages.selectsNothing()));
		}
		int[] overlapping = index.overlapping(region);
		int self = Arrays.binarySearch(overlapping, i);
		int[] earlier = Arrays.copyOfRange(overlapping, 0, self);
		int[] later = Arrays.copyOfRange(overlapping, self + 1, overlapping.length);

		FirstMatch before = region.firstMatches(regionsAt(earlier));
		if (before.unmatched().isEmpty()) {
			return Optional.of(neverFires(i, positionsIn(earlier, before.takers())));
		}
		Optional<OrderingFinding> redundant = redundantBeforeLaterRules(i, before.unmatched(), later);
		return redundant.isPresent() ? redundant : correlated(i, earlier);
	}

	private List<Region> regionsAt(int[] ruleIndexes) {
		return Arrays.stream(ruleIndexes).mapToObj(regions::get).toList();
	}

	private static List<Integer> positionsIn(int[] ruleIndexes, List<Integer> positions) {
		return positions.stream().map(position -> ruleIndexes[position]).toList();
	}

	/** Every packet is taken first by the takers: shadowed if one of them treats it otherwise, else redundant. */
	private OrderingFinding neverFires(int i, List<Integer> takers) {
		Action action = rules.get(i).action();
		Comparator<Integer> largestOverlapFirst = largestOverlapFirst(i);
		Optional<Integer> largestDifferent = takers.stream()
				.filter(j -> !rules.get(j).action().equals(action))
				.min(largestOverlapFirst);
		List<Integer> blocking = coverGreedily(i, takers, largestDifferent, largestOverlapFirst);
		List<Rule> blockingRules = blocking.stream().map(rules::get).toList();
		if (largestDifferent.isPresent()) {
			return new OrderingFinding(Kind.SHADOWED, i, blocking,
					OrderingMessages.shadowed(rules.get(i).selector(), blockingRules));
		}
		return new OrderingFinding(Kind.REDUNDANT, i, blocking, OrderingMessages.alreadyTreated(action, blockingRules));
	}

	/**
	 * Batfish's pruning of blocking lines: take the takers in order of overlap, starting with the
	 * largest one that acts differently if any, and keep each that still adds packets of the rule.
	 * That is first-match in this order: a rule adds packets exactly when it takes some first.
	 */
	private List<Integer> coverGreedily(int i, List<Integer> takers, Optional<Integer> mustInclude,
			Comparator<Integer> largestOverlapFirst) {
		List<Integer> candidates = new ArrayList<>(takers);
		candidates.sort(largestOverlapFirst);
		mustInclude.ifPresent(first -> {
			candidates.remove(first);
			candidates.add(0, first);
		});
		int[] order = candidates.stream().mapToInt(Integer::intValue).toArray();
		List<Integer> chosen = new ArrayList<>(
				positionsIn(order, regions.get(i).firstMatches(regionsAt(order)).takers()));
		chosen.sort(largestOverlapFirst);
		return chosen;
	}

	/** Orders rules by how many packets they share with rule i, most first, then by position. */
	private Comparator<Integer> largestOverlapFirst(int i) {
		Region region = regions.get(i);
		Map<Integer, BigInteger> overlap = new HashMap<>();
		Comparator<Integer> bySize = Comparator.comparing(
				j -> overlap.computeIfAbsent(j, k -> region.intersect(regions.get(k)).size()));
		return bySize.reversed().thenComparing(Comparator.naturalOrder());
	}

	/**
	 * Redundant although it fires: the packets it decides ({@code decided}) would, without it, go to
	 * the next matching rules or the default, and all of those treat them the same way.
	 */
	private Optional<OrderingFinding> redundantBeforeLaterRules(int i, Region decided, int[] later) {
		Action action = rules.get(i).action();
		FirstMatch after = decided.firstMatches(regionsAt(later));
		List<Integer> successors = new ArrayList<>(positionsIn(later, after.takers()));
		if (!after.unmatched().isEmpty()) {
			successors.add(OrderingFinding.DEFAULT_POLICY);
		}
		boolean sameTreatment = successors.stream()
				.allMatch(j -> (j == OrderingFinding.DEFAULT_POLICY ? defaultAction : rules.get(j).action())
						.equals(action));
		if (!sameTreatment) {
			return Optional.empty();
		}
		List<String> names = successors.stream()
				.map(j -> j == OrderingFinding.DEFAULT_POLICY
						? OrderingMessages.DEFAULT_POLICY
						: rules.get(j).reference())
				.toList();
		return Optional
				.of(new OrderingFinding(Kind.REDUNDANT, i, successors, OrderingMessages.takenOverBy(action, names)));
	}

	/** Earlier rules that share some packets with this one, hold others it lacks, and act differently. */
	private Optional<OrderingFinding> correlated(int i, int[] earlier) {
		Rule rule = rules.get(i);
		List<Integer> partners = new ArrayList<>();
		for (int j : earlier) {
			if (!rules.get(j).action().equals(rule.action()) && !regions.get(i).contains(regions.get(j))) {
				partners.add(j);
			}
		}
		if (partners.isEmpty()) {
			return Optional.empty();
		}
		partners.sort(largestOverlapFirst(i));
		List<Rule> partnerRules = partners.stream().map(rules::get).toList();
		return Optional
				.of(new OrderingFinding(Kind.CORRELATED, i, partners, OrderingMessages.correlated(rule, partnerRules)));
	}
}
