package org.ipsl.runtime.spd;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.ipsl.model.IpRange;
import org.ipsl.model.Selector;
import org.ipsl.runtime.packet.Bytes;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.PacketDropped;

/**
 * The exact 5-tuple of one packet, as the SPD and its cache see it: source and destination as
 * 128-bit numbers (IPv4 in the IPv4-mapped block, as {@link IpRange} numbers them), the IP protocol,
 * the TCP or UDP ports (0 for other protocols) and the ICMP or ICMPv6 type (0 for other protocols).
 * The type is part of the key because a policy may select one ICMP type; HP-UX's cache has no
 * such field, Linux's flow key carries the type in the port slot the same way.
 */
public record Flow(long sourceHigh, long sourceLow, long destinationHigh, long destinationLow,
		int protocol, int sourcePort, int destinationPort, int icmpType) {

	/** The high word of every IPv4 address; the low word holds ::ffff:a.b.c.d. */
	static final long IPV4_LOW_BASE = 0xffffL << 32;

	public Flow {
		if (protocol < 0 || protocol > 255 || sourcePort < 0 || sourcePort > 65535 || destinationPort < 0
				|| destinationPort > 65535 || icmpType < 0 || icmpType > 255) {
			throw new IllegalArgumentException("not a 5-tuple: protocol " + protocol + ", ports " + sourcePort + " and "
					+ destinationPort + ", type " + icmpType);
		}
	}

	/**
	 * A flow from address texts; {@code sourcePort}/{@code destinationPort} are kept only for TCP
	 * and UDP, and for ICMP and ICMPv6 {@code sourcePort} is read as the type (as {@code
	 * ipsec_policy -sp} would be the only place to give it).
	 */
	public static Flow of(String source, String destination, int protocol, int sourcePort, int destinationPort) {
		return of(address(source), address(destination), protocol, sourcePort, destinationPort);
	}

	/** As {@link #of(String, String, int, int, int)}, from addresses. */
	public static Flow of(InetAddress source, InetAddress destination, int protocol, int sourcePort,
			int destinationPort) {
		boolean ports = Selector.hasPorts(protocol);
		boolean icmp = Selector.hasIcmpType(protocol);
		return new Flow(high(source), low(source), high(destination), low(destination), protocol,
				ports ? sourcePort : 0, ports ? destinationPort : 0, icmp ? sourcePort : 0);
	}

	/**
	 * The flow of an IP packet: its addresses, the protocol after the IPv6 extension headers, and
	 * the ports or ICMP type that follow.
	 *
	 * @throws PacketDropped {@link DropReason#MALFORMED} when the headers are not whole, and
	 *                       {@link DropReason#FRAGMENT} for a fragment (no ports to select on)
	 */
	public static Flow of(byte[] packet) {
		IpLayout layout = IpPacket.parse(packet, IpPacket.Walk.INBOUND);
		int protocol = layout.nextHeader();
		int at = layout.headerEnd();
		int sourcePort = 0;
		int destinationPort = 0;
		int type = 0;
		if (Selector.hasPorts(protocol)) {
			if (at + 4 > packet.length) {
				throw new PacketDropped(DropReason.MALFORMED, "no room for the ports");
			}
			sourcePort = Bytes.u16(packet, at);
			destinationPort = Bytes.u16(packet, at + 2);
		} else if (Selector.hasIcmpType(protocol)) {
			if (at + 1 > packet.length) {
				throw new PacketDropped(DropReason.MALFORMED, "no room for the ICMP type");
			}
			type = Bytes.u8(packet, at);
		}
		if (layout.version() == 4) {
			return new Flow(0, IPV4_LOW_BASE | Bytes.u32(packet, 12), 0, IPV4_LOW_BASE | Bytes.u32(packet, 16),
					protocol,
					sourcePort, destinationPort, type);
		}
		return new Flow(word(packet, 8), word(packet, 16), word(packet, 24), word(packet, 32), protocol, sourcePort,
				destinationPort, type);
	}

	/** An ICMP or ICMPv6 flow of the given type. */
	public static Flow icmp(String source, String destination, int protocol, int type) {
		if (!Selector.hasIcmpType(protocol)) {
			throw new IllegalArgumentException("not ICMP or ICMPv6: " + protocol);
		}
		return of(source, destination, protocol, type, 0);
	}

	private static InetAddress address(String text) {
		// Numbers only: the text is parsed by the model, never resolved through DNS.
		try {
			return InetAddress.getByAddress(toBytes(IpRange.parseAddress(text), text.indexOf(':') < 0));
		} catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static byte[] toBytes(BigInteger number, boolean ipv4) {
		byte[] bytes = new byte[ipv4 ? 4 : 16];
		for (int i = 0; i < bytes.length; i++) {
			bytes[bytes.length - 1 - i] = number.shiftRight(8 * i).byteValue();
		}
		return bytes;
	}

	static long high(InetAddress address) {
		if (address instanceof Inet4Address) {
			return 0;
		}
		byte[] bytes = address.getAddress();
		return word(bytes, 0);
	}

	static long low(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return IPV4_LOW_BASE | (word(bytes, 0) >>> 32);
		}
		return word(bytes, 8);
	}

	/** Eight bytes from {@code offset}, big-endian; fewer bytes are padded with zeros on the right. */
	private static long word(byte[] bytes, int offset) {
		long word = 0;
		for (int i = 0; i < 8; i++) {
			int at = offset + i;
			word = word << 8 | (at < bytes.length ? bytes[at] & 0xff : 0);
		}
		return word;
	}

	/** The same packet seen from its destination: ends and ports swapped. */
	public Flow mirrored() {
		return new Flow(destinationHigh, destinationLow, sourceHigh, sourceLow, protocol, destinationPort, sourcePort,
				icmpType);
	}

	public InetAddress source() {
		return inetAddress(sourceHigh, sourceLow);
	}

	public InetAddress destination() {
		return inetAddress(destinationHigh, destinationLow);
	}

	public boolean isIpv4() {
		return isIpv4(sourceHigh, sourceLow) && isIpv4(destinationHigh, destinationLow);
	}

	static boolean isIpv4(long high, long low) {
		return high == 0 && (low & 0xffff_ffff_0000_0000L) == IPV4_LOW_BASE;
	}

	static InetAddress inetAddress(long high, long low) {
		byte[] bytes;
		if (isIpv4(high, low)) {
			bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				bytes[i] = (byte) (low >>> 8 * (3 - i));
			}
		} else {
			bytes = new byte[16];
			for (int i = 0; i < 8; i++) {
				bytes[i] = (byte) (high >>> 8 * (7 - i));
				bytes[8 + i] = (byte) (low >>> 8 * (7 - i));
			}
		}
		try {
			return InetAddress.getByAddress(bytes);
		} catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** A mixing hash: the record's default would spread IPv4 flows that differ in one port poorly. */
	@Override
	public int hashCode() {
		long h = sourceLow * 0x9E3779B97F4A7C15L ^ destinationLow;
		h = h * 0xC2B2AE3D27D4EB4FL ^ sourceHigh ^ destinationHigh * 31;
		h = h * 0x9E3779B97F4A7C15L
				^ ((long) protocol << 40 | (long) sourcePort << 24 | (long) destinationPort << 8 | icmpType);
		h ^= h >>> 29;
		h *= 0xBF58476D1CE4E5B9L;
		return (int) (h ^ h >>> 32);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Flow f && sourceLow == f.sourceLow && destinationLow == f.destinationLow
				&& sourceHigh == f.sourceHigh && destinationHigh == f.destinationHigh && protocol == f.protocol
				&& sourcePort == f.sourcePort && destinationPort == f.destinationPort && icmpType == f.icmpType;
	}

	/** "tcp 10.1.1.10:40000 -> 10.2.2.20:22", "icmp type 8 10.1.1.10 -> 10.2.2.20", as the trace writes packets. */
	@Override
	public String toString() {
		String from = IpRange.format(number(sourceHigh, sourceLow));
		String to = IpRange.format(number(destinationHigh, destinationLow));
		if (Selector.hasPorts(protocol)) {
			return Selector.protocolName(protocol) + " " + endpoint(from, sourcePort) + " -> "
					+ endpoint(to, destinationPort);
		}
		String type = Selector.hasIcmpType(protocol) ? " type " + icmpType : "";
		return Selector.protocolName(protocol) + type + " " + from + " -> " + to;
	}

	private static String endpoint(String address, int port) {
		return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
	}

	static BigInteger number(long high, long low) {
		return new BigInteger(1, toBytes(high, low));
	}

	private static byte[] toBytes(long high, long low) {
		byte[] bytes = new byte[16];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (high >>> 8 * (7 - i));
			bytes[8 + i] = (byte) (low >>> 8 * (7 - i));
		}
		return bytes;
	}
}
