package org.ipsl.bench;

import java.util.List;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/**
 * A seeded, realistic host as IPSL text: the rules of {@link RuleSetGenerator} (about 5% of them
 * overlapping earlier ones), written as a host's policies. The same seed gives the same text.
 */
public final class PolicyTextGenerator {
	private PolicyTextGenerator() {
	}

	public static String host(int policies, long seed) {
		return host(RuleSetGenerator.generate(seed, policies));
	}

	public static String host(List<Rule> rules) {
		StringBuilder text = new StringBuilder(rules.size() * 110);
		text.append("host gw {\n    address 10.0.0.1, 2001:db8:ffff::1\n    dynamic-spi 300..2500000\n");
		text.append("    ike all priority 10 {\n        remote any\n        proposals aes128-sha256-modp2048\n"
				+ "        authentication preshared \"Bench-only secret 7f3a\"\n    }\n");
		for (Rule rule : rules)
			policy(text, rule);
		return text.append("    default discard\n}\n").toString();
	}

	/** Appends the rule as a policy of a host, indented. */
	static void policy(StringBuilder text, Rule rule) {
		text.append("    policy ").append(rule.name()).append(" priority ").append(rule.priority())
				.append(" {\n        ").append(selector(rule.selector())).append("\n        ")
				.append(action(rule.action())).append("\n    }\n");
	}

	private static String selector(Selector s) {
		StringBuilder text = new StringBuilder(protocol(s.protocol()));
		s.icmpType().ifPresent(type -> text.append(" type ").append(type));
		text.append(" from ").append(end(s.local())).append(ports(s.localPorts()));
		text.append(" to ").append(end(s.remote())).append(ports(s.remotePorts()));
		return text.toString();
	}

	private static String protocol(int protocol) {
		return switch (protocol) {
			case Selector.ANY -> "any";
			case Selector.TCP -> "tcp";
			case Selector.UDP -> "udp";
			case Selector.ICMP -> "icmp";
			case Selector.ICMPV6 -> "icmpv6";
			default -> Integer.toString(protocol);
		};
	}

	private static String end(List<IpRange> ranges) {
		if (ranges.isEmpty())
			return "any";
		if (ranges.size() > 1)
			throw new IllegalArgumentException("one prefix per end: " + ranges);
		return ranges.get(0).toString();
	}

	private static String ports(PortRange ports) {
		return ports.isAll() ? "" : " port " + ports;
	}

	private static String action(Action action) {
		return switch (action.kind()) {
			case PASS -> "pass";
			case DISCARD -> "discard";
			case PROTECT -> "protect"
					+ action.tunnelLocal().map(l -> " tunnel " + l + " -> " + action.tunnelRemote().get())
							.orElse("")
					+ " " + String.join(", ", action.transforms())
					+ action.pfsGroup().map(g -> " pfs " + g).orElse("");
		};
	}
}
