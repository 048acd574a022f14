package org.ipsl.analysis.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The incremental analysis ({@link OrderingAnalysis#analyseAfter}) gives exactly the findings of
 * the full one after every edit of random edit sequences on random hosts of a tiny packet space.
 */
public class IncrementalOrderingPropertiesTest {

	public enum Kind {
		SELECTOR, ACTION, RENAME, SWAP, DELETE, INSERT, DEFAULT
	}

	/** One edit at {@code at} (a fraction of the rules), with what it may need. */
	public record Edit(Kind kind, double at, Selector selector, Action action) {
		/** Applies the edit to the rules in place; the default action after it. */
		public Action applyTo(List<Rule> rules, Action defaultAction) {
			int i = Math.min(rules.size() - 1, (int) (at * rules.size()));
			Rule rule = rules.get(i);
			switch (kind) {
				case SELECTOR -> rules.set(i, new Rule(rule.name(), rule.priority(), selector, rule.action()));
				case ACTION -> rules.set(i, new Rule(rule.name(), rule.priority(), rule.selector(), action));
				case RENAME ->
					rules.set(i, new Rule(rule.name() + "x", rule.priority(), rule.selector(), rule.action()));
				case SWAP -> {
					if (i + 1 < rules.size()) {
						rules.set(i, rules.get(i + 1));
						rules.set(i + 1, rule);
					}
				}
				case DELETE -> {
					if (rules.size() > 1) {
						rules.remove(i);
					}
				}
				case INSERT -> rules.add(i, new Rule("new" + rules.size(), rule.priority(), selector, action));
				case DEFAULT -> {
					return defaultAction.equals(Action.PASS) ? Action.DISCARD : Action.PASS;
				}
			}
			return defaultAction;
		}
	}

	private static Arbitrary<Action> actions() {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(Action.PASS, Action.DISCARD)),
				Tuple.of(3, Arbitraries.of(OrderingPropertiesTest.PROTECTIONS)));
	}

	@Provide
	Arbitrary<List<Rule>> rules() {
		return randomRules();
	}

	/** 8 to 24 rules of a tiny packet space, any actions, priorities in file order. */
	public static Arbitrary<List<Rule>> randomRules() {
		return Combinators.combine(OrderingPropertiesTest.selectors(), actions()).as((s, a) -> List.of(s, a)).list()
				.ofMinSize(8).ofMaxSize(24).map(pairs -> {
					List<Rule> rules = new ArrayList<>();
					for (int i = 0; i < pairs.size(); i++) {
						rules.add(new Rule("r" + i, 10L * (i + 1), (Selector) pairs.get(i).get(0),
								(Action) pairs.get(i).get(1)));
					}
					return rules;
				});
	}

	@Provide
	Arbitrary<List<Edit>> edits() {
		return randomEdits();
	}

	/** 1 to 8 edits, selector and action changes most often. */
	public static Arbitrary<List<Edit>> randomEdits() {
		Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Kind.SELECTOR)),
				Tuple.of(4, Arbitraries.just(Kind.ACTION)), Tuple.of(1, Arbitraries.just(Kind.RENAME)),
				Tuple.of(2, Arbitraries.just(Kind.SWAP)), Tuple.of(1, Arbitraries.just(Kind.DELETE)),
				Tuple.of(1, Arbitraries.just(Kind.INSERT)), Tuple.of(1, Arbitraries.just(Kind.DEFAULT)));
		return Combinators.combine(kinds, Arbitraries.doubles().between(0, 1), OrderingPropertiesTest.selectors(),
				actions()).as(Edit::new).list().ofMinSize(1).ofMaxSize(8);
	}

	@Property(tries = 1000)
	void sameFindingsAsTheFullAnalysisAfterEveryEdit(@ForAll("rules") List<Rule> initial,
			@ForAll("edits") List<Edit> edits) {
		List<Rule> rules = new ArrayList<>(initial);
		Action defaultAction = Action.DISCARD;
		OrderingAnalysis.Result result = OrderingAnalysis.analyseAfter(null, rules, defaultAction);
		for (Edit edit : edits) {
			defaultAction = edit.applyTo(rules, defaultAction);
			List<OrderingFinding> full = OrderingAnalysis.analyse(rules, defaultAction);
			result = OrderingAnalysis.analyseAfter(result, rules, defaultAction);
			assertThat(result.findings()).as("after %s on %s", edit, rules).isEqualTo(full);
			Statistics.label("findings after an edit").collect(full.isEmpty() ? "none" : "some");
		}
	}
}
