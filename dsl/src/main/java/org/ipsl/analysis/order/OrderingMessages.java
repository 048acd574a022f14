package org.ipsl.analysis.order;

import java.util.List;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/** The texts of ordering findings: what happens to the packets instead, naming rules by name and priority. */
final class OrderingMessages {

	static final String DEFAULT_POLICY = "the default policy";
	/** Rules a message names at most; the finding's related list has them all. */
	private static final int MAX_NAMED = 3;

	private OrderingMessages() {
	}

	static String selectsNothing() {
		return "dead: it selects no packet";
	}

	/** "never fires: tcp ... is discarded by `quarantine` (priority 10)". */
	static String shadowed(Selector selector, List<Rule> blocking) {
		return "never fires: " + selector.describe() + " is "
				+ join(blocking.stream().map(rule -> rule.action().outcome() + " by " + rule.reference()).toList());
	}

	/** "dead: `lab` (priority 30) already discards every packet it selects". */
	static String alreadyTreated(Action action, List<Rule> blocking) {
		if (blocking.size() == 1) {
			return "dead: " + blocking.get(0).reference() + " already " + action.verb("every packet it selects");
		}
		return "dead: every packet it selects is already " + action.outcome() + " by "
				+ join(blocking.stream().map(Rule::reference).toList());
	}

	/** "removing it changes nothing: the default policy discards the same packets". */
	static String takenOverBy(Action action, List<String> successors) {
		if (successors.size() == 1) {
			return "removing it changes nothing: " + successors.get(0) + " " + action.verb("the same packets");
		}
		return "removing it changes nothing: " + join(successors) + " treat its packets the same way";
	}

	/** "overlaps `admins-out` (priority 80), which discards tcp from ... first: their order decides". */
	static String correlated(Rule rule, List<Rule> partners) {
		if (partners.size() == 1) {
			Rule partner = partners.get(0);
			String shared = partner.selector().intersect(rule.selector()).map(Selector::describe).orElseThrow();
			return "overlaps " + partner.reference() + ", which " + partner.action().verb(shared)
					+ " first: their order decides";
		}
		return "overlaps " + join(partners.stream().map(Rule::reference).toList())
				+ ", which take some of its packets first with other actions: their order decides";
	}

	/** "a", "a and b", "a, b and c", "a, b, c and 4 more": messages stay short however many rules take part. */
	private static String join(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		if (items.size() > MAX_NAMED) {
			return String.join(", ", items.subList(0, MAX_NAMED)) + " and " + (items.size() - MAX_NAMED) + " more";
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}
}
