package org.ipsl.model.region;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;

/**
 * A packet space small enough to enumerate. Selectors only name addresses 10.0.0.0/29 and
 * 2001:db8::/126, ports 0..3 and ICMP types 0 and 8; one extra value of each field stands for
 * all the values no selector names (10.0.1.0, 2001:db8:1::, port 4, type 3, protocol 47), so
 * membership of those few packets decides membership of all.
 */
public final class TinySpace {

	static final List<Integer> PROTOCOLS = List.of(Selector.ANY, Selector.TCP, Selector.UDP, Selector.ICMP);

	/** Every distinct packet of the tiny space. */
	public static final List<Packet> PACKETS = enumeratePackets();
	/** {@link #PACKETS} as boxes compare them, converted once because the properties test each packet often. */
	static final List<long[]> POINTS = PACKETS.stream().map(Packet::point).toList();

	private TinySpace() {
	}

	private static List<Packet> enumeratePackets() {
		List<List<String>> families = List.of(
				List.of("10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7",
						"10.0.1.0"),
				List.of("2001:db8::", "2001:db8::1", "2001:db8::2", "2001:db8::3", "2001:db8:1::"));
		List<Packet> packets = new ArrayList<>();
		for (List<String> family : families) {
			for (String source : family) {
				for (String destination : family) {
					for (int protocol : List.of(Selector.TCP, Selector.UDP)) {
						for (int sourcePort = 0; sourcePort <= 4; sourcePort++) {
							for (int destinationPort = 0; destinationPort <= 4; destinationPort++) {
								packets.add(Packet.of(source, destination, protocol, sourcePort, destinationPort, 0));
							}
						}
					}
					for (int type : List.of(0, 3, 8)) {
						packets.add(Packet.of(source, destination, Selector.ICMP, 0, 0, type));
					}
					packets.add(Packet.of(source, destination, 47, 0, 0, 0));
				}
			}
		}
		return List.copyOf(packets);
	}

	/** Whether the selector selects the packet, straight from the language's definition. */
	public static boolean selects(Selector selector, Packet packet) {
		boolean protocolMatches = selector.protocol() == Selector.ANY || selector.protocol() == packet.protocol();
		boolean portsMatch = !Selector.hasPorts(packet.protocol())
				|| (within(selector.localPorts(), packet.sourcePort())
						&& within(selector.remotePorts(), packet.destinationPort()));
		boolean typeMatches = packet.protocol() != Selector.ICMP || selector.icmpType().isEmpty()
				|| selector.icmpType().getAsInt() == packet.icmpType();
		// Packets of the tiny space have both addresses in one family, so `any` is simply every address.
		return protocolMatches && portsMatch && typeMatches
				&& within(selector.local(), packet.source()) && within(selector.remote(), packet.destination());
	}

	private static boolean within(List<IpRange> ranges, BigInteger address) {
		for (IpRange range : ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return ranges.isEmpty();
	}

	private static boolean within(PortRange ports, int port) {
		return ports.first() <= port && port <= ports.last();
	}

	public static Arbitrary<Selector> selectors() {
		Arbitrary<List<IpRange>> ends = prefix().list().ofMaxSize(2);
		return Combinators.combine(Arbitraries.of(PROTOCOLS), ends, ends, ports(), ports(), Arbitraries.of(-1, 0, 8))
				.as(TinySpace::selector);
	}

	private static Selector selector(int protocol, List<IpRange> local, List<IpRange> remote,
			PortRange localPorts, PortRange remotePorts, int type) {
		boolean hasPorts = Selector.hasPorts(protocol);
		return new Selector(protocol, local, remote, hasPorts ? localPorts : PortRange.ALL,
				hasPorts ? remotePorts : PortRange.ALL,
				Selector.hasIcmpType(protocol) && type >= 0 ? OptionalInt.of(type) : OptionalInt.empty());
	}

	/** A prefix of 10.0.0.0/29 (mostly) or 2001:db8::/126. */
	private static Arbitrary<IpRange> prefix() {
		Arbitrary<IpRange> v4 = Combinators
				.combine(Arbitraries.integers().between(29, 32), Arbitraries.integers().between(0, 7))
				.as((length, host) -> IpRange.parse("10.0.0." + host + "/" + length));
		Arbitrary<IpRange> v6 = Combinators
				.combine(Arbitraries.integers().between(126, 128), Arbitraries.integers().between(0, 3))
				.as((length, host) -> IpRange.parse("2001:db8::" + host + "/" + length));
		return Arbitraries.frequencyOf(Tuple.of(4, v4), Tuple.of(1, v6));
	}

	private static Arbitrary<PortRange> ports() {
		Arbitrary<PortRange> some = Combinators
				.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3))
				.as((a, b) -> new PortRange(Math.min(a, b), Math.max(a, b)));
		return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(PortRange.ALL)), Tuple.of(2, some));
	}
}
