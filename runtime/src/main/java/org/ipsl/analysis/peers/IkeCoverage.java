package org.ipsl.analysis.peers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * {@code ike-no-policy} on one host: a policy that protects with dynamic keys towards addresses no
 * IKE policy of the host covers. HP-UX looks up the IKE policy by the peer's address; without one,
 * Main Mode never starts.
 */
final class IkeCoverage {
	private IkeCoverage() {
	}

	/**
	 * The message of a policy's {@code ike-no-policy} finding; null when it has none (or when the
	 * host's IKE policies are not all known).
	 *
	 * @param decides the packets the policy decides (its selector less every earlier policy's)
	 */
	static String uncovered(PeerHost host, Rule rule, Region decides) {
		if (!host.ikeComplete() || !isDynamic(rule.action()) || decides.isEmpty())
			return null;
		List<IpRange> uncovered = new ArrayList<>();
		for (IpRange target : targets(rule))
			if ((rule.action().tunnelRemote().isPresent()
					|| decides.overlaps(Region.of(Selector.ALL.withRemote(List.of(target)))))
					&& !covered(target, host.ikePolicies()))
				uncovered.add(target);
		if (uncovered.isEmpty())
			return null;
		return message(host, rule, rule.selector().remote().isEmpty() && rule.action().tunnelRemote().isEmpty()
				|| rule.action().tunnelToAnyPeer()
						? "any address"
						: uncovered.stream().map(IpRange::toString).collect(Collectors.joining(", ")));
	}

	static boolean isDynamic(Action action) {
		return action.kind() == Action.Kind.PROTECT && action.manualSa().isEmpty();
	}

	static String message(PeerHost host, Rule rule, String addresses) {
		return Labels.ruleName(rule) + " protects with dynamic keys, but no IKE policy of " + host.name()
				+ " covers " + addresses + ": Main Mode never starts (" + HpuxEvent.MM_FAILED + ")";
	}

	/** The peer addresses IKE would look up: the tunnel's far end, else the selector's remote end. */
	private static List<IpRange> targets(Rule rule) {
		if (rule.action().tunnelRemote().isPresent() && !rule.action().tunnelToAnyPeer())
			return List.of(IpRange.parse(rule.action().tunnelRemote().get()));
		if (!rule.selector().remote().isEmpty())
			return rule.selector().remote();
		List<IpRange> any = new ArrayList<>(IpRange.IPV6);
		any.add(IpRange.IPV4);
		return any;
	}

	/** Whether the IKE policies' remotes together hold every address of the target. */
	static boolean covered(IpRange target, List<PeerIke> ikePolicies) {
		List<IpRange> remotes = new ArrayList<>();
		for (PeerIke ike : ikePolicies) {
			if (ike.remote().isEmpty())
				return true;
			remotes.addAll(ike.remote());
		}
		remotes.sort(Comparator.naturalOrder());
		BigInteger next = target.first();
		for (IpRange remote : remotes) {
			if (remote.first().compareTo(next) > 0)
				break;
			if (remote.last().compareTo(next) >= 0) {
				if (remote.last().compareTo(target.last()) >= 0)
					return true;
				next = remote.last().add(BigInteger.ONE);
			}
		}
		return false;
	}
}
