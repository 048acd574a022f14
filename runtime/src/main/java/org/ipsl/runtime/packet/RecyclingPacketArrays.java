package org.ipsl.runtime.packet;

/**
 * Keeps given-back packet arrays for the next packets of the same length. Traffic repeats a few
 * lengths (full-sized packets above all), so one array per length class is enough: 64 slots, an
 * array in the slot of its length modulo 64, replaced by the next one given back there. At most 64
 * arrays are held. Not thread-safe: one per thread, like the buffers of raw cryptography.
 */
public final class RecyclingPacketArrays implements PacketArrays {

	private static final int SLOTS = 64;

	private final byte[][] kept = new byte[SLOTS][];

	@Override
	public byte[] take(int length) {
		int slot = length & (SLOTS - 1);
		byte[] array = kept[slot];
		if (array != null && array.length == length) {
			kept[slot] = null;
			return array;
		}
		return new byte[length];
	}

	@Override
	public void giveBack(byte[] packet) {
		kept[packet.length & (SLOTS - 1)] = packet;
	}
}
