package org.ipsl.runtime.live;

import java.net.InetAddress;
import java.util.Arrays;

import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.PacketDropped;

/**
 * ESP in UDP (RFC 3948): the UDP payload is the ESP packet from its SPI on; the IP header is the
 * UDP datagram's own. A payload that starts with four zero bytes (the non-ESP marker, as an SPI of
 * 0 is reserved) is an IKE message, and a single 0xFF byte is a NAT-keepalive; neither is ESP.
 */
public final class UdpEncapsulation {
	/** RFC 3948's port for ESP in UDP and IKE with the non-ESP marker. */
	public static final int PORT = 4500;

	/** What one UDP payload is. */
	public enum Kind {
		ESP,
		/** Four zero bytes first: IKE, for the key daemon (RFC 3948 2.2). */
		NON_ESP,
		/** One byte, 0xFF (RFC 3948 2.3). */
		KEEPALIVE,
		/** Too short to be any of them. */
		MALFORMED
	}

	/** The smallest ESP payload: SPI and sequence number. */
	private static final int ESP_HEADER = 8;

	private UdpEncapsulation() {
	}

	public static Kind classify(byte[] payload, int length) {
		if (length == 1 && (payload[0] & 0xff) == 0xff)
			return Kind.KEEPALIVE;
		if (length >= 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0 && payload[3] == 0)
			return Kind.NON_ESP;
		return length >= ESP_HEADER ? Kind.ESP : Kind.MALFORMED;
	}

	/**
	 * The UDP payload that carries an ESP packet: the packet without its IP header.
	 *
	 * @throws IllegalArgumentException when the packet is not ESP (AH cannot be carried: RFC 3948 is for ESP)
	 */
	public static byte[] encapsulate(byte[] espPacket) {
		IpLayout layout;
		try {
			layout = IpPacket.parse(espPacket, IpPacket.Walk.INBOUND);
		} catch (PacketDropped e) {
			throw new IllegalArgumentException("not an IP packet");
		}
		if (layout.nextHeader() != IpPacket.PROTOCOL_ESP)
			throw new IllegalArgumentException("ESP in UDP carries ESP only, not IP protocol " + layout.nextHeader());
		return Arrays.copyOfRange(espPacket, layout.headerEnd(), espPacket.length);
	}

	/**
	 * The ESP packet as the IPsec layer receives it after decapsulation: an IP header with the
	 * addresses the SAs are keyed by, then the UDP payload.
	 */
	public static byte[] decapsulate(byte[] payload, int length, InetAddress source, InetAddress destination) {
		int header = IpPacket.outerHeaderLength(source);
		byte[] packet = new byte[header + length];
		IpPacket.writeOuterHeader(packet, source, destination, IpPacket.PROTOCOL_ESP, 0, 0);
		System.arraycopy(payload, 0, packet, header, length);
		IpPacket.fixLength(packet);
		return packet;
	}
}
