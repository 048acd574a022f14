package org.ipsl.runtime.esp;

import static org.ipsl.runtime.packet.Bytes.put32;
import static org.ipsl.runtime.packet.Bytes.u32;
import static org.ipsl.runtime.packet.Bytes.u8;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.SaCrypto;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.packet.PacketDropped;
import org.ipsl.runtime.packet.Tunnel;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.ReplayWindow;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;

/**
 * ESP (RFC 4303) over IPv4 and IPv6 packets given as byte arrays, in transport and tunnel mode.
 * <pre>
 * [IP header (transport) or new outer header (tunnel)] SPI | sequence | IV |
 *     encrypted(payload | padding 1, 2, 3, … | pad length | next header) | ICV
 * </pre>
 * Padding is the least that aligns the encrypted part to the cipher's block (4 bytes at least).
 * CBC IVs come from the {@link IvSource} (by default a SecureRandom, NIST SP 800-90A DRBG); AES-GCM
 * IVs are counter-based, from {@link SaCrypto#combinedModeIv}. Every failure is a
 * {@link Outcome.Dropped}; nothing is thrown.
 */
public final class Esp {

	private static final int HEADER = 8;
	private static final int TRAILER = 2;

	/** Where CBC IVs come from; they must be unpredictable (RFC 3602 2.1). */
	@FunctionalInterface
	public interface IvSource {
		/** Writes {@code length} fresh IV bytes at {@code packet[offset]}. */
		void fill(byte[] packet, int offset, int length);
	}

	private final IvSource ivSource;

	public Esp(IvSource ivSource) {
		this.ivSource = ivSource;
	}

	/** ESP with CBC IVs from a {@link SecureRandom}: the JDK's DRBG (Hash_DRBG, SHA-256), drawn in bulk. */
	public static Esp withSecureRandom() {
		try {
			return new Esp(new BufferedIvSource(SecureRandom.getInstance("DRBG")));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK provides DRBG since Java 9", e);
		}
	}

	/** Protects an outbound IP packet with an outbound SA, into an array taken from {@code arrays}. */
	public Outcome protect(SecurityAssociation sa, byte[] packet, PacketArrays arrays) {
		return Outcome.of(() -> {
			synchronized (sa) {
				return seal(sa, packet, arrays);
			}
		});
	}

	/**
	 * Checks and removes the ESP of a received packet whose SPI, destination and protocol name this SA.
	 *
	 * @param layout the packet's {@link IpPacket.Walk#INBOUND} layout, which found ESP
	 * @param arrays  where the recovered packet's array is taken from
	 */
	public Outcome unprotect(SecurityAssociation sa, byte[] packet, IpLayout layout, PacketArrays arrays) {
		return Outcome.of(() -> {
			synchronized (sa) {
				return open(sa, packet, layout, arrays);
			}
		});
	}

	private byte[] seal(SecurityAssociation sa, byte[] packet, PacketArrays arrays) {
		SaSpec spec = sa.spec();
		SaCrypto crypto = sa.crypto();
		EncryptionAlgorithm encryption = crypto.encryption();
		boolean tunnel = spec.mode() == Mode.TUNNEL;
		SecurityAssociation.Outgoing outgoing = sa.startOutbound(packet);
		IpLayout layout = outgoing.layout();
		long sequence = outgoing.sequence();
		int headerLength = tunnel ? IpPacket.outerHeaderLength(spec.source()) : layout.headerEnd();
		int payloadStart = tunnel ? 0 : layout.headerEnd();
		int payloadLength = packet.length - payloadStart;
		int encryptedLength = roundUp(payloadLength + TRAILER, encryption.alignment());
		int padLength = encryptedLength - payloadLength - TRAILER;
		int esp = headerLength;
		int iv = esp + HEADER;
		int data = iv + encryption.ivBytes();
		int icv = data + encryptedLength;
		byte[] out = arrays.take(icv + crypto.icvBytes());

		if (tunnel) {
			IpPacket.writeOuterHeader(out, spec.source(), spec.destination(), IpPacket.PROTOCOL_ESP,
					IpPacket.trafficClass(packet), (int) sequence);
		} else {
			System.arraycopy(packet, 0, out, 0, headerLength);
			out[layout.nextHeaderOffset()] = (byte) IpPacket.PROTOCOL_ESP;
		}
		IpPacket.fixLength(out);
		put32(out, esp, spec.spi());
		put32(out, esp + 4, sequence);
		// Padding and trailer go in place; the payload is encrypted straight from the packet.
		for (int i = 1; i <= padLength; i++) {
			out[data + payloadLength + i - 1] = (byte) i;
		}
		out[icv - 2] = (byte) padLength;
		out[icv - 1] = (byte) (tunnel ? Tunnel.innerProtocol(layout) : layout.nextHeader());

		if (encryption.isCombinedMode()) {
			long explicitIv = crypto.combinedModeIv(sequence);
			put32(out, iv, explicitIv >>> 32);
			put32(out, iv + 4, explicitIv);
			crypto.seal(packet, payloadStart, payloadLength, out, esp, HEADER, iv, data, encryptedLength);
		} else {
			if (encryption.ivBytes() > 0) {
				ivSource.fill(out, iv, encryption.ivBytes());
			}
			crypto.encrypt(packet, payloadStart, payloadLength, out, iv, data, encryptedLength);
			if (crypto.integrity() != IntegrityAlgorithm.NONE) {
				crypto.computeIcv(out, esp, icv - esp, out, icv);
			}
		}
		return out;
	}

