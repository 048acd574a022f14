package org.ipsl.runtime.ah;

import static org.ipsl.runtime.packet.Bytes.put32;
import static org.ipsl.runtime.packet.Bytes.u32;
import static org.ipsl.runtime.packet.Bytes.u8;

import java.net.Inet4Address;
import java.util.Arrays;
import org.ipsl.runtime.crypto.SaCrypto;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.packet.PacketDropped;
import org.ipsl.runtime.packet.Tunnel;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;

/**
 * AH (RFC 4302) over IPv4 and IPv6 packets given as byte arrays, in transport and tunnel mode.
 * <pre>
 * [IP header (transport) or new outer header (tunnel)]
 *     next header | payload length | reserved | SPI | sequence | ICV (+ padding) | payload
 * </pre>
 * The ICV covers the whole packet with the fields that routers change zeroed ({@link MutableFields}).
 * Every failure is a {@link Outcome.Dropped}; nothing is thrown.
 */
public final class Ah {

	private static final int FIXED_PART = 12;

	private Ah() {
	}

	/** Protects an outbound IP packet with an outbound SA, into an array taken from {@code arrays}. */
	public static Outcome protect(SecurityAssociation sa, byte[] packet, PacketArrays arrays) {
		return Outcome.of(() -> {
			synchronized (sa) {
				return seal(sa, packet, arrays);
			}
		});
	}

	/**
	 * Checks and removes the AH of a received packet whose SPI, destination and protocol name this SA.
	 *
	 * @param layout the packet's {@link IpPacket.Walk#INBOUND} layout, which found AH
	 * @param arrays  where the recovered packet's array is taken from
	 */
	public static Outcome unprotect(SecurityAssociation sa, byte[] packet, IpLayout layout, PacketArrays arrays) {
		return Outcome.of(() -> {
			synchronized (sa) {
				return open(sa, packet, layout, arrays);
			}
		});
	}

	/** AH's length: its ICV padded to 32 bits for IPv4 and to 64 bits for IPv6 (RFC 4302 2.6). */
	private static int ahLength(SaCrypto crypto, int ipVersion) {
		int alignment = ipVersion == 4 ? 4 : 8;
		return (FIXED_PART + crypto.icvBytes() + alignment - 1) / alignment * alignment;
	}

	private static byte[] seal(SecurityAssociation sa, byte[] packet, PacketArrays arrays) {
		SaSpec spec = sa.spec();
		SaCrypto crypto = sa.crypto();
		boolean tunnel = spec.mode() == Mode.TUNNEL;
		SecurityAssociation.Outgoing outgoing = sa.startOutbound(packet);
		IpLayout layout = outgoing.layout();
		long sequence = outgoing.sequence();
		int outerVersion = tunnel ? (spec.source() instanceof Inet4Address ? 4 : 6) : layout.version();
		int ahLength = ahLength(crypto, outerVersion);
		int ah = tunnel ? IpPacket.outerHeaderLength(spec.source()) : layout.headerEnd();
		int payloadStart = tunnel ? 0 : layout.headerEnd();
		byte[] out = arrays.take(ah + ahLength + packet.length - payloadStart);

		if (tunnel) {
			IpPacket.writeOuterHeader(out, spec.source(), spec.destination(), IpPacket.PROTOCOL_AH,
					IpPacket.trafficClass(packet), (int) sequence);
		} else {
			System.arraycopy(packet, 0, out, 0, ah);
			out[layout.nextHeaderOffset()] = (byte) IpPacket.PROTOCOL_AH;
		}
		out[ah] = (byte) (tunnel ? Tunnel.innerProtocol(layout) : layout.nextHeader());
		out[ah + 1] = (byte) (ahLength / 4 - 2);
		// The reserved field, and the ICV field with its padding until the ICV is written: zero.
		Arrays.fill(out, ah + 2, ah + 4, (byte) 0);
		Arrays.fill(out, ah + FIXED_PART, ah + ahLength, (byte) 0);
		put32(out, ah + 4, spec.spi());
		put32(out, ah + 8, sequence);
		System.arraycopy(packet, payloadStart, out, ah + ahLength, packet.length - payloadStart);
		IpPacket.fixLength(out);

		byte[] icvInput = MutableFields.zeroed(out, outerVersion, ah, crypto.icvBytes());
		crypto.computeIcv(icvInput, 0, icvInput.length, out, ah + FIXED_PART);
		return out;
	}

	private static byte[] open(SecurityAssociation sa, byte[] packet, IpLayout layout, PacketArrays arrays) {
		SaSpec spec = sa.spec();
		SaCrypto crypto = sa.crypto();
		int ah = layout.headerEnd();
		if (layout.nextHeader() != IpPacket.PROTOCOL_AH) {
			throw new PacketDropped(DropReason.MALFORMED, "protocol " + layout.nextHeader() + ", not AH");
		}
		if (packet.length - ah < FIXED_PART) {
			throw new PacketDropped(DropReason.TRUNCATED, (packet.length - ah) + " bytes of AH");
		}
		int ahLength = (u8(packet, ah + 1) + 2) * 4;
		if (ah + ahLength > packet.length) {
			throw new PacketDropped(DropReason.TRUNCATED,
					"AH of " + ahLength + " bytes, " + (packet.length - ah) + " present");
		}
		int expected = ahLength(crypto, layout.version());
		if (ahLength != expected) {
			throw new PacketDropped(DropReason.MALFORMED,
					"AH of " + ahLength + " bytes, the SA's ICV makes " + expected);
		}
		if (u32(packet, ah + 4) != spec.spi()) {
			throw new PacketDropped(DropReason.UNKNOWN_SPI, "SPI of another SA");
		}
		long sequence = u32(packet, ah + 8);
		sa.replayWindow().requireFresh(sequence);

		byte[] icvInput = MutableFields.zeroed(packet, layout.version(), ah, crypto.icvBytes());
		if (!crypto.verifyIcv(icvInput, 0, icvInput.length, packet, ah + FIXED_PART)) {
			throw new PacketDropped(DropReason.ICV_MISMATCH, "sequence " + sequence);
		}
		sa.replayWindow().accept(sequence);

		int nextHeader = u8(packet, ah);
		int payload = ah + ahLength;
		if (spec.mode() == Mode.TUNNEL) {
			return Tunnel.decapsulate(nextHeader, packet, payload, packet.length, arrays);
		}
		byte[] out = arrays.take(packet.length - ahLength);
		System.arraycopy(packet, 0, out, 0, ah);
		out[layout.nextHeaderOffset()] = (byte) nextHeader;
		System.arraycopy(packet, payload, out, ah, packet.length - payload);
		IpPacket.fixLength(out);
		return out;
	}
}
