package org.ipsl.generator.plan;

import java.util.List;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.model.StartAction;
import org.ipsl.model.IpAddress;

/**
 * One host policy with its effective priority.
 *
 * @param selectors the packets it takes, as the union of these: one selector unless its traffic
 *                  selectors differ in protocol or ports ({@link org.ipsl.model.Rule#selectors})
 */
public record PolicyPlan(String name, long priority, Place place, List<SelectorPlan> selectors, ActionPlan action) {

	/** The first selector: the policy's only one unless {@link #severalSelectors}. */
	public SelectorPlan selector() {
		return selectors.get(0);
	}

	public boolean severalSelectors() {
		return selectors.size() > 1;
	}

	/**
	 * @param protocol   null for every protocol
	 * @param icmpType   null unless an ICMP type is selected
	 * @param localPorts null for every port
	 */
	public record SelectorPlan(Integer protocol, Integer icmpType, Place icmpTypePlace, List<IpAddress> local,
			PortRange localPorts, Place localPortsPlace, List<IpAddress> remote, PortRange remotePorts,
			Place remotePortsPlace) {
	}

	/** Ports {@code from..to}, both included; never 0..65535, which is written as no range at all. */
	public record PortRange(int from, int to) {
		public boolean single() {
			return from == to;
		}
	}

	public sealed interface ActionPlan {
	}

	public record PassPlan() implements ActionPlan {
	}

	public record DiscardPlan() implements ActionPlan {
	}

	/**
	 * Dynamic keys: transforms in preference order; {@code tunnel} and {@code pfs} may be null.
	 * {@code exclusivePlace} is where {@code exclusive} (an SA pair per 5-tuple) is written, null
	 * when it is not. {@code ike} names the IKE policy it belongs to and {@code start} says when it
	 * is negotiated; each null when not written, with its place.
	 */
	public record ProtectPlan(List<TransformPlan> transforms, TunnelPlan tunnel, DhGroup pfs, Place pfsPlace,
			Place exclusivePlace, String ike, Place ikePlace, StartAction start, Place startPlace)
			implements
				ActionPlan {
		public boolean exclusive() {
			return exclusivePlace != null;
		}
	}

	public record ManualPlan(ManualSaPlan sa, Place place) implements ActionPlan {
	}

	/**
	 * A transform: AH, ESP, or AH around ESP when both are set. {@code name} is as written, e.g.
	 * {@code ah-hmac-sha1+esp-aes128-hmac-sha1}. Lifetimes of 0 mean none. A strongSwan proposal
	 * ({@code esp-aes128gcm16-x25519}, {@code ah-sha256}, {@code default}) has neither {@code ah}
	 * nor {@code esp} ({@link #strongswan}).
	 */
	public record TransformPlan(String name, Transform ah, Transform esp, long lifetimeSeconds, long lifetimeKilobytes,
			Place place) {
		public boolean nested() {
			return ah != null && esp != null;
		}

		/** Written as a strongSwan proposal rather than a built-in transform. */
		public boolean strongswan() {
			return ah == null && esp == null;
		}
	}

	/** A tunnel; its remote end null when written {@code any}: the IKE peer's address, whichever it is. */
	public record TunnelPlan(IpAddress local, IpAddress remote, Place place) {
	}
}
