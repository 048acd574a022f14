package org.ipsl.model.region;

import java.math.BigInteger;
import org.ipsl.model.IpRange;

/**
 * One packet as selectors see it. Addresses are 128-bit numbers as in {@link IpRange}. A field the
 * protocol does not have (ports of icmp, the type of tcp) may hold any value: regions never tell
 * those values apart.
 */
public record Packet(BigInteger source, BigInteger destination, int protocol, int sourcePort, int destinationPort,
		int icmpType) {

	public Packet {
		if (!IpRange.ALL.contains(source) || !IpRange.ALL.contains(destination)) {
			throw new IllegalArgumentException("address out of range");
		}
		if (protocol < 0 || protocol > 255 || icmpType < 0 || icmpType > 255
				|| sourcePort < 0 || sourcePort > 65535 || destinationPort < 0 || destinationPort > 65535) {
			throw new IllegalArgumentException("field out of range");
		}
	}

	/** A packet from address texts, e.g. {@code Packet.of("10.1.1.10", "10.2.2.1", 6, 40000, 80, 0)}. */
	public static Packet of(String source, String destination, int protocol, int sourcePort, int destinationPort,
			int icmpType) {
		return new Packet(IpRange.parseAddress(source), IpRange.parseAddress(destination), protocol, sourcePort,
				destinationPort, icmpType);
	}

	/** The packet in the other host's terms: source and destination, and their ports, swapped. */
	public Packet mirrored() {
		return new Packet(destination, source, protocol, destinationPort, sourcePort, icmpType);
	}

	/** The value of one field. */
	public BigInteger field(Dimension dimension) {
		return switch (dimension) {
			case SOURCE -> source;
			case DESTINATION -> destination;
			case PROTOCOL -> BigInteger.valueOf(protocol);
			case SOURCE_PORT -> BigInteger.valueOf(sourcePort);
			case DESTINATION_PORT -> BigInteger.valueOf(destinationPort);
			case ICMP_TYPE -> BigInteger.valueOf(icmpType);
		};
	}

	/** The fields as (high word, low word) per {@link Dimension}, the form boxes compare. */
	long[] point() {
		Dimension[] dimensions = Dimension.values();
		long[] point = new long[2 * dimensions.length];
		for (Dimension dimension : dimensions) {
			BigInteger value = field(dimension);
			point[2 * dimension.ordinal()] = value.shiftRight(64).longValue();
			point[2 * dimension.ordinal() + 1] = value.longValue();
		}
		return point;
	}

	@Override
	public String toString() {
		return IpRange.format(source) + ":" + sourcePort + " -> " + IpRange.format(destination) + ":" + destinationPort
				+ " protocol " + protocol + " type " + icmpType;
	}
}
