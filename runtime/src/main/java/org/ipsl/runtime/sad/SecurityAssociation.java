package org.ipsl.runtime.sad;

import java.time.Instant;
import java.util.Arrays;
import org.ipsl.runtime.crypto.SaCrypto;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.PacketDropped;

/**
 * One SA of the SAD: its definition, its keyed crypto, and its running state (sequence numbers,
 * anti-replay window, traffic, lifetime). Packet processing holds the SA's lock for each packet
 * ({@code synchronized (sa)}), as the crypto objects are not thread-safe.
 */
public final class SecurityAssociation {

	private final SaSpec spec;
	/** The destination's address bytes, which received packets are compared with. */
	private final byte[] destination;
	private final SaCrypto crypto;
	private final ReplayWindow replayWindow;
	private final Instant created;
	/** The lifetimes as instants (epoch milliseconds) and byte counts, {@link Long#MAX_VALUE} for none. */
	private final long softDeadline;
	private final long hardDeadline;
	private final long softBytes;
	private final long hardBytes;
	private final SequenceCounter sent = new SequenceCounter(0);
	private long bytes;
	private volatile SaState state = SaState.MATURE;

	SecurityAssociation(SaSpec spec, Instant created) {
		this.spec = spec;
		this.destination = spec.destination().getAddress();
		this.crypto = SaCrypto.create(spec.encryption(), spec.encryptionKey(), spec.integrity(), spec.integrityKey());
		this.replayWindow = new ReplayWindow(spec.replayWindow());
		this.created = created;
		Lifetime lifetime = spec.lifetime();
		this.softDeadline = limit(created.toEpochMilli(), lifetime.softSeconds() * 1000);
		this.hardDeadline = limit(created.toEpochMilli(), lifetime.hardSeconds() * 1000);
		this.softBytes = limit(0, lifetime.softKilobytes() * 1024);
		this.hardBytes = limit(0, lifetime.hardKilobytes() * 1024);
	}

	private static long limit(long start, long amount) {
		return amount == 0 ? Long.MAX_VALUE : start + amount;
	}

	public SaSpec spec() {
		return spec;
	}

	/** Whether {@code bytes[offset, offset + length)} are this SA's destination address. */
	boolean hasDestination(byte[] bytes, int offset, int length) {
		return Arrays.equals(destination, 0, destination.length, bytes, offset, offset + length);
	}

	public SaCrypto crypto() {
		return crypto;
	}

	public ReplayWindow replayWindow() {
		return replayWindow;
	}

	public Instant created() {
		return created;
	}

	/** An outbound packet about to be protected: its layout and its sequence number. */
	public record Outgoing(IpLayout layout, long sequence) {
	}

	/**
	 * Starts protecting an outbound IP packet, as ESP and AH both do: reads its layout (in tunnel
	 * mode the base header, in transport mode up to where the IPsec header goes) and takes the next
	 * sequence number, counting from 1.
	 *
	 * @throws PacketDropped when a transport-mode packet is not for this SA's destination, or every
	 *                       sequence number is used
	 */
	public synchronized Outgoing startOutbound(byte[] packet) {
		boolean tunnel = spec.mode() == Mode.TUNNEL;
		IpLayout layout = IpPacket.parse(packet,
				tunnel ? IpPacket.Walk.BASE_HEADER : IpPacket.Walk.TRANSPORT_INSERTION);
		if (!tunnel && !hasDestination(packet, IpPacket.destinationOffset(layout.version()),
				IpPacket.addressLength(layout.version()))) {
			throw new PacketDropped(DropReason.ADDRESS_MISMATCH,
					"destination " + IpPacket.destination(packet).getHostAddress());
		}
		long sequence = sent.next();
		if (sequence == 0) {
			throw new PacketDropped(DropReason.SEQUENCE_EXHAUSTED, "last sequence number sent");
		}
		return new Outgoing(layout, sequence);
	}

	public synchronized long lastSentSequence() {
		return sent.last();
	}

	/** Bytes of the IP packets this SA protected or recovered. */
	public synchronized long bytes() {
		return bytes;
	}

	public SaState state() {
		return state;
	}

	/**
	 * Counts bytes processed and moves the state on if that passed a lifetime in kilobytes.
	 *
	 * @return the new state, or {@code null} when it did not change
	 */
	synchronized SaState addBytes(long count) {
		bytes += count;
		return reach(bytes >= hardBytes ? SaState.DEAD : bytes >= softBytes ? SaState.DYING : SaState.MATURE);
	}

	/**
	 * Moves the state on if a lifetime in seconds has passed at {@code now} (epoch milliseconds).
	 *
	 * @return the new state, or {@code null} when it did not change
	 */
	SaState age(long now) {
		SaState reached = now >= hardDeadline ? SaState.DEAD : now >= softDeadline ? SaState.DYING : SaState.MATURE;
		if (reached.compareTo(state) <= 0) {
			// Nothing to change, as for nearly every packet: no lock taken.
			return null;
		}
		synchronized (this) {
			return reach(reached);
		}
	}

	private SaState reach(SaState reached) {
		if (reached.compareTo(state) <= 0) {
			return null;
		}
		state = reached;
		return reached;
	}

	@Override
	public String toString() {
		return spec.protocol() + " SA " + Long.toHexString(spec.spi()).toUpperCase() + " to "
				+ spec.destination().getHostAddress() + " (" + state + ")";
	}
}
