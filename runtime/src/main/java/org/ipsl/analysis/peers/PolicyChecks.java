package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.List;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;
import org.ipsl.model.region.Region;
import org.ipsl.diagnostics.DiagnosticCode;

/**
 * What one host's protecting policies give on their own, without a peer's policies: {@code
 * ike-no-policy} when no IKE policy of the host covers the peer ({@link IkeCoverage}), {@code
 * peer-unknown} when no host of the workspace is at the remote end. A policy's results follow from
 * its rule, the packets it decides and the host's {@link Context}; a host analysed again after an
 * edit reuses its previous version's results for each policy whose rule and decided packets are the
 * same objects or equal ({@link Spd#after} keeps the region of a policy no edit reached), when the
 * context is equal too. Otherwise every protecting policy of the workspace is judged on every edit.
 */
final class PolicyChecks {

	/** What a policy's results read besides its rule and decided packets: its host, and every host's addresses. */
	record Context(int host, String name, boolean ikeComplete, List<PeerIke> ikePolicies,
			List<List<IpRange>> addresses) {
	}

	/** A remote end with no host of the workspace: where the finding starts, and what it says. */
	record Unknown(Place.Kind kind, String remote, String message) {
	}

	/**
	 * One protecting policy's results, with what they were computed from.
	 *
	 * @param ikeNoPolicy the {@code ike-no-policy} message, or null
	 * @param unknown     the {@code peer-unknown} finding, or null
	 */
	private record Result(Rule rule, Region decides, String ikeNoPolicy, Unknown unknown) {
	}

	private final Context context;
	/** By position in the host's rules; null for a policy that does not protect. */
	private final Result[] results;

	Context context() {
		return context;
	}

	private PolicyChecks(Context context, int rules) {
		this.context = context;
		this.results = new Result[rules];
	}

	/** The results for {@code host} in {@code context}, reusing {@code previous}'s where nothing they read changed. */
	static PolicyChecks of(Context context, PeerHost host, Discovery discovery, PolicyChecks previous) {
		int h = context.host();
		PolicyChecks checks = new PolicyChecks(context, host.rules().size());
		boolean sameContext = previous != null && previous.context.equals(checks.context);
		for (int i = 0; i < host.rules().size(); i++) {
			Rule rule = host.rules().get(i);
			if (rule.action().kind() != Action.Kind.PROTECT)
				continue;
			Region decides = host.spd().effective(i);
			Result before = sameContext && i < previous.results.length ? previous.results[i] : null;
			checks.results[i] = before != null && same(before.rule, rule) && same(before.decides, decides)
					? before
					: new Result(rule, decides, IkeCoverage.uncovered(host, rule, decides),
							unknown(h, rule, decides, discovery));
		}
		return checks;
	}

	private static boolean same(Object before, Object now) {
		return before == now || before.equals(now);
	}

	private static Unknown unknown(int h, Rule rule, Region decides, Discovery discovery) {
		if (decides.isEmpty() || rule.action().tunnelToAnyPeer() || !discovery.reached(rule, h).isEmpty())
			return null;
		boolean tunnel = rule.action().tunnelRemote().isPresent();
		String remote = tunnel ? rule.action().tunnelRemote().get() : PeerAnalysis.addresses(rule.selector().remote());
		return new Unknown(tunnel ? Place.Kind.TUNNEL_REMOTE : Place.Kind.POLICY_REMOTE, remote,
				PeerAnalysis.unknownMessage(remote, Labels.ruleName(rule)));
	}

	/** Adds the {@code ike-no-policy} findings, in policy order. */
	void addIkeNoPolicy(Findings findings) {
		for (int i = 0; i < results.length; i++)
			if (results[i] != null && results[i].ikeNoPolicy != null)
				findings.add(DiagnosticCode.IKE_NO_POLICY, Place.policy(context.host, i), results[i].ikeNoPolicy);
	}

	/** Adds the {@code peer-unknown} findings, in policy order; gives the remote ends they name, in order. */
	List<String> addUnknown(Findings findings) {
		List<String> remotes = new ArrayList<>();
		for (int i = 0; i < results.length; i++) {
			Unknown unknown = results[i] == null ? null : results[i].unknown;
			if (unknown != null) {
				findings.add(DiagnosticCode.PEER_UNKNOWN, new Place(context.host, unknown.kind, i), unknown.message);
				remotes.add(unknown.remote);
			}
		}
		return remotes;
	}
}
