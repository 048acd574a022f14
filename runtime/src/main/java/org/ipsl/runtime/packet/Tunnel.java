package org.ipsl.runtime.packet;

/** What ESP and AH share about the packet a tunnel-mode SA carries. */
public final class Tunnel {

	private Tunnel() {
	}

	/** The next-header value that announces this packet inside a tunnel: 4 or 41. */
	public static int innerProtocol(IpLayout inner) {
		return inner.version() == 4 ? IpPacket.PROTOCOL_IPV4 : IpPacket.PROTOCOL_IPV6;
	}

	/**
	 * The inner packet of a received tunnel-mode packet, {@code bytes[from, to)}, checked to be the
	 * IP packet the next header announced, in an array taken from {@code arrays}.
	 *
	 * @throws PacketDropped {@link DropReason#BAD_NEXT_HEADER} when the next header is not 4 or 41,
	 *                       {@link DropReason#BAD_INNER_PACKET} when the bytes are not such a packet
	 */
	public static byte[] decapsulate(int nextHeader, byte[] bytes, int from, int to, PacketArrays arrays) {
		if (nextHeader != IpPacket.PROTOCOL_IPV4 && nextHeader != IpPacket.PROTOCOL_IPV6) {
			throw new PacketDropped(DropReason.BAD_NEXT_HEADER, "next header " + nextHeader + " in tunnel mode");
		}
		byte[] inner = arrays.take(to - from);
		System.arraycopy(bytes, from, inner, 0, to - from);
		IpLayout layout;
		try {
			layout = IpPacket.parse(inner, IpPacket.Walk.BASE_HEADER);
		} catch (PacketDropped malformed) {
			throw new PacketDropped(DropReason.BAD_INNER_PACKET, malformed.getMessage());
		}
		if (innerProtocol(layout) != nextHeader) {
			throw new PacketDropped(DropReason.BAD_INNER_PACKET,
					"IPv" + layout.version() + " packet under next header " + nextHeader);
		}
		return inner;
	}
}
