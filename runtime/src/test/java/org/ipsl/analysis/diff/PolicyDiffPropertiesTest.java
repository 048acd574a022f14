package org.ipsl.analysis.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Packet;
import org.ipsl.model.region.TinySpace;

/**
 * The diff of one host against a brute-force oracle: every packet of the tiny space is decided by
 * trying the policies one after another. A packet is in a reported change exactly when its action
 * differs between the versions, in one change only, and that change names the policies (or
 * default) the oracle finds deciding it before and after.
 */
class PolicyDiffPropertiesTest {

	private static final List<Action> ACTIONS = List.of(Action.PASS, Action.DISCARD,
			Action.protect("esp-aes128-hmac-sha1"), Action.protect("esp-aes256-hmac-sha256"),
			Action.protect("esp-aes128-hmac-sha1").inTunnel("10.0.0.1", "10.0.0.2"), Action.manual("keys"));

	/** An old and a new version of one host, policies named by position so that a name says which policy. */
	record Versions(PeerHost before, PeerHost after) {
	}

	@Property(tries = 300)
	void aPacketIsReportedExactlyWhenItsFateChangesAndWithItsDecidingPolicies(@ForAll("versions") Versions versions) {
		List<RegionChange> changes = PolicyDiff.changes(versions.before(), versions.after());
		for (Packet packet : TinySpace.PACKETS) {
			Decision was = decide(versions.before(), packet), is = decide(versions.after(), packet);
			List<RegionChange> holding = changes.stream().filter(c -> c.contains(packet)).toList();
			if (was.action().equals(is.action()))
				assertThat(holding).as("unchanged packet %s", packet).isEmpty();
			else {
				assertThat(holding).as("changed packet %s", packet).hasSize(1);
				assertThat(holding.get(0).before()).as("before, for %s", packet).isEqualTo(was);
				assertThat(holding.get(0).after()).as("after, for %s", packet).isEqualTo(is);
			}
		}
	}

	@Property(tries = 100)
	void aReorderingOfPoliciesThatDoNotOverlapReportsNothing(@ForAll("disjointHost") List<Rule> rules) {
		List<Rule> shuffled = new ArrayList<>(rules);
		Collections.reverse(shuffled);
		assertThat(PolicyDiff.changes(host(rules, Action.PASS), host(shuffled, Action.PASS))).isEmpty();
	}

	/** What the oracle decides: the first policy whose selector selects the packet, else the default. */
	private static Decision decide(PeerHost host, Packet packet) {
		for (Rule rule : host.rules())
			if (TinySpace.selects(rule.selector(), packet))
				return Decision.of(rule);
		return Decision.byDefault(host.defaultAction());
	}

	static PeerHost host(List<Rule> rules, Action defaultAction) {
		return new PeerHost("h", List.of(), rules, defaultAction, true, List.of(), true, List.of());
	}

	@Provide
	Arbitrary<Versions> versions() {
		Arbitrary<List<Rule>> rules = rule().list().ofMaxSize(5).map(PolicyDiffPropertiesTest::named);
		Arbitrary<Action> defaults = Arbitraries.of(Action.PASS, Action.DISCARD);
		return Combinators.combine(rules, defaults, edit(), defaults).flatAs((old, oldDefault, edit, newDefault) -> {
			Arbitrary<List<Rule>> changed = switch (edit) {
				case 0 -> rules; // an unrelated new version
				case 1 -> Arbitraries.shuffle(old).map(List::copyOf); // reordered (policies keep their names)
				case 2 -> rule().map(extra -> { // one policy added at a random place
					List<Rule> more = new ArrayList<>(old);
					more.add(Math.abs(extra.name().hashCode()) % (old.size() + 1), extra);
					return named(more);
				});
				default -> Arbitraries.of(ACTIONS).map(action -> { // one policy's action changed
					List<Rule> other = new ArrayList<>(old);
					if (!other.isEmpty())
						other.set(0, new Rule(other.get(0).name(), other.get(0).priority(), other.get(0).selector(),
								action));
					return other;
				});
			};
			Arbitrary<Action> kept = edit == 0 ? Arbitraries.just(newDefault) : Arbitraries.just(oldDefault);
			return Combinators.combine(changed, kept).as((now, newDefaultAction) -> new Versions(host(old, oldDefault),
					host(now, newDefaultAction)));
		});
	}

	private static Arbitrary<Integer> edit() {
		return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)), Tuple.of(2, Arbitraries.just(1)),
				Tuple.of(1, Arbitraries.just(2)), Tuple.of(1, Arbitraries.just(3)));
	}

	private static Arbitrary<Rule> rule() {
		return Combinators
				.combine(TinySpace.selectors(), Arbitraries.of(ACTIONS), Arbitraries.strings().alpha().ofLength(3))
				.as((selector, action, tag) -> new Rule(tag, 0, selector, action));
	}

	/** The rules named p0, p1, ... with priorities 10, 20, ... in list order. */
	private static List<Rule> named(List<Rule> rules) {
		List<Rule> result = new ArrayList<>();
		for (int k = 0; k < rules.size(); k++)
			result.add(new Rule("p" + k, 10L * (k + 1), rules.get(k).selector(), rules.get(k).action()));
		return result;
	}

	/** Policies on distinct single addresses, so that their order cannot matter. */
	@Provide
	Arbitrary<List<Rule>> disjointHost() {
		return Arbitraries.of(ACTIONS).list().ofMinSize(2).ofMaxSize(6).map(actions -> {
			List<Rule> rules = new ArrayList<>();
			for (int k = 0; k < actions.size(); k++)
				rules.add(new Rule("p" + k, 10L * (k + 1), Selector.ALL.to("10.0.0." + k), actions.get(k)));
			return rules;
		});
	}
}
