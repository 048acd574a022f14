package org.ipsl.runtime.sad;

import java.util.Arrays;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.PacketDropped;

/**
 * The receiver's anti-replay window (RFC 4303 3.4.3, 32-bit sequence numbers): the highest
 * sequence number accepted so far and which of the {@code size} numbers up to it were received.
 * {@link #check} comes before the ICV check and {@link #accept} after it, so forged packets never
 * move the window. Not thread-safe: used under its SA's lock.
 */
public final class ReplayWindow {

	/** The result of {@link #check}. */
	public enum Verdict {
		/** Not received before, inside the window or ahead of it. */
		FRESH,
		/** Already received. */
		DUPLICATE,
		/** Older than the window, or zero (never sent: the first packet is 1). */
		TOO_OLD
	}

	private final int size;
	/** A ring of received-bits: sequence number n is bit n mod its length. */
	private final long[] received;
	private final int capacity;
	private long highest;

	/** @param size packets; 0 turns anti-replay off */
	public ReplayWindow(int size) {
		if (size < 0) {
			throw new IllegalArgumentException("window size " + size);
		}
		this.size = size;
		this.received = new long[(size + 63) / 64];
		this.capacity = received.length * 64;
	}

	public int size() {
		return size;
	}

	/** The highest sequence number accepted, 0 before the first. */
	public long highest() {
		return highest;
	}

	public Verdict check(long sequence) {
		if (size == 0) {
			return Verdict.FRESH;
		}
		if (sequence == 0 || sequence <= highest - size) {
			return Verdict.TOO_OLD;
		}
		if (sequence > highest) {
			return Verdict.FRESH;
		}
		return isSet(sequence) ? Verdict.DUPLICATE : Verdict.FRESH;
	}

	/**
	 * {@link #check} for packet processing.
	 *
	 * @throws PacketDropped {@link DropReason#REPLAYED} or {@link DropReason#OUTSIDE_REPLAY_WINDOW}
	 */
	public void requireFresh(long sequence) {
		switch (check(sequence)) {
			case DUPLICATE -> throw new PacketDropped(DropReason.REPLAYED, "sequence " + sequence);
			case TOO_OLD -> throw new PacketDropped(DropReason.OUTSIDE_REPLAY_WINDOW, "sequence " + sequence
					+ ", window " + this);
			case FRESH -> {
			}
		}
	}

	/** Marks a sequence number received; it must have been {@link Verdict#FRESH}. */
	public void accept(long sequence) {
		if (size == 0) {
			return;
		}
		if (sequence > highest) {
			// Sequence numbers the window slides over were not received: clear their bits, which
			// still hold numbers that have left the window.
			long advance = sequence - highest;
			if (advance >= capacity) {
				Arrays.fill(received, 0);
			} else {
				for (long n = highest + 1; n < sequence; n++) {
					clear(n);
				}
			}
			highest = sequence;
		}
		set(sequence);
	}

	private boolean isSet(long sequence) {
		int bit = (int) (sequence % capacity);
		return (received[bit >>> 6] & 1L << bit) != 0;
	}

	private void set(long sequence) {
		int bit = (int) (sequence % capacity);
		received[bit >>> 6] |= 1L << bit;
	}

	private void clear(long sequence) {
		int bit = (int) (sequence % capacity);
		received[bit >>> 6] &= ~(1L << bit);
	}

	/** "64 packets up to 1234", for reports. */
	@Override
	public String toString() {
		return size == 0 ? "off" : size + " packets up to " + highest;
	}
}
