package org.ipsl.runtime.trace;

import static org.ipsl.runtime.packet.Bytes.put16;
import static org.ipsl.runtime.packet.Bytes.put32;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipsl.model.IpProtocol;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;
import org.ipsl.runtime.packet.IpPacket;

/**
 * A packet a host sends, as a trace or the live mode writes it: {@code tcp 10.1.1.10:40000 -> 10.2.2.20:22},
 * {@code udp [2001:db8::1]:5000 -> [2001:db8::2]:514}, {@code icmp 10.0.0.1 -> 10.0.0.2}, or a protocol
 * number. {@link #bytes} builds it as a real IPv4 or IPv6 packet with correct checksums: a TCP
 * segment (PSH+ACK), a UDP datagram or an ICMP echo request carrying the payload.
 */
public record TracePacket(int protocol, InetAddress source, int sourcePort, InetAddress destination,
		int destinationPort) {

	private static final Pattern FORM = Pattern.compile("\\s*(\\S+)\\s+(\\S+)\\s*->\\s*(\\S+)\\s*");
	private static final int ICMP_ECHO_REQUEST = 8;
	private static final int ICMPV6_ECHO_REQUEST = 128;

	public TracePacket {
		if (source.getClass() != destination.getClass())
			throw new IllegalArgumentException("the source and the destination are not of one address family");
		if (sourcePort < 0 || sourcePort > PortRange.MAX_PORT || destinationPort < 0
				|| destinationPort > PortRange.MAX_PORT)
			throw new IllegalArgumentException("a port is outside 0-65535");
	}

	/** @throws IllegalArgumentException saying what is wrong with the text and what is expected */
	public static TracePacket parse(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches())
			throw new IllegalArgumentException(
					"'" + text + "' is not a packet: write e.g. \"tcp 10.1.1.10:40000 -> 10.2.2.20:22\"");
		int protocol = protocol(m.group(1));
		End from = End.parse(m.group(2)), to = End.parse(m.group(3));
		boolean ports = Selector.hasPorts(protocol);
		if (!ports && (from.port() != null || to.port() != null))
			throw new IllegalArgumentException(
					"'" + m.group(1) + "' has no ports: write e.g. \"icmp 10.0.0.1 -> 10.0.0.2\"");
		if (ports && (from.port() == null || to.port() == null))
			throw new IllegalArgumentException(
					"a " + m.group(1) + " packet needs both ports: write e.g. \"" + m.group(1)
							+ " 10.1.1.10:40000 -> 10.2.2.20:22\"");
		return new TracePacket(protocol, address(from.address()), ports ? port(from.port()) : 0, address(to.address()),
				ports ? port(to.port()) : 0);
	}

	/** One end as written: {@code 10.0.0.1}, {@code 10.0.0.1:22}, {@code 2001:db8::1}, {@code [2001:db8::1]:22}. */
	private record End(String address, String port) {
		static End parse(String text) {
			if (text.startsWith("[")) {
				int close = text.indexOf(']');
				String rest = close < 0 ? "" : text.substring(close + 1);
				if (close < 0 || !rest.isEmpty() && !rest.startsWith(":"))
					throw new IllegalArgumentException("'" + text + "' is not an address: write [IPv6]:port");
				return new End(text.substring(1, close), rest.isEmpty() ? null : rest.substring(1));
			}
			int colon = text.indexOf(':');
			if (colon >= 0 && colon == text.lastIndexOf(':'))
				return new End(text.substring(0, colon), text.substring(colon + 1));
			return new End(text, null);
		}
	}

	/** A protocol by name (tcp, udp, icmp, icmpv6) or number. */
	public static int protocol(String name) {
		Optional<IpProtocol> named = IpProtocol.byKeyword(name.toLowerCase(Locale.ROOT));
		if (named.isPresent())
			return named.get().number();
		if (!name.matches("\\d{1,3}") || Integer.parseInt(name) > 255)
			throw new IllegalArgumentException("'" + name + "' is not a protocol: tcp, udp, icmp, icmpv6 or 0-255");
		return Integer.parseInt(name);
	}

	/** A numeric address only: it is parsed by the model first, so no name is ever resolved. */
	private static InetAddress address(String text) {
		try {
			IpRange range = IpRange.parse(text);
			if (text.contains("/"))
				throw new IllegalArgumentException();
			return InetAddress.getByName(range.isIpv4() ? text : IpRange.format(range.first()));
		} catch (IllegalArgumentException | UnknownHostException e) {
			throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
		}
	}

	private static int port(String text) {
		int port = !text.matches("\\d{1,5}") ? -1 : Integer.parseInt(text);
		if (port < 0 || port > PortRange.MAX_PORT)
			throw new IllegalArgumentException("port '" + text + "' is not a number in 0-65535");
		return port;
	}

	public boolean isIpv4() {
		return source instanceof Inet4Address;
	}

	/** The packet's ICMP type, for selectors that name one. */
	public OptionalInt icmpType() {
		return protocol == Selector.ICMP
				? OptionalInt.of(ICMP_ECHO_REQUEST)
				: protocol == Selector.ICMPV6 ? OptionalInt.of(ICMPV6_ECHO_REQUEST) : OptionalInt.empty();
	}

	/** This one packet in the plain model's terms, from the sender's side (local = source). */
	public Region region() {
		boolean ports = Selector.hasPorts(protocol);
		return Region.of(new Selector(protocol, List.of(IpRange.parse(source.getHostAddress())),
				List.of(IpRange.parse(destination.getHostAddress())),
				ports ? PortRange.of(sourcePort) : PortRange.ALL, ports ? PortRange.of(destinationPort) : PortRange.ALL,
				icmpType()));
	}

	/** The packet with the trace's own payload. */
	public byte[] bytes() {
		return bytes("IPSL trace\n".getBytes(StandardCharsets.US_ASCII), 0);
	}

	/**
	 * The whole IP packet.
	 *
	 * @param sequence the TCP sequence number, ICMP echo sequence (low 16 bits) and IPv4 identification
	 */
	public byte[] bytes(byte[] payload, long sequence) {
		int transport = switch (protocol) {
			case Selector.TCP -> 20;
			case Selector.UDP -> 8;
			case Selector.ICMP, Selector.ICMPV6 -> 8;
			default -> 0;
		};
		int header = isIpv4() ? IpPacket.IPV4_HEADER : IpPacket.IPV6_HEADER;
		byte[] packet = new byte[header + transport + payload.length];
		IpPacket.writeOuterHeader(packet, source, destination, protocol, 0, (int) sequence & 0xffff);
		IpPacket.fixLength(packet);
		System.arraycopy(payload, 0, packet, header + transport, payload.length);
		int t = header;
		switch (protocol) {
			case Selector.TCP -> {
				put16(packet, t, sourcePort);
				put16(packet, t + 2, destinationPort);
				put32(packet, t + 4, sequence);
				put32(packet, t + 8, 1);
				packet[t + 12] = 5 << 4;
				packet[t + 13] = 0x18; // PSH, ACK
				put16(packet, t + 14, 65535);
				put16(packet, t + 16, transportChecksum(packet, header));
			}
			case Selector.UDP -> {
				put16(packet, t, sourcePort);
				put16(packet, t + 2, destinationPort);
				put16(packet, t + 4, transport + payload.length);
				int checksum = transportChecksum(packet, header);
				put16(packet, t + 6, checksum == 0 ? 0xffff : checksum);
			}
			case Selector.ICMP, Selector.ICMPV6 -> {
				packet[t] = (byte) icmpType().getAsInt();
				put16(packet, t + 4, 0x1953);
				put16(packet, t + 6, (int) sequence & 0xffff);
				// ICMPv4's checksum covers the message only; ICMPv6's also the pseudo-header.
				put16(packet, t + 2, protocol == Selector.ICMP
						? IpPacket.checksum(packet, t, packet.length - t)
						: transportChecksum(packet, header));
			}
			default -> {
			}
		}
		return packet;
	}

	/** The checksum over the pseudo-header (RFC 793, RFC 768, RFC 8200 8.1) and the transport bytes. */
	private int transportChecksum(byte[] packet, int header) {
		byte[] from = source.getAddress(), to = destination.getAddress();
		int length = packet.length - header;
		byte[] sum = new byte[from.length * 2 + (isIpv4() ? 4 : 8) + length];
		System.arraycopy(from, 0, sum, 0, from.length);
		System.arraycopy(to, 0, sum, from.length, to.length);
		int p = from.length * 2;
		if (isIpv4()) {
			sum[p + 1] = (byte) protocol;
			put16(sum, p + 2, length);
			p += 4;
		} else {
			put32(sum, p, length);
			sum[p + 7] = (byte) protocol;
			p += 8;
		}
		System.arraycopy(packet, header, sum, p, length);
		return IpPacket.checksum(sum, 0, sum.length);
	}

	/** {@code tcp 10.1.1.10:40000 -> 10.2.2.20:22}, as parsed. */
	@Override
	public String toString() {
		return IpProtocol.written(protocol, IpProtocol::keyword) + " " + end(source, sourcePort) + " -> "
				+ end(destination, destinationPort);
	}

	private String end(InetAddress address, int port) {
		String text = isIpv4()
				? address.getHostAddress()
				: IpRange.format(IpRange.parse(address.getHostAddress()).first());
		if (!Selector.hasPorts(protocol))
			return text;
		return (isIpv4() ? text : "[" + text + "]") + ":" + port;
	}
}
