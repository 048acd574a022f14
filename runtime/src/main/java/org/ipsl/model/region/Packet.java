package org.ipsl.model.region;

import java.math.BigInteger;
import org.ipsl.model.IpRange;

/**
 * One packet as selectors see it. Addresses are 128-bit numbers as in {@link IpRange}. A field the
 * protocol does not have (ports of icmp, the type of tcp) may hold any value: regions never tell
 * those values apart.
 */
public record Packet(BigInteger source, BigInteger destination, int protocol, int sourcePort, int destinationPort, int icmpType) {

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
    public static Packet of(String source, String destination, int protocol, int sourcePort, int destinationPort, int icmpType) {
        return new Packet(IpRange.parseAddress(source), IpRange.parseAddress(destination), protocol, sourcePort, destinationPort, icmpType);
    }

    /** The fields as (high word, low word) per {@link Dimension}, the form boxes compare. */
    long[] point() {
        BigInteger[] values = {source, destination, BigInteger.valueOf(protocol), BigInteger.valueOf(sourcePort),
                BigInteger.valueOf(destinationPort), BigInteger.valueOf(icmpType)};
        long[] point = new long[2 * values.length];
        for (int d = 0; d < values.length; d++) {
            point[2 * d] = values[d].shiftRight(64).longValue();
            point[2 * d + 1] = values[d].longValue();
        }
        return point;
    }

    @Override
    public String toString() {
        return IpRange.format(source) + ":" + sourcePort + " -> " + IpRange.format(destination) + ":" + destinationPort
                + " protocol " + protocol + " type " + icmpType;
    }
}
