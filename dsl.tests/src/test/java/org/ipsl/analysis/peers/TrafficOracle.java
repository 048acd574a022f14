package org.ipsl.analysis.peers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Packet;

/**
 * Brute force over every packet of a tiny space: each packet host A sends through A's policies,
 * and when A protects it towards B, the mirrored packet through B's policies. It reads selectors
 * directly, without the region algebra the analysis uses.
 *
 * <p>Selectors of the tiny space name only addresses of 10.0.0.0/30 and 2001:db8::/126, ports 0..3
 * and ICMP types 0 and 8; one extra value of each field (10.0.1.0, 2001:db8:1::, port 4, type 3,
 * protocol 47) stands for all the values no selector names.
 */
final class TrafficOracle {
	static final List<Packet> PACKETS = packets();

	/** A packet A protects towards B and the policy of each host that takes it ({@link Spd#DEFAULT} for B's default). */
	record Verdict(Packet packet, int ruleA, int ruleB) {
	}

	private TrafficOracle() {
	}

	private static List<Packet> packets() {
		List<List<String>> families = List.of(List.of("10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.1.0"),
				List.of("2001:db8::", "2001:db8::1", "2001:db8::2", "2001:db8::3", "2001:db8:1::"));
		List<Packet> packets = new ArrayList<>();
		for (List<String> family : families)
			for (String source : family)
				for (String destination : family) {
					for (int protocol : List.of(Selector.TCP, Selector.UDP))
						for (int sourcePort = 0; sourcePort <= 4; sourcePort++)
							for (int destinationPort = 0; destinationPort <= 4; destinationPort++)
								packets.add(Packet.of(source, destination, protocol, sourcePort, destinationPort, 0));
					for (int type : List.of(0, 3, 8))
						packets.add(Packet.of(source, destination, Selector.ICMP, 0, 0, type));
					packets.add(Packet.of(source, destination, 47, 0, 0, 0));
				}
		return List.copyOf(packets);
	}

	/** Every packet A protects towards B: in transport mode from A's addresses to B's, in a tunnel ending at B. */
	static List<Verdict> verdicts(PeerHost a, PeerHost b) {
		List<Verdict> verdicts = new ArrayList<>();
		for (Packet packet : PACKETS) {
			int ruleA = firstMatch(a.rules(), packet);
			if (ruleA == Spd.DEFAULT)
				continue;
			Action action = a.rules().get(ruleA).action();
			if (action.kind() != Action.Kind.PROTECT)
				continue;
			boolean towardsB = action.tunnelRemote().isPresent()
					? owns(b, IpRange.parseAddress(action.tunnelRemote().get()))
					: owns(a, packet.source()) && owns(b, packet.destination());
			if (towardsB)
				verdicts.add(new Verdict(packet, ruleA, firstMatch(b.rules(), packet.mirrored())));
		}
		return verdicts;
	}

	static int firstMatch(List<Rule> rules, Packet packet) {
		for (int i = 0; i < rules.size(); i++)
			if (selects(rules.get(i).selector(), packet))
				return i;
		return Spd.DEFAULT;
	}

	private static boolean owns(PeerHost host, BigInteger address) {
		return host.addresses().stream().anyMatch(a -> a.contains(address));
	}

	/** LANGUAGE.md's definition: protocol, ports of tcp and udp, the ICMP type, and both ends. */
	static boolean selects(Selector selector, Packet packet) {
		boolean protocol = selector.protocol() == Selector.ANY || selector.protocol() == packet.protocol();
		boolean ports = !Selector.hasPorts(packet.protocol()) || (within(selector.localPorts(), packet.sourcePort())
				&& within(selector.remotePorts(), packet.destinationPort()));
		boolean type = packet.protocol() != Selector.ICMP || selector.icmpType().isEmpty()
				|| selector.icmpType().getAsInt() == packet.icmpType();
		return protocol && ports && type && within(selector.local(), packet.source())
				&& within(selector.remote(), packet.destination());
	}

	private static boolean within(List<IpRange> ranges, BigInteger address) {
		return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(address));
	}

	private static boolean within(PortRange ports, int port) {
		return ports.first() <= port && port <= ports.last();
	}
}
