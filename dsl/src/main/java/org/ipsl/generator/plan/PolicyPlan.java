package org.ipsl.generator.plan;

import java.util.List;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.model.IpAddress;

/** One host policy with its effective priority. */
public record PolicyPlan(String name, long priority, Place place, SelectorPlan selector, ActionPlan action) {

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
	 * when it is not.
	 */
	public record ProtectPlan(List<TransformPlan> transforms, TunnelPlan tunnel, DhGroup pfs, Place pfsPlace,
			Place exclusivePlace) implements ActionPlan {
		public boolean exclusive() {
			return exclusivePlace != null;
		}
	}

	public record ManualPlan(ManualSaPlan sa, Place place) implements ActionPlan {
	}

	/**
	 * A transform: AH, ESP, or AH around ESP when both are set. {@code name} is as written, e.g.
	 * {@code ah-hmac-sha1+esp-aes128-hmac-sha1}. Lifetimes of 0 mean none.
	 */
	public record TransformPlan(String name, Transform ah, Transform esp, long lifetimeSeconds, long lifetimeKilobytes,
			Place place) {
		public boolean nested() {
			return ah != null && esp != null;
		}
	}

	public record TunnelPlan(IpAddress local, IpAddress remote, Place place) {
	}
}
