package org.ipsl.runtime.spd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Packet;
import org.ipsl.model.region.Region;
import org.ipsl.runtime.bench.RealisticSpd;
import org.ipsl.runtime.sad.Direction;

/**
 * The decision tree finds the same first policy as the linear scan, and the linear scan the same
 * as the model's exact regions: on random policy sets (IPv4 and IPv6, every protocol kind, port
 * ranges, ICMP types, any) and flows aimed at their edges, in both directions; and on large sets
 * shaped like one busy host's.
 */
class ClassifierPropertiesTest {

	private static final int FLOWS_PER_SET = 60;

	@Property(tries = 1000, seed = "20261127")
	void theTreeAgreesWithTheLinearScan(@ForAll @IntRange(min = 0, max = 150) int policies, @ForAll long seed) {
		RandomPolicies random = new RandomPolicies(seed);
		List<Selector> selectors = random.selectors(policies);
		DecisionTree tree = new DecisionTree(selectors);
		LinearScan linear = new LinearScan(selectors);
		int matched = 0;
		for (int i = 0; i < FLOWS_PER_SET; i++) {
			Flow flow = random.flow(selectors);
			for (Direction direction : Direction.values()) {
				int expected = linear.firstMatch(flow, direction);
				assertThat(tree.firstMatch(flow, direction)).as("%s %s in %s", direction, flow, selectors)
						.isEqualTo(expected);
				matched += expected >= 0 && direction == Direction.OUTBOUND ? 1 : 0;
			}
		}
		// The flows (aimed as outbound ones) must exercise the policies, not only the default.
		Statistics.label("a quarter of the flows or more meet a policy").collect(4 * matched >= FLOWS_PER_SET);
		Statistics.label("a quarter of the flows or more meet a policy")
				.coverage(coverage -> coverage.check(true).percentage(p -> p > 75));
	}

	/**
	 * At the benchmark's kind of scale the tree has several trees (groups), nodes packed several
	 * levels deep and walks stopped early by a match already found: every flow aimed into the
	 * set, both ways, and the same flows read inbound, agree with the linear scan.
	 */
	@Property(tries = 12, seed = "20261129")
	void theTreeAgreesWithTheLinearScanOnLargeRealisticSets(@ForAll @IntRange(min = 300, max = 3000) int policies,
			@ForAll long seed) {
		RealisticSpd realistic = new RealisticSpd(seed, policies);
		DecisionTree tree = new DecisionTree(realistic.selectors);
		LinearScan linear = new LinearScan(realistic.selectors);
		for (Flow flow : realistic.flows(400)) {
			for (Flow oneWay : List.of(flow, flow.mirrored())) {
				for (Direction direction : Direction.values()) {
					assertThat(tree.firstMatch(oneWay, direction)).as("%s %s", direction, oneWay)
							.isEqualTo(linear.firstMatch(oneWay, direction));
				}
			}
		}
	}

	@Property(tries = 1000, seed = "20261128")
	void theLinearScanAgreesWithTheModelsRegions(@ForAll @IntRange(min = 0, max = 20) int policies, @ForAll long seed) {
		RandomPolicies random = new RandomPolicies(seed);
		List<Selector> selectors = random.selectors(policies);
		List<Region> regions = selectors.stream().map(Region::of).toList();
		LinearScan linear = new LinearScan(selectors);
		for (int i = 0; i < 10; i++) {
			Flow flow = random.flow(selectors);
			Packet packet = new Packet(Flow.number(flow.sourceHigh(), flow.sourceLow()),
					Flow.number(flow.destinationHigh(), flow.destinationLow()), flow.protocol(), flow.sourcePort(),
					flow.destinationPort(), flow.icmpType());
			int expected = -1;
			for (int p = 0; p < regions.size() && expected < 0; p++) {
				if (regions.get(p).contains(packet)) {
					expected = p;
				}
			}
			assertThat(linear.firstMatch(flow, Direction.OUTBOUND)).as("%s in %s", flow, selectors).isEqualTo(expected);
			int mirrored = -1;
			for (int p = 0; p < regions.size() && mirrored < 0; p++) {
				if (regions.get(p).contains(packet.mirrored())) {
					mirrored = p;
				}
			}
			assertThat(linear.firstMatch(flow.mirrored(), Direction.INBOUND)).isEqualTo(expected);
			assertThat(linear.firstMatch(flow, Direction.INBOUND)).isEqualTo(mirrored);
		}
	}
}
