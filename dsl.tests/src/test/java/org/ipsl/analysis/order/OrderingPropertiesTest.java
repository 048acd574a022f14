package org.ipsl.analysis.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.ipsl.analysis.order.OrderingFinding.Kind;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/** The analysis against {@link OrderingOracle} on random small policy databases of a tiny packet space. */
class OrderingPropertiesTest {

	record Host(List<Rule> rules, Action defaultAction) {
	}

	private static final Action ESP = Action.protect("esp-aes128-hmac-sha256");
	static final List<Action> PROTECTIONS = List.of(ESP, ESP.withPfs("modp2048"),
			ESP.inTunnel("10.0.0.1", "10.0.0.14"), Action.protect("esp-aes128-hmac-sha256", "esp-3des-hmac-sha1"),
			Action.manual("branch-sa"));

	@Provide
	Arbitrary<Host> hosts() {
		Arbitrary<List<Selector>> selectors = selectors().list().ofMinSize(1).ofMaxSize(8);
		// Plain pass and discard come up most, so that many rules treat packets the same way.
		Arbitrary<Action> action = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(Action.PASS, Action.DISCARD)),
				Tuple.of(3, Arbitraries.of(PROTECTIONS)));
		Arbitrary<List<Action>> actions = action.list().ofSize(8);
		return Combinators.combine(selectors, actions, Arbitraries.of(Action.PASS, Action.DISCARD))
				.as((chosen, acts, fallback) -> {
					List<Rule> rules = new ArrayList<>();
					for (int i = 0; i < chosen.size(); i++) {
						rules.add(new Rule("r" + i, 10L * (i + 1), chosen.get(i), acts.get(i)));
					}
					return new Host(rules, fallback);
				});
	}

	static Arbitrary<Selector> selectors() {
		Arbitrary<Integer> protocols = Arbitraries.of(Selector.TCP, Selector.UDP, Selector.ICMP, Selector.ANY);
		Arbitrary<List<IpRange>> ends = Arbitraries.frequencyOf(
				Tuple.of(1, Arbitraries.just(List.<IpRange>of())),
				Tuple.of(5, prefixes().list().ofMinSize(1).ofMaxSize(2)));
		Arbitrary<PortRange> localPorts = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(PortRange.ALL)),
				Tuple.of(1, ports(1)));
		Arbitrary<PortRange> remotePorts = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(PortRange.ALL)),
				Tuple.of(3, ports(7)));
		Arbitrary<Integer> types = Arbitraries.of(-1, 0, 8);
		return Combinators.combine(protocols, ends, ends, localPorts, remotePorts, types)
				.as((protocol, local, remote, lp, rp, type) -> new Selector(protocol, local, remote,
						Selector.hasPorts(protocol) ? lp : PortRange.ALL,
						Selector.hasPorts(protocol) ? rp : PortRange.ALL,
						protocol == Selector.ICMP && type >= 0 ? OptionalInt.of(type) : OptionalInt.empty()));
	}

	/** A /28 to /32 prefix of 10.0.0.0/28, aligned. */
	private static Arbitrary<IpRange> prefixes() {
		return Combinators.combine(Arbitraries.integers().between(28, 32), Arbitraries.integers().between(0, 15))
				.as((length, host) -> IpRange.parse("10.0.0." + host + "/" + length));
	}

	private static Arbitrary<PortRange> ports(int max) {
		return Combinators.combine(Arbitraries.integers().between(0, max), Arbitraries.integers().between(0, max))
				.as((a, b) -> new PortRange(Math.min(a, b), Math.max(a, b)));
	}

	@Property(tries = 1000)
	void findingsAreExactlyWhatTheDefinitionsGive(@ForAll("hosts") Host host) {
		List<Rule> rules = host.rules();
		OrderingOracle oracle = new OrderingOracle(rules, host.defaultAction());
		List<OrderingFinding> findings = OrderingAnalysis.analyse(rules, host.defaultAction());

		Map<Integer, OrderingFinding> found = new TreeMap<>();
		for (OrderingFinding finding : findings) {
			assertThat(found.put(finding.ruleIndex(), finding)).as("one finding per rule").isNull();
		}
		for (int i = 0; i < rules.size(); i++) {
			OrderingOracle.Verdict expected = oracle.verdict(i);
			OrderingFinding actual = found.get(i);
			Statistics.label("verdicts")
					.collect(expected == null ? "none" : expected.kind() + (oracle.fires(i) ? " (fires)" : ""));
			if (expected == null) {
				assertThat(actual).as("rule %d of %s", i, rules).isNull();
				continue;
			}
			assertThat(actual).as("rule %d of %s", i, rules).isNotNull();
			assertThat(actual.kind()).as("rule %d of %s", i, rules).isEqualTo(expected.kind());
			if (oracle.fires(i)) {
				assertThat(actual.related()).as("rule %d of %s", i, rules)
						.containsExactlyInAnyOrderElementsOf(expected.related());
			} else {
				assertCoveredByEarlierTakers(oracle, i, actual);
			}
		}
		// Every kind of verdict must come up often enough for the comparison to mean something (about 60 to 800 each).
		Statistics.label("verdicts").coverage(coverage -> {
			coverage.check("REDUNDANT").count(c -> c >= 20);
			for (String verdict : List.of("SHADOWED", "REDUNDANT (fires)", "CORRELATED (fires)")) {
				coverage.check(verdict).count(c -> c >= 100);
			}
		});
	}

	/** The related rules of a rule that never fires come before it, take some of its packets first, and together hold all of them. */
	private static void assertCoveredByEarlierTakers(OrderingOracle oracle, int i, OrderingFinding finding) {
		BitSet uncovered = (BitSet) oracle.selected(i).clone();
		for (int j : finding.related()) {
			assertThat(j).isBetween(0, i - 1);
			BitSet takenByJ = new BitSet();
			oracle.selected(i).stream().filter(p -> oracle.taker(p) == j).forEach(takenByJ::set);
			assertThat(takenByJ.isEmpty()).as("related rule %d takes some packets of rule %d first", j, i).isFalse();
			uncovered.andNot(oracle.selected(j));
		}
		assertThat(uncovered.isEmpty()).as("related rules of %d hold all its packets", i).isTrue();
		if (finding.kind() == Kind.SHADOWED) {
			Action action = oracle.actionOf(i);
			assertThat(finding.related()).as("a related rule acts differently")
					.anyMatch(j -> !oracle.actionOf(j).equals(action));
		}
	}
}
