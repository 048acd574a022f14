package org.ipsl.analysis.peers;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;

/**
 * What the peer analysis knows of one host: its addresses, its valid policies in evaluation order
 * with its default action, its valid IKE policies in priority order and its valid manual SAs.
 * Its policy database as regions is built on first use and shared by the analyses of all its peers.
 */
public final class PeerHost {
	private final String name;
	private final List<IpRange> addresses;
	private final List<Rule> rules;
	private final Action defaultAction;
	private final boolean rulesComplete;
	private final List<PeerIke> ikePolicies;
	private final boolean ikeComplete;
	private final List<ManualKeys> manualSas;
	private Spd spd;
	/** The SPD of the version of this host before an edit, for {@link Spd#after}; dropped once used. */
	private Spd previousSpd;
	private PolicyChecks policyChecks;
	/** The policy checks of the version before an edit, for {@link PolicyChecks#of}; dropped once used. */
	private PolicyChecks previousChecks;

	/**
	 * @param rulesComplete false when some policy was left out for an invalid value or a syntax error: then what the
	 *                      host does with a packet is not known, and its traffic is not compared with
	 *                      its peers' (one typo gives one diagnostic, not a cascade on both hosts)
	 * @param ikeComplete   false when some IKE policy was left out for an invalid value or a syntax error: then which IKE
	 *                      policy covers a peer is not known, and no IKE finding is made for this host
	 */
	public PeerHost(String name, List<IpRange> addresses, List<Rule> rules, Action defaultAction,
			boolean rulesComplete, List<PeerIke> ikePolicies, boolean ikeComplete, List<ManualKeys> manualSas) {
		this.name = name;
		this.addresses = List.copyOf(addresses);
		this.rules = List.copyOf(rules);
		this.defaultAction = defaultAction;
		this.rulesComplete = rulesComplete;
		this.ikePolicies = List.copyOf(ikePolicies);
		this.ikeComplete = ikeComplete;
		this.manualSas = List.copyOf(manualSas);
	}

	public String name() {
		return name;
	}

	public List<IpRange> addresses() {
		return addresses;
	}

	public List<Rule> rules() {
		return rules;
	}

	public Action defaultAction() {
		return defaultAction;
	}

	public boolean rulesComplete() {
		return rulesComplete;
	}

	public List<PeerIke> ikePolicies() {
		return ikePolicies;
	}

	public boolean ikeComplete() {
		return ikeComplete;
	}

	public List<ManualKeys> manualSas() {
		return manualSas;
	}

	/** The IKE policy used towards a peer address: the first in priority order whose remote covers it. */
	public Optional<Integer> ikeFor(IpRange peerAddress) {
		for (int k = 0; k < ikePolicies.size(); k++)
			if (ikePolicies.get(k).covers(peerAddress))
				return Optional.of(k);
		return Optional.empty();
	}

	public Optional<Integer> manualSa(String saName) {
		for (int m = 0; m < manualSas.size(); m++)
			if (manualSas.get(m).name().equals(saName))
				return Optional.of(m);
		return Optional.empty();
	}

	public boolean owns(IpRange address) {
		return addresses.stream().anyMatch(a -> a.contains(address));
	}

	/**
	 * Declares this host a new version of {@code before} (the same host after an edit), so that its
	 * policy database as regions and its policies' own checks reuse what {@code before}'s computed
	 * for the policies that did not change. Any host may be given: what changed is found by
	 * comparing the policies.
	 */
	public void follows(PeerHost before) {
		Spd built;
		PolicyChecks checked;
		synchronized (before) {
			built = before.spd;
			checked = before.policyChecks;
		}
		synchronized (this) {
			previousSpd = built;
			previousChecks = checked;
		}
	}

	/** This host's policy database as regions, built on first use. */
	public synchronized Spd spd() {
		if (spd == null) {
			spd = previousSpd == null ? new Spd(rules) : Spd.after(previousSpd, rules);
			previousSpd = null;
		}
		return spd;
	}

	/**
	 * This host's policies' own checks, as host {@code h} of hosts with {@code addresses}: kept for the next
	 * analysis of the same workspace; in another workspace, reused where the context is the same.
	 */
	synchronized PolicyChecks policyChecks(int h, List<List<IpRange>> addresses, Discovery discovery) {
		PolicyChecks.Context context = new PolicyChecks.Context(h, name, ikeComplete, ikePolicies, addresses);
		if (policyChecks == null || !policyChecks.context().equals(context)) {
			policyChecks = PolicyChecks.of(context, this, discovery,
					policyChecks != null ? policyChecks : previousChecks);
			previousChecks = null;
		}
		return policyChecks;
	}

	@Override
	public String toString() {
		return name;
	}
}
