package org.ipsl.runtime.packet;

import static org.ipsl.runtime.packet.Bytes.put16;
import static org.ipsl.runtime.packet.Bytes.u16;
import static org.ipsl.runtime.packet.Bytes.u8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Reading and writing the IPv4 and IPv6 headers around ESP and AH. */
public final class IpPacket {

	public static final int IPV4_HEADER = 20;
	public static final int IPV6_HEADER = 40;
	public static final int MAX_LENGTH = 65_535;

	/** Protocol numbers (IANA). */
	public static final int PROTOCOL_IPV4 = 4;
	public static final int PROTOCOL_UDP = 17;
	public static final int PROTOCOL_IPV6 = 41;
	public static final int PROTOCOL_ESP = 50;
	public static final int PROTOCOL_AH = 51;
	public static final int NO_NEXT_HEADER = 59;
	static final int HOP_BY_HOP = 0;
	static final int ROUTING = 43;
	static final int FRAGMENT = 44;
	static final int DESTINATION_OPTIONS = 60;

	private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class,
			ByteOrder.BIG_ENDIAN);

	/** TTL or hop limit of the outer header this engine writes in tunnel mode. */
	private static final int OUTER_HOP_LIMIT = 64;

	/** How far {@link #parse} walks into a packet. */
	public enum Walk {
		/** Up to the ESP or AH header of a received packet: past every IPv6 extension header that precedes it. */
		INBOUND,
		/**
		 * Up to where transport mode inserts ESP or AH (RFC 4303 3.1.1): after IPv6 hop-by-hop and
		 * routing headers, and destination options only when a routing header follows them.
		 */
		TRANSPORT_INSERTION,
		/** The base header only; fragments allowed (the packet a tunnel carries). */
		BASE_HEADER
	}

	private IpPacket() {
	}

	/**
	 * Checks the packet's lengths (the whole array is the packet), its IPv4 header checksum and
	 * its extension-header chain, and finds where IPsec begins.
	 *
	 * @throws PacketDropped {@link DropReason#MALFORMED}, or {@link DropReason#FRAGMENT} for a
	 *                       fragment when the walk is not {@link Walk#BASE_HEADER}
	 */
	public static IpLayout parse(byte[] packet, Walk walk) {
		if (packet.length == 0) {
			throw new PacketDropped(DropReason.MALFORMED, "empty packet");
		}
		int version = u8(packet, 0) >>> 4;
		return switch (version) {
			case 4 -> parseIpv4(packet, walk);
			case 6 -> parseIpv6(packet, walk);
			default -> throw new PacketDropped(DropReason.MALFORMED, "IP version " + version);
		};
	}

	private static IpLayout parseIpv4(byte[] packet, Walk walk) {
		if (packet.length < IPV4_HEADER) {
			throw new PacketDropped(DropReason.MALFORMED, packet.length + " bytes, shorter than an IPv4 header");
		}
		int headerLength = (u8(packet, 0) & 0x0f) * 4;
		int totalLength = u16(packet, 2);
		if (totalLength != packet.length) {
			throw new PacketDropped(DropReason.MALFORMED,
					"IPv4 total length " + totalLength + " but " + packet.length + " bytes");
		}
		if (headerLength < IPV4_HEADER || headerLength > totalLength) {
			throw new PacketDropped(DropReason.MALFORMED, "IPv4 header length " + headerLength);
		}
		if (checksum(packet, 0, headerLength) != 0) {
			throw new PacketDropped(DropReason.MALFORMED, "bad IPv4 header checksum");
		}
		boolean fragment = (u16(packet, 6) & 0x3fff) != 0;
		if (fragment && walk != Walk.BASE_HEADER) {
			throw new PacketDropped(DropReason.FRAGMENT, "IPv4 fragment");
		}
		return new IpLayout(4, headerLength, 9, u8(packet, 9));
	}

	private static IpLayout parseIpv6(byte[] packet, Walk walk) {
		if (packet.length < IPV6_HEADER) {
			throw new PacketDropped(DropReason.MALFORMED, packet.length + " bytes, shorter than an IPv6 header");
		}
		int payloadLength = u16(packet, 4);
		if (IPV6_HEADER + payloadLength != packet.length) {
			throw new PacketDropped(DropReason.MALFORMED, "IPv6 payload length " + payloadLength + " but "
					+ (packet.length - IPV6_HEADER) + " bytes follow the header");
		}
		int nextHeaderOffset = 6;
		int offset = IPV6_HEADER;
		while (walk != Walk.BASE_HEADER) {
			int nextHeader = u8(packet, nextHeaderOffset);
			if (nextHeader == FRAGMENT) {
				throw new PacketDropped(DropReason.FRAGMENT, "IPv6 fragment");
			}
			boolean walked = switch (nextHeader) {
				case HOP_BY_HOP -> {
					if (offset != IPV6_HEADER) {
						throw new PacketDropped(DropReason.MALFORMED, "hop-by-hop header not first");
					}
					yield true;
				}
				case ROUTING -> true;
				case DESTINATION_OPTIONS -> walk == Walk.INBOUND || followedByRouting(packet, offset);
				default -> false;
			};
			if (!walked) {
				break;
			}
			int headerLength = extensionHeaderLength(packet, offset);
			nextHeaderOffset = offset;
			offset += headerLength;
		}
		return new IpLayout(6, offset, nextHeaderOffset, u8(packet, nextHeaderOffset));
	}

	private static boolean followedByRouting(byte[] packet, int offset) {
		extensionHeaderLength(packet, offset);
		return u8(packet, offset) == ROUTING;
	}

	/** The length of the IPv6 extension header at {@code offset}, checked to fit in the packet. */
	public static int extensionHeaderLength(byte[] packet, int offset) {
		if (offset + 8 > packet.length) {
			throw new PacketDropped(DropReason.MALFORMED, "IPv6 extension header beyond the packet");
		}
		int length = (u8(packet, offset + 1) + 1) * 8;
		if (offset + length > packet.length) {
			throw new PacketDropped(DropReason.MALFORMED, "IPv6 extension header beyond the packet");
		}
		return length;
	}

	/** Whether the bytes are long enough, for their version, to hold both addresses. */
	public static boolean hasAddresses(byte[] packet) {
		if (packet.length == 0) {
			return false;
		}
		int version = version(packet);
		return version == 4 && packet.length >= IPV4_HEADER || version == 6 && packet.length >= IPV6_HEADER;
	}

	public static InetAddress source(byte[] packet) {
		return address(packet, version(packet) == 4 ? 12 : 8);
	}

	public static InetAddress destination(byte[] packet) {
		return address(packet, destinationOffset(version(packet)));
	}

	/** Where the destination address lies in the header of IP version 4 or 6. */
	public static int destinationOffset(int version) {
		return version == 4 ? 16 : 24;
	}

	/** The length of an address of IP version 4 or 6. */
	public static int addressLength(int version) {
		return version == 4 ? 4 : 16;
	}

	private static InetAddress address(byte[] packet, int offset) {
		int length = addressLength(version(packet));
		try {
			return InetAddress.getByAddress(Arrays.copyOfRange(packet, offset, offset + length));
		} catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static int version(byte[] packet) {
		return u8(packet, 0) >>> 4;
	}

	/** The IPv4 type of service or the IPv6 traffic class (DSCP and ECN). */
	public static int trafficClass(byte[] packet) {
		return version(packet) == 4 ? u8(packet, 1) : (u16(packet, 0) >>> 4) & 0xff;
	}

	/**
	 * Sets the length field to the array's length, and for IPv4 recomputes the header checksum.
	 *
	 * @throws PacketDropped {@link DropReason#TOO_BIG} beyond 65,535 bytes
	 */
	public static void fixLength(byte[] packet) {
		if (version(packet) == 4) {
			if (packet.length > MAX_LENGTH) {
				throw new PacketDropped(DropReason.TOO_BIG, packet.length + " bytes");
			}
			put16(packet, 2, packet.length);
			int headerLength = (u8(packet, 0) & 0x0f) * 4;
			put16(packet, 10, 0);
			put16(packet, 10, checksum(packet, 0, headerLength));
		} else {
			if (packet.length - IPV6_HEADER > MAX_LENGTH) {
				throw new PacketDropped(DropReason.TOO_BIG, packet.length + " bytes");
			}
			put16(packet, 4, packet.length - IPV6_HEADER);
		}
	}

	/** The length of the header {@link #writeOuterHeader} writes for these addresses. */
	public static int outerHeaderLength(InetAddress source) {
		return source instanceof Inet4Address ? IPV4_HEADER : IPV6_HEADER;
	}

	/**
	 * Writes a tunnel-mode outer header at the start of {@code packet}, whose length is the whole
	 * array; {@link #fixLength} must follow once the rest is written, for the checksum.
	 *
	 * @param identification the IPv4 identification; ignored for IPv6
	 */
	public static void writeOuterHeader(byte[] packet, InetAddress source, InetAddress destination, int protocol,
			int trafficClass, int identification) {
		byte[] from = source.getAddress();
		byte[] to = destination.getAddress();
		if (from.length == 4) {
			packet[0] = 0x45;
			packet[1] = (byte) trafficClass;
			put16(packet, 4, identification);
			put16(packet, 6, 0);
			packet[8] = (byte) OUTER_HOP_LIMIT;
			packet[9] = (byte) protocol;
			System.arraycopy(from, 0, packet, 12, 4);
			System.arraycopy(to, 0, packet, 16, 4);
		} else {
			packet[0] = (byte) (0x60 | trafficClass >>> 4);
			packet[1] = (byte) (trafficClass << 4);
			packet[2] = 0;
			packet[3] = 0;
			packet[6] = (byte) protocol;
			packet[7] = (byte) OUTER_HOP_LIMIT;
			System.arraycopy(from, 0, packet, 8, 16);
			System.arraycopy(to, 0, packet, 24, 16);
		}
	}

	/** The Internet checksum (RFC 1071) of a range; 0 over a header whose checksum is right. */
	public static int checksum(byte[] bytes, int offset, int length) {
		long sum = 0;
		int end = offset + length;
		int i = offset;
		// Four bytes at a time, as every packet is checked: 2^16 is 1 modulo 0xffff, so a 32-bit
		// word adds to the one's-complement sum what its two 16-bit halves add.
		for (; i + 3 < end; i += 4) {
			sum += (int) BIG_ENDIAN_INT.get(bytes, i) & 0xffff_ffffL;
		}
		if (i + 1 < end) {
			sum += u16(bytes, i);
			i += 2;
		}
		if (i < end) {
			sum += u8(bytes, i) << 8;
		}
		while (sum >>> 16 != 0) {
			sum = (sum & 0xffff) + (sum >>> 16);
		}
		return (int) ~sum & 0xffff;
	}
}
