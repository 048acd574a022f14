package org.ipsl.analysis.peers;

import org.ipsl.model.Rule;

/** How messages name the elements of hosts, seen from the host itself or from its peer. */
final class Labels {
	private Labels() {
	}

	/** "`web`", or "the default policy". */
	static String own(PeerHost host, int rule) {
		return rule == Spd.DEFAULT ? "the default policy" : "`" + host.rules().get(rule).name() + "`";
	}

	/** "b3's policy `hq-rest`", or "b3's default policy". */
	static String peers(PeerHost host, int rule) {
		return rule == Spd.DEFAULT
				? host.name() + "'s default policy"
				: host.name() + "'s policy `" + host.rules().get(rule).name() + "`";
	}

	static String peersIke(PeerHost host, int ike) {
		return host.name() + "'s IKE policy " + host.ikePolicies().get(ike).reference();
	}

	static String ruleName(Rule rule) {
		return "`" + rule.name() + "`";
	}
}
