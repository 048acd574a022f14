package org.ipsl.analysis.ikev2;

import java.util.List;

import org.ipsl.model.IpRange;

/** A host running strongSwan: its addresses and its connections. */
public record SwanHost(String name, List<IpRange> addresses, List<SwanConnection> connections) {

	public SwanHost {
		addresses = List.copyOf(addresses);
		connections = List.copyOf(connections);
	}

	public boolean owns(IpRange address) {
		return addresses.stream().anyMatch(a -> a.contains(address));
	}
}
