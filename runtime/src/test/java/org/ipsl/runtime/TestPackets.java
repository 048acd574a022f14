package org.ipsl.runtime;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.ipsl.runtime.packet.Bytes;
import org.ipsl.runtime.packet.IpPacket;

/** IP packets for tests, built field by field with correct lengths and checksums. */
public final class TestPackets {

	public static final int SOURCE_PORT = 40000;
	public static final int DESTINATION_PORT = 9999;

	private TestPackets() {
	}

	public static InetAddress address(String text) {
		try {
			return InetAddress.getByName(text);
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException(text, e);
		}
	}

	/** Hex digits, spaces ignored, as RFCs print them. */
	public static byte[] hex(String digits) {
		return HexFormat.of().parseHex(digits.replace(" ", "").replace("\n", ""));
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	/** A UDP datagram from port 40000 to port 9999, IPv4 or IPv6 after the addresses. */
	public static byte[] udp(String source, String destination, byte[] payload) {
		InetAddress from = address(source);
		InetAddress to = address(destination);
		byte[] datagram = udpDatagram(from, to, payload);
		return from instanceof Inet4Address
				? ipv4(from, to, IpPacket.PROTOCOL_UDP, new byte[0], datagram)
				: ipv6(from, to, IpPacket.PROTOCOL_UDP, datagram);
	}

	private static byte[] udpDatagram(InetAddress source, InetAddress destination, byte[] payload) {
		byte[] datagram = new byte[8 + payload.length];
		Bytes.put16(datagram, 0, SOURCE_PORT);
		Bytes.put16(datagram, 2, DESTINATION_PORT);
		Bytes.put16(datagram, 4, datagram.length);
		System.arraycopy(payload, 0, datagram, 8, payload.length);
		byte[] from = source.getAddress();
		byte[] to = destination.getAddress();
		byte[] pseudo = new byte[from.length * 2 + 8 + datagram.length];
		System.arraycopy(from, 0, pseudo, 0, from.length);
		System.arraycopy(to, 0, pseudo, from.length, to.length);
		Bytes.put32(pseudo, from.length * 2, datagram.length);
		Bytes.put32(pseudo, from.length * 2 + 4, IpPacket.PROTOCOL_UDP);
		System.arraycopy(datagram, 0, pseudo, from.length * 2 + 8, datagram.length);
		int checksum = IpPacket.checksum(pseudo, 0, pseudo.length);
		Bytes.put16(datagram, 6, checksum == 0 ? 0xffff : checksum);
		return datagram;
	}

	/** An IPv4 packet: TTL 64, DF set, identification 0x1234, the options given (a multiple of 4 bytes). */
	public static byte[] ipv4(InetAddress source, InetAddress destination, int protocol, byte[] options,
			byte[] payload) {
		int headerLength = IpPacket.IPV4_HEADER + options.length;
		byte[] packet = new byte[headerLength + payload.length];
		packet[0] = (byte) (0x40 | headerLength / 4);
		packet[1] = 0x10;
		Bytes.put16(packet, 4, 0x1234);
		Bytes.put16(packet, 6, 0x4000);
		packet[8] = 64;
		packet[9] = (byte) protocol;
		System.arraycopy(source.getAddress(), 0, packet, 12, 4);
		System.arraycopy(destination.getAddress(), 0, packet, 16, 4);
		System.arraycopy(options, 0, packet, IpPacket.IPV4_HEADER, options.length);
		System.arraycopy(payload, 0, packet, headerLength, payload.length);
		IpPacket.fixLength(packet);
		return packet;
	}

	/** An IPv6 packet whose first next header is {@code nextHeader}; {@code rest} holds any extension headers and the payload. */
	public static byte[] ipv6(InetAddress source, InetAddress destination, int nextHeader, byte[] rest) {
		byte[] packet = new byte[IpPacket.IPV6_HEADER + rest.length];
		packet[0] = 0x62;
		packet[1] = 0x31;
		packet[2] = 0x23;
		packet[3] = 0x45;
		packet[6] = (byte) nextHeader;
		packet[7] = 64;
		System.arraycopy(source.getAddress(), 0, packet, 8, 16);
		System.arraycopy(destination.getAddress(), 0, packet, 24, 16);
		System.arraycopy(rest, 0, packet, IpPacket.IPV6_HEADER, rest.length);
		IpPacket.fixLength(packet);
		return packet;
	}

	public static byte[] payload(int length, int seed) {
		byte[] payload = new byte[length];
		for (int i = 0; i < length; i++) {
			payload[i] = (byte) (seed * 31 + i * 7);
		}
		return payload;
	}

	public static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}
}
