package org.ipsl.analysis.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ipsl.analysis.order.OrderingFinding.Kind.CORRELATED;
import static org.ipsl.analysis.order.OrderingFinding.Kind.REDUNDANT;
import static org.ipsl.analysis.order.OrderingFinding.Kind.SHADOWED;

import java.util.ArrayList;
import java.util.List;
import org.ipsl.model.Action;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.junit.jupiter.api.Test;

/** The policies of examples/ordering/edge.ipsl, built by hand: the findings its markers promise, and no others. */
class EdgeOrderingTest {

	private static final Selector TCP = Selector.ALL.withProtocol(Selector.TCP);
	private static final String LAN = "192.0.2.0/24";

	private static final List<Rule> EDGE = List.of(
			new Rule("quarantine", 10, Selector.ALL.from(LAN).to("198.51.100.0/26"), Action.DISCARD),
			new Rule("quarantine-web", 20, TCP.from(LAN).to("198.51.100.0/26").withRemotePorts(PortRange.of(80)),
					Action.PASS),
			new Rule("lab", 30, Selector.ALL.from(LAN).to("198.51.100.64/26"), Action.DISCARD),
			new Rule("lab-dns", 40, Selector.ALL.withProtocol(Selector.UDP).from(LAN).to("198.51.100.64/26")
					.withRemotePorts(PortRange.of(53)), Action.DISCARD),
			new Rule("low-ports", 50, TCP.from(LAN).to("198.51.100.128/26").withRemotePorts(new PortRange(0, 1023)),
					Action.DISCARD),
			new Rule("high-ports", 60,
					TCP.from(LAN).to("198.51.100.128/26").withRemotePorts(new PortRange(1024, 65535)), Action.PASS),
			new Rule("all-tcp", 70, TCP.from(LAN).to("198.51.100.128/26"), Action.protect("esp-aes128-hmac-sha256")),
			new Rule("admins-out", 80, TCP.from("192.0.2.0/25").to("198.51.100.192/26"), Action.DISCARD),
			new Rule("monitoring", 90, TCP.from(LAN).to("198.51.100.192/27"), Action.PASS),
			new Rule("printers", 90, TCP.from(LAN).to("203.0.113.0/24").withRemotePorts(PortRange.of(631)),
					Action.PASS));

	@Test
	void findingsMatchTheMarkersOfEdgeIpsl() {
		assertThat(OrderingAnalysis.analyse(EDGE, Action.DISCARD)).containsExactly(
				new OrderingFinding(SHADOWED, 1, List.of(0),
						"never fires: tcp from 192.0.2.0/24 to 198.51.100.0/26 port 80 is discarded by `quarantine` (priority 10)"),
				new OrderingFinding(REDUNDANT, 2, List.of(3, OrderingFinding.DEFAULT_POLICY),
						"removing it changes nothing: `lab-dns` (priority 40) and the default policy treat its packets the same way"),
				new OrderingFinding(REDUNDANT, 3, List.of(2),
						"dead: `lab` (priority 30) already discards every packet it selects"),
				new OrderingFinding(SHADOWED, 6, List.of(5, 4),
						"never fires: tcp from 192.0.2.0/24 to 198.51.100.128/26 is passed in clear by `high-ports` (priority 60)"
								+ " and discarded by `low-ports` (priority 50)"),
				new OrderingFinding(CORRELATED, 8, List.of(7),
						"overlaps `admins-out` (priority 80), which discards tcp from 192.0.2.0/25 to 198.51.100.192/27 first:"
								+ " their order decides"));
	}

	@Test
	void aDefaultThatPassesKeepsLabAndMakesPassingRulesRedundant() {
		assertThat(OrderingAnalysis.analyse(EDGE, Action.PASS))
				.extracting(OrderingFinding::ruleIndex, OrderingFinding::kind)
				.containsExactly(tuple(1, SHADOWED), tuple(3, REDUNDANT), tuple(6, SHADOWED), tuple(8, REDUNDANT),
						tuple(9, REDUNDANT));
	}

	@Test
	void laterRulesWithTheSameTreatmentMakeAnEarlierOneRedundant() {
		List<Rule> rules = List.of(
				new Rule("web", 10, TCP.to("198.51.100.0/24").withRemotePorts(PortRange.of(80)), Action.PASS),
				new Rule("other", 20, Selector.ALL.to("203.0.113.0/24"), Action.protect("esp-aes128-gcm16")),
				new Rule("low-half", 30, TCP.to("198.51.100.0/25"), Action.PASS),
				new Rule("high-half", 40, TCP.to("198.51.100.128/25"), Action.PASS));
		assertThat(OrderingAnalysis.analyse(rules, Action.DISCARD)).containsExactly(
				new OrderingFinding(REDUNDANT, 0, List.of(2, 3),
						"removing it changes nothing: `low-half` (priority 30) and `high-half` (priority 40)"
								+ " treat its packets the same way"));
	}

	@Test
	void theDefaultAloneCanTakeOver() {
		List<Rule> rules = List.of(new Rule("blackhole", 10, TCP.to("198.51.100.0/24"), Action.DISCARD));
		assertThat(OrderingAnalysis.analyse(rules, Action.DISCARD)).containsExactly(
				new OrderingFinding(REDUNDANT, 0, List.of(OrderingFinding.DEFAULT_POLICY),
						"removing it changes nothing: the default policy discards the same packets"));
	}

	@Test
	void messagesNameAtMostThreeRules() {
		List<Rule> rules = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			rules.add(new Rule("block-" + i, 10 + i, TCP.to("198.51.100." + 64 * i + "/26"), Action.DISCARD));
		}
		rules.add(new Rule("web", 100, TCP.to("198.51.100.0/24"), Action.PASS));
		assertThat(OrderingAnalysis.analyse(rules, Action.PASS)).containsExactly(
				new OrderingFinding(SHADOWED, 4, List.of(0, 1, 2, 3),
						"never fires: tcp to 198.51.100.0/24 is discarded by `block-0` (priority 10), discarded by `block-1` (priority 11),"
								+ " discarded by `block-2` (priority 12) and 1 more"));
	}

	@Test
	void ofTwoEqualRulesEachIsRedundantOnItsOwn() {
		Selector ssh = TCP.to("198.51.100.0/24").withRemotePorts(PortRange.of(22));
		List<Rule> rules = List.of(new Rule("ssh", 10, ssh, Action.DISCARD),
				new Rule("ssh-again", 20, ssh, Action.DISCARD));
		assertThat(OrderingAnalysis.analyse(rules, Action.PASS)).containsExactly(
				new OrderingFinding(REDUNDANT, 0, List.of(1),
						"removing it changes nothing: `ssh-again` (priority 20) discards the same packets"),
				new OrderingFinding(REDUNDANT, 1, List.of(0),
						"dead: `ssh` (priority 10) already discards every packet it selects"));
	}

	@Test
	void aRuleWhosePacketsCannotExistIsDead() {
		List<Rule> rules = List
				.of(new Rule("mixed", 10, Selector.ALL.from("10.0.0.0/8").to("2001:db8::/32"), Action.DISCARD));
		assertThat(OrderingAnalysis.analyse(rules, Action.PASS))
				.containsExactly(new OrderingFinding(REDUNDANT, 0, List.of(), "dead: it selects no packet"));
	}
}
