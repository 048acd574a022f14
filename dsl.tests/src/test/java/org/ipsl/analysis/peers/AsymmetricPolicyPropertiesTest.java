package org.ipsl.analysis.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Packet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random small pairs of hosts against {@link TrafficOracle}: the analysis splits each host's
 * protected traffic exactly as walking every packet through both databases does, and reports
 * {@code asymmetric-policy} on exactly the policies whose packets the peer passes or discards.
 */
class AsymmetricPolicyPropertiesTest {

	record Pair(PeerHost a, PeerHost b) {
	}

	@Provide
	Arbitrary<Pair> pairs() {
		Arbitrary<Boolean> dualStack = Arbitraries.of(true, false);
		return Combinators.combine(rules("10.0.0.1", "10.0.0.2"), rules("10.0.0.2", "10.0.0.1"),
				Arbitraries.of(Action.PASS, Action.DISCARD), Arbitraries.of(Action.PASS, Action.DISCARD), dualStack)
				.as((rulesA, rulesB, defaultA, defaultB, both) -> new Pair(
						host("a", both ? List.of("10.0.0.1", "2001:db8::1") : List.of("10.0.0.1"), rulesA, defaultA),
						host("b", both ? List.of("10.0.0.2", "2001:db8::2") : List.of("10.0.0.2"), rulesB, defaultB)));
	}

	private static PeerHost host(String name, List<String> addresses, List<Rule> rules, Action defaultAction) {
		return new PeerHost(name, addresses.stream().map(IpRange::parse).toList(), rules, defaultAction, true,
				List.of(),
				true, List.of());
	}

	/** Up to six policies; protection in transport mode, in a tunnel to the peer or to a third address, or by hand. */
	private static Arbitrary<List<Rule>> rules(String self, String peer) {
		Action esp = Action.protect("esp-aes128-hmac-sha1");
		Arbitrary<Action> actions = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(Action.PASS, Action.DISCARD)),
				Tuple.of(4, Arbitraries.of(esp, esp.withPfs("modp2048"), esp.inTunnel(self, peer),
						esp.inTunnel(self, "10.0.0.3"), Action.manual("keys"))));
		return Combinators.combine(selectors().list().ofMinSize(1).ofMaxSize(6), actions.list().ofSize(6))
				.as((selectors, chosen) -> {
					List<Rule> rules = new ArrayList<>();
					for (int i = 0; i < selectors.size(); i++)
						rules.add(new Rule("r" + i, 10L * (i + 1), selectors.get(i), chosen.get(i)));
					return rules;
				});
	}

	private static Arbitrary<Selector> selectors() {
		Arbitrary<List<IpRange>> ends = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(List.<IpRange>of())),
				Tuple.of(5, prefixes().list().ofMinSize(1).ofMaxSize(2)));
		Arbitrary<PortRange> ports = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(PortRange.ALL)),
				Tuple.of(2,
						Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
								.as((x, y) -> new PortRange(Math.min(x, y), Math.max(x, y)))));
		return Combinators.combine(Arbitraries.of(Selector.ANY, Selector.TCP, Selector.UDP, Selector.ICMP), ends, ends,
				ports, ports, Arbitraries.of(-1, 0, 8)).as((protocol, local, remote, localPorts, remotePorts, type) -> {
					boolean hasPorts = Selector.hasPorts(protocol);
					return new Selector(protocol, local, remote, hasPorts ? localPorts : PortRange.ALL,
							hasPorts ? remotePorts : PortRange.ALL,
							protocol == Selector.ICMP && type >= 0 ? OptionalInt.of(type) : OptionalInt.empty());
				});
	}

	/** A prefix of 10.0.0.0/30 (mostly) or of 2001:db8::/126. */
	private static Arbitrary<IpRange> prefixes() {
		Arbitrary<IpRange> v4 = Combinators.combine(Arbitraries.integers().between(30, 32),
				Arbitraries.integers().between(0, 3))
				.as((length, host) -> IpRange.parse("10.0.0." + host + "/" + length));
		Arbitrary<IpRange> v6 = Combinators.combine(Arbitraries.integers().between(126, 128),
				Arbitraries.integers().between(0, 3))
				.as((length, host) -> IpRange.parse("2001:db8::" + host + "/" + length));
		return Arbitraries.frequencyOf(Tuple.of(4, v4), Tuple.of(1, v6));
	}

	@Property(tries = 1000, seed = "20261127")
	void analysisAgreesWithWalkingEveryPacket(@ForAll("pairs") Pair pair) {
		Set<Place> expectedAsymmetric = new HashSet<>();
		expectCells(pair.a(), pair.b(), 0, 1, expectedAsymmetric);
		expectCells(pair.b(), pair.a(), 1, 0, expectedAsymmetric);

		Set<Place> reported = new HashSet<>();
		for (PeerFinding finding : PeerAnalysis.analyse(List.of(pair.a(), pair.b())).findings())
			if (finding.code() == DiagnosticCode.ASYMMETRIC_POLICY)
				reported.add(finding.place());
		assertThat(reported).as("asymmetric-policy of %s / %s", pair.a().rules(), pair.b().rules())
				.isEqualTo(expectedAsymmetric);
		Statistics.label("asymmetric").collect(expectedAsymmetric.isEmpty() ? "none" : "some");
		Statistics.label("asymmetric").coverage(coverage -> coverage.check("some").count(c -> c >= 200));
	}

	/**
	 * Every packet lies in exactly the one cell of the two policies that take it, no cell holds any
	 * other packet, and the asymmetric places are those of cells whose peer policy does not protect.
	 */
	private static void expectCells(PeerHost a, PeerHost b, int positionA, int positionB, Set<Place> asymmetric) {
		List<Traffic.Cell> cells = Traffic.cells(a, b, Optional.empty());
		Set<Packet> protectedTowardsB = new HashSet<>();
		for (TrafficOracle.Verdict verdict : TrafficOracle.verdicts(a, b)) {
			protectedTowardsB.add(verdict.packet());
			List<Traffic.Cell> holding = cells.stream().filter(c -> c.packets().contains(verdict.packet())).toList();
			assertThat(holding).as("cells holding %s", verdict.packet()).hasSize(1);
			assertThat(holding.get(0).ruleA()).as("A's policy for %s", verdict.packet()).isEqualTo(verdict.ruleA());
			assertThat(holding.get(0).ruleB()).as("B's policy for %s", verdict.packet()).isEqualTo(verdict.ruleB());
			Action peerAction = verdict.ruleB() == Spd.DEFAULT
					? b.defaultAction()
					: b.rules().get(verdict.ruleB()).action();
			if (peerAction.kind() != Action.Kind.PROTECT) {
				asymmetric.add(Place.policy(positionA, verdict.ruleA()));
				asymmetric.add(Place.policy(positionB, verdict.ruleB()));
			}
		}
		for (Packet packet : TrafficOracle.PACKETS)
			if (!protectedTowardsB.contains(packet))
				assertThat(cells).as("no cell holds %s", packet).noneMatch(c -> c.packets().contains(packet));
		for (Traffic.Cell cell : cells)
			assertThat(cell.packets().isEmpty()).as("cells are never empty").isFalse();
	}
}