	private static byte[] open(SecurityAssociation sa, byte[] packet, IpLayout layout, PacketArrays arrays) {
		SaSpec spec = sa.spec();
		SaCrypto crypto = sa.crypto();
		EncryptionAlgorithm encryption = crypto.encryption();
		int esp = layout.headerEnd();
		if (layout.nextHeader() != IpPacket.PROTOCOL_ESP) {
			throw new PacketDropped(DropReason.MALFORMED, "protocol " + layout.nextHeader() + ", not ESP");
		}
		int iv = esp + HEADER;
		int data = iv + encryption.ivBytes();
		int encryptedLength = packet.length - data - crypto.icvBytes();
		if (encryptedLength < TRAILER) {
			throw new PacketDropped(DropReason.TRUNCATED, (packet.length - esp) + " bytes of ESP");
		}
		if (encryptedLength % encryption.alignment() != 0) {
			throw new PacketDropped(DropReason.TRUNCATED, encryptedLength + " encrypted bytes, not a multiple of "
					+ encryption.alignment());
		}
		if (u32(packet, esp) != spec.spi()) {
			throw new PacketDropped(DropReason.UNKNOWN_SPI, "SPI of another SA");
		}
		long sequence = u32(packet, esp + 4);
		ReplayWindow window = sa.replayWindow();
		window.requireFresh(sequence);

		int icv = data + encryptedLength;
		byte[] plain = crypto.plaintextBuffer(encryptedLength);
		if (encryption.isCombinedMode()) {
			if (!crypto.open(packet, esp, HEADER, iv, data, encryptedLength + crypto.icvBytes(), plain, 0)) {
				throw new PacketDropped(DropReason.ICV_MISMATCH, "sequence " + sequence);
			}
		} else {
			if (crypto.integrity() != IntegrityAlgorithm.NONE
					&& !crypto.verifyIcv(packet, esp, icv - esp, packet, icv)) {
				throw new PacketDropped(DropReason.ICV_MISMATCH, "sequence " + sequence);
			}
			crypto.decrypt(packet, iv, data, encryptedLength, plain, 0);
		}
		int padLength = u8(plain, encryptedLength - 2);
		int nextHeader = u8(plain, encryptedLength - 1);
		int payloadLength = encryptedLength - TRAILER - padLength;
		checkPadding(plain, payloadLength, padLength);
		window.accept(sequence);

		if (nextHeader == IpPacket.NO_NEXT_HEADER) {
			throw new PacketDropped(DropReason.DUMMY_PACKET, "sequence " + sequence);
		}
		if (spec.mode() == Mode.TUNNEL) {
			return Tunnel.decapsulate(nextHeader, plain, 0, payloadLength, arrays);
		}
		byte[] out = arrays.take(esp + payloadLength);
		System.arraycopy(packet, 0, out, 0, esp);
		out[layout.nextHeaderOffset()] = (byte) nextHeader;
		System.arraycopy(plain, 0, out, esp, payloadLength);
		IpPacket.fixLength(out);
		return out;
	}

	/** RFC 4303 2.4: padding bytes are 1, 2, 3, …, and they and the trailer fit in what was decrypted. */
	private static void checkPadding(byte[] plain, int payloadLength, int padLength) {
		if (payloadLength < 0) {
			throw new PacketDropped(DropReason.BAD_PADDING, "pad length " + padLength + " exceeds the payload");
		}
		for (int i = 0; i < padLength; i++) {
			if (u8(plain, payloadLength + i) != i + 1) {
				throw new PacketDropped(DropReason.BAD_PADDING, "padding byte " + (i + 1) + " is not " + (i + 1));
			}
		}
	}

	private static int roundUp(int value, int multiple) {
		return (value + multiple - 1) / multiple * multiple;
	}
}
