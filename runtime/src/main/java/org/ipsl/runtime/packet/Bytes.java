package org.ipsl.runtime.packet;

/** Big-endian (network order) reads and writes of unsigned fields. */
public final class Bytes {

	private Bytes() {
	}

	public static int u8(byte[] bytes, int offset) {
		return bytes[offset] & 0xff;
	}

	public static int u16(byte[] bytes, int offset) {
		return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
	}

	public static long u32(byte[] bytes, int offset) {
		return (long) u16(bytes, offset) << 16 | u16(bytes, offset + 2);
	}

	public static void put16(byte[] bytes, int offset, int value) {
		bytes[offset] = (byte) (value >>> 8);
		bytes[offset + 1] = (byte) value;
	}

	public static void put32(byte[] bytes, int offset, long value) {
		put16(bytes, offset, (int) (value >>> 16));
		put16(bytes, offset + 2, (int) value);
	}
}
