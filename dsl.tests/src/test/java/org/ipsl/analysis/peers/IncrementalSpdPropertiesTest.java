package org.ipsl.analysis.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ipsl.analysis.order.IncrementalOrderingPropertiesTest;
import org.ipsl.analysis.order.IncrementalOrderingPropertiesTest.Edit;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A host's policy database as regions, built from its previous version ({@link Spd#after}, what
 * the peer analysis does after an edit), decides every rule's packets and splits traffic exactly
 * as one built afresh, after every edit of random edit sequences (some of the previous versions'
 * regions computed, some not, as the analysis leaves them).
 */
class IncrementalSpdPropertiesTest {

	@Provide
	Arbitrary<List<Rule>> rules() {
		return IncrementalOrderingPropertiesTest.randomRules();
	}

	@Provide
	Arbitrary<List<Edit>> edits() {
		return IncrementalOrderingPropertiesTest.randomEdits();
	}

	@Property(tries = 1000)
	void sameAsAFreshSpdAfterEveryEdit(@ForAll("rules") List<Rule> initial, @ForAll("edits") List<Edit> edits) {
		List<Rule> rules = new ArrayList<>(initial);
		Spd spd = new Spd(List.copyOf(rules));
		askSome(spd, rules.size(), 0);
		int step = 0;
		for (Edit edit : edits) {
			edit.applyTo(rules, Action.DISCARD);
			Spd fresh = new Spd(List.copyOf(rules));
			spd = Spd.after(spd, List.copyOf(rules));
			for (int i = 0; i < rules.size(); i++)
				assertThat(same(spd.effective(i), fresh.effective(i))).as("rule %d after %s on %s", i, edit, rules)
						.isTrue();
			List<Spd.Taken> split = spd.firstMatch(Region.of(Selector.ALL));
			List<Spd.Taken> freshSplit = fresh.firstMatch(Region.of(Selector.ALL));
			assertThat(split).extracting(Spd.Taken::rule).as("after %s", edit)
					.isEqualTo(freshSplit.stream().map(Spd.Taken::rule).toList());
			for (int t = 0; t < split.size(); t++)
				assertThat(same(split.get(t).packets(), freshSplit.get(t).packets())).as("after %s", edit).isTrue();
			spd = Spd.after(spd, List.copyOf(rules));
			askSome(spd, rules.size(), ++step);
		}
	}

	/** The same packets. */
	private static boolean same(Region a, Region b) {
		return a.subtract(b).isEmpty() && b.subtract(a).isEmpty();
	}

	/** Computes the packets of every other rule only, so that the next version finds some left to do. */
	private static void askSome(Spd spd, int rules, int step) {
		for (int i = step % 2; i < rules; i += 2)
			spd.effective(i);
	}
}
