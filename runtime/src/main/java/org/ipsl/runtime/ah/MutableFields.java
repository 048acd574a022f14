package org.ipsl.runtime.ah;

import static org.ipsl.runtime.packet.Bytes.u8;

import java.util.Arrays;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.PacketDropped;

/**
 * The packet as AH's ICV sees it (RFC 4302 3.3.3.1): the fields a router may change on the way are
 * zeroed, and so is the ICV itself. IPv4: type of service, flags and fragment offset, TTL, header
 * checksum, and every option not listed immutable in RFC 4302 appendix A (zeroed whole). IPv6:
 * traffic class, flow label, hop limit, and the data of hop-by-hop and destination options whose
 * type has the may-change bit. Source routes are not predicted: routing headers count as they are.
 * The ICV's padding, if any, is covered as sent (RFC 4302 3.3.3.2.1).
 */
final class MutableFields {

	/** IPv4 options RFC 4302 A.1 lists as immutable, besides end-of-list and no-operation. */
	private static final int[] IMMUTABLE_IPV4_OPTIONS = {130, 133, 134, 148, 149};
	private static final int END_OF_OPTIONS = 0;
	private static final int NO_OPERATION = 1;
	private static final int PAD1 = 0;
	private static final int MAY_CHANGE = 0x20;
	private static final int HOP_BY_HOP = 0;
	private static final int DESTINATION_OPTIONS = 60;

	private MutableFields() {
	}

	/** A copy of {@code packet} ready for the ICV; the AH header is at {@code ah}, its ICV {@code icvBytes} long. */
	static byte[] zeroed(byte[] packet, int version, int ah, int icvBytes) {
		byte[] copy = packet.clone();
		if (version == 4) {
			zeroIpv4(copy);
		} else {
			zeroIpv6(copy, ah);
		}
		Arrays.fill(copy, ah + 12, ah + 12 + icvBytes, (byte) 0);
		return copy;
	}

	private static void zeroIpv4(byte[] packet) {
		packet[1] = 0;
		packet[6] = 0;
		packet[7] = 0;
		packet[8] = 0;
		packet[10] = 0;
		packet[11] = 0;
		int end = (u8(packet, 0) & 0x0f) * 4;
		int i = IpPacket.IPV4_HEADER;
		while (i < end) {
			int type = u8(packet, i);
			if (type == END_OF_OPTIONS) {
				return;
			}
			if (type == NO_OPERATION) {
				i++;
				continue;
			}
			int length = i + 1 < end ? u8(packet, i + 1) : 0;
			if (length < 2 || i + length > end) {
				throw new PacketDropped(DropReason.MALFORMED, "IPv4 option " + type + " overruns the header");
			}
			if (Arrays.stream(IMMUTABLE_IPV4_OPTIONS).noneMatch(immutable -> immutable == type)) {
				Arrays.fill(packet, i, i + length, (byte) 0);
			}
			i += length;
		}
	}

	private static void zeroIpv6(byte[] packet, int ah) {
		packet[0] &= (byte) 0xf0;
		packet[1] = 0;
		packet[2] = 0;
		packet[3] = 0;
		packet[7] = 0;
		int nextHeader = u8(packet, 6);
		int offset = IpPacket.IPV6_HEADER;
		while (offset < ah) {
			int length = IpPacket.extensionHeaderLength(packet, offset);
			if (nextHeader == HOP_BY_HOP || nextHeader == DESTINATION_OPTIONS) {
				zeroChangingOptions(packet, offset + 2, offset + length);
			}
			nextHeader = u8(packet, offset);
			offset += length;
		}
	}

	/** IPv6 options (RFC 8200 4.2): the data of those whose type says it may change en route. */
	private static void zeroChangingOptions(byte[] packet, int from, int to) {
		int i = from;
		while (i < to) {
			int type = u8(packet, i);
			if (type == PAD1) {
				i++;
				continue;
			}
			if (i + 2 > to || i + 2 + u8(packet, i + 1) > to) {
				throw new PacketDropped(DropReason.MALFORMED, "IPv6 option " + type + " overruns its header");
			}
			int dataLength = u8(packet, i + 1);
			if ((type & MAY_CHANGE) != 0) {
				Arrays.fill(packet, i + 2, i + 2 + dataLength, (byte) 0);
			}
			i += 2 + dataLength;
		}
	}
}
