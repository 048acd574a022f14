package org.ipsl.runtime.packet;

/**
 * Where ESP and AH take the arrays of the packets they produce. A packet is always an array of its
 * exact length; what a caller chooses is whether that array is new memory or one it gave back
 * earlier. Raw cryptography reuses its buffers, and at 1,400 bytes a packet the fresh array was
 * the largest cost ESP added to it.
 */
public interface PacketArrays {

	/** A new array for every packet; nothing is kept. Safe to share between threads. */
	PacketArrays FRESH = new PacketArrays() {
		@Override
		public byte[] take(int length) {
			return new byte[length];
		}

		@Override
		public void giveBack(byte[] packet) {
		}
	};

	/**
	 * An array of exactly {@code length} bytes for a packet being produced, with any content: the
	 * producer writes every byte.
	 */
	byte[] take(int length);

	/**
	 * Offers a packet's array for a later {@link #take}. The caller must not use it afterwards, nor
	 * give it back twice.
	 */
	void giveBack(byte[] packet);
}
