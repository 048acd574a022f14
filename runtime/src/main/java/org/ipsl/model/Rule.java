package org.ipsl.model;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.region.Region;

/**
 * One policy of a host's policy database: lower priorities are searched first.
 *
 * @param selectors the packets the policy takes, as the union of these selectors: one for a policy
 *                  whose traffic selectors share their protocol and ports (every policy written
 *                  without per-selector {@code protocol} or {@code port}), else one per combination
 * @param local     the traffic selectors of the policy's own end, as written
 * @param remote    the traffic selectors of the remote end, as written
 * @param ike       the IKE policy the protection belongs to ({@code ike NAME}); empty when not
 *                  written: then the first IKE policy whose remote covers the peer
 * @param start     when a protecting policy's SAs are negotiated; {@link StartAction#TRAP} for
 *                  pass and discard
 */
public record Rule(String name, long priority, List<Selector> selectors, Action action, List<TrafficSelector> local,
		List<TrafficSelector> remote, Optional<String> ike, StartAction start) {

	public Rule {
		selectors = List.copyOf(selectors);
		local = List.copyOf(local);
		remote = List.copyOf(remote);
		if (selectors.isEmpty() || local.isEmpty() || remote.isEmpty()) {
			throw new IllegalArgumentException("a rule selects some packets: " + name);
		}
	}

	/** A policy of one selector, bound to no IKE policy by name, started on its first packet. */
	public Rule(String name, long priority, Selector selector, Action action) {
		this(name, priority, List.of(selector), action,
				List.of(new TrafficSelector(selector.protocol(), selector.local(), selector.localPorts())),
				List.of(new TrafficSelector(selector.protocol(), selector.remote(), selector.remotePorts())),
				Optional.empty(), StartAction.TRAP);
	}

	/** The first of the selectors: the policy's selector when it has one, as messages show it. */
	public Selector selector() {
		return selectors.get(0);
	}

	/** The packets the policy takes, as a region. */
	public Region region() {
		Region region = Region.of(selectors.get(0));
		for (int k = 1; k < selectors.size(); k++) {
			region = region.union(Region.of(selectors.get(k)));
		}
		return region;
	}

	/** "`name` (priority 10)", how messages name a rule. */
	public String reference() {
		return "`" + name + "` (priority " + priority + ")";
	}
}
