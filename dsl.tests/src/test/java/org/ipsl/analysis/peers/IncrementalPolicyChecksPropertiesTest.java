package org.ipsl.analysis.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipsl.analysis.order.IncrementalOrderingPropertiesTest;
import org.ipsl.analysis.order.IncrementalOrderingPropertiesTest.Edit;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The peer analysis of a host analysed again after an edit ({@link PeerHost#follows}, which reuses
 * its policies' own checks, {@link PolicyChecks}) gives exactly the findings and session table of
 * an analysis from scratch, after every edit of random edit sequences: its policies edited, and
 * between edits its peer moved to another address or its IKE policies replaced (what the checks
 * read besides a policy).
 */
class IncrementalPolicyChecksPropertiesTest {

	/** Where the peer is, one per step: inside or outside the policies' tiny address space. */
	private static final List<String> PEER_ADDRESSES = List.of("10.0.0.14", "10.0.0.5", "10.0.0.9", "10.0.1.1");

	private static final List<List<PeerIke>> IKE_POLICIES = List.of(List.of(), List.of(ike(List.of())),
			List.of(ike(List.of(IpRange.parse("10.0.0.0/29")))),
			List.of(ike(List.of(IpRange.parse("10.0.0.8/29"))), ike(List.of(IpRange.parse("10.0.0.14")))));

	@Provide
	Arbitrary<List<Rule>> rules() {
		return IncrementalOrderingPropertiesTest.randomRules();
	}

	@Provide
	Arbitrary<List<Edit>> edits() {
		return IncrementalOrderingPropertiesTest.randomEdits();
	}

	@Provide
	Arbitrary<List<Integer>> contexts() {
		return Arbitraries.integers().between(0, 15).list().ofSize(9);
	}

	@Property(tries = 1000)
	void sameAsAnAnalysisFromScratchAfterEveryEdit(@ForAll("rules") List<Rule> initial,
			@ForAll("edits") List<Edit> edits, @ForAll("contexts") List<Integer> contexts) {
		List<Rule> rules = new ArrayList<>(initial);
		Action defaultAction = Action.DISCARD;
		List<PeerHost> hosts = hosts(rules, defaultAction, contexts.get(0));
		PeerAnalysis.analyse(hosts);
		for (int step = 0; step < edits.size(); step++) {
			defaultAction = edits.get(step).applyTo(rules, defaultAction);
			List<PeerHost> next = hosts(rules, defaultAction, contexts.get(step + 1));
			for (int h = 0; h < next.size(); h++)
				next.get(h).follows(hosts.get(h));
			PeerAnalysis.Report incremental = PeerAnalysis.analyse(next);
			PeerAnalysis.Report fresh = PeerAnalysis.analyse(hosts(rules, defaultAction, contexts.get(step + 1)));
			assertThat(incremental.findings()).as("after %s on %s", edits.get(step), rules).isEqualTo(fresh.findings());
			assertThat(incremental.sessions()).as("after %s on %s", edits.get(step), rules).isEqualTo(fresh.sessions());
			Statistics.label("policy findings").collect(fresh.findings().stream()
					.anyMatch(f -> f.code() == DiagnosticCode.IKE_NO_POLICY) ? "ike-no-policy" : "none",
					fresh.findings()
							.stream().anyMatch(f -> f.code() == DiagnosticCode.PEER_UNKNOWN) ? "peer-unknown" : "none");
			hosts = next;
		}
	}

	/** The edited host and its peer; {@code context} picks the peer's address and the IKE policies. */
	private static List<PeerHost> hosts(List<Rule> rules, Action defaultAction, int context) {
		PeerHost host = new PeerHost("gw", List.of(IpRange.parse("10.0.0.1")), rules, defaultAction, true,
				IKE_POLICIES.get(context / 4), true, List.of());
		PeerHost peer = new PeerHost("peer", List.of(IpRange.parse(PEER_ADDRESSES.get(context % 4))), List.of(),
				Action.PASS, true, List.of(), true, List.of());
		return List.of(host, peer);
	}

	private static PeerIke ike(List<IpRange> remote) {
		return new PeerIke("i" + remote, 10, remote, List.of(IkeSuite.HPUX_DEFAULT),
				IkeAuthentication.presharedUnknown(),
				Optional.empty(), Optional.empty(), PeerIke.DEFAULT_LIFETIME_SECONDS, false);
	}
}
