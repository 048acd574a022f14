package org.ipsl.runtime.spd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ipsl.model.Selector;
import org.ipsl.runtime.bench.RealisticSpd;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.sad.Direction;
import org.junit.jupiter.api.Test;

/** The SPD at the benchmark's scale: the tree's answers are the linear scan's, and the tree stays small. */
class SecurityPolicyDatabaseTest {

	private static final Policy.Action PASS = new Policy.Action(Policy.Action.Type.PASS, null, null, null, null);

	@Test
	void tenThousandRealisticPoliciesAnswerAsTheLinearScanBothWays() {
		RealisticSpd realistic = new RealisticSpd(42, 10_000);
		List<SpdEntry> entries = new ArrayList<>();
		for (int i = 0; i < realistic.selectors.size(); i++) {
			entries.add(new SpdEntry(SpdEntry.DEFAULT_COOKIE + 1 + i, "p" + i, 10L * (i + 1),
					realistic.selectors.get(i), PASS));
		}
		SecurityPolicyDatabase spd = SecurityPolicyDatabase.of(entries, SpdEntry.defaultPolicy(false));
		java.util.Set<String> met = new java.util.HashSet<>();
		for (Flow flow : realistic.flows(500)) {
			assertThat(spd.lookup(flow, Direction.OUTBOUND)).isSameAs(spd.lookupLinear(flow, Direction.OUTBOUND));
			assertThat(spd.lookup(flow.mirrored(), Direction.INBOUND)).isSameAs(spd.lookup(flow, Direction.OUTBOUND));
			assertThat(spd.lookup(flow, Direction.INBOUND)).isSameAs(spd.lookupLinear(flow, Direction.INBOUND));
			met.add(spd.lookup(flow, Direction.OUTBOUND).name());
		}
		assertThat(met).as("the flows meet policies all through the list").hasSizeGreaterThan(250);
		DecisionTree tree = new DecisionTree(realistic.selectors);
		int leafEntries = Integer.parseInt(tree.shape().replaceAll(".* leaves, (\\d+) leaf entries.*", "$1"));
		assertThat(leafEntries).as(tree.shape()).isLessThan(20 * 10_000);
	}

	@Test
	void noPolicyMeansTheDefaultAndPrioritiesMustAscend() {
		SpdEntry discard = SpdEntry.defaultPolicy(false);
		SpdEntry ssh = new SpdEntry(2, "ssh", 10, Selector.ALL.withProtocol(Selector.TCP)
				.withRemotePorts(org.ipsl.model.PortRange.of(22)), PASS);
		SecurityPolicyDatabase spd = SecurityPolicyDatabase.of(List.of(ssh), discard);
		assertThat(spd.lookup(Flow.of("10.0.0.1", "10.0.0.2", 6, 40000, 22), Direction.OUTBOUND)).isSameAs(ssh);
		assertThat(spd.lookup(Flow.of("10.0.0.1", "10.0.0.2", 6, 40000, 22), Direction.INBOUND)).isSameAs(discard);
		assertThat(spd.entries()).containsExactly(ssh, discard);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecurityPolicyDatabase.of(List.of(ssh, ssh), discard))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
