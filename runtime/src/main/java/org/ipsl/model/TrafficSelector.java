package org.ipsl.model;

import java.util.List;

/**
 * One traffic selector of a policy's end, as IKEv2 negotiates it: a protocol ({@link Selector#ANY}
 * for every one), addresses (none for {@code any}) and ports (only for tcp and udp). A name of a
 * host or network stands for all its addresses in one selector.
 */
public record TrafficSelector(int protocol, List<IpRange> addresses, PortRange ports) {

	public TrafficSelector {
		addresses = List.copyOf(addresses);
		if (!Selector.hasPorts(protocol) && !ports.isAll()) {
			throw new IllegalArgumentException(
					"ports with a protocol that has none: " + Selector.protocolName(protocol));
		}
	}

	/** Every address, protocol and port. */
	public static final TrafficSelector ALL = new TrafficSelector(Selector.ANY, List.of(), PortRange.ALL);

	/** "10.1.0.0/16", "10.1.0.0/16 tcp port 80", "any udp". */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(addresses.isEmpty()
				? "any"
				: addresses.size() == 1
						? addresses.get(0).toString()
						: addresses.toString());
		if (protocol != Selector.ANY) {
			text.append(' ').append(Selector.protocolName(protocol));
		}
		if (!ports.isAll()) {
			text.append(" port ").append(ports);
		}
		return text.toString();
	}
}
