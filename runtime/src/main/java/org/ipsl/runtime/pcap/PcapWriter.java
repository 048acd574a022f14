package org.ipsl.runtime.pcap;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Writes a classic pcap file (not pcapng) of raw IP packets: link type LINKTYPE_RAW (101), so each
 * record is an IPv4 or IPv6 packet with no link-layer header. Microsecond timestamps,
 * little-endian, as tcpdump writes on x86; Wireshark and tshark read it.
 */
public final class PcapWriter implements Closeable {

	public static final int LINKTYPE_RAW = 101;
	private static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
	/** The largest IP packet, so no packet is ever cut. */
	private static final int SNAPLEN = 65_535;

	private final OutputStream out;

	/** Writes the file header at once; {@link #close()} closes {@code out}. */
	public PcapWriter(OutputStream out) throws IOException {
		this.out = new BufferedOutputStream(out);
		ByteBuffer header = little(24);
		header.putInt(MAGIC_MICROSECONDS);
		header.putShort((short) 2);
		header.putShort((short) 4);
		header.putInt(0);
		header.putInt(0);
		header.putInt(SNAPLEN);
		header.putInt(LINKTYPE_RAW);
		this.out.write(header.array());
	}

	/** One record: the packet, whole, captured at {@code time}. */
	public void write(Instant time, byte[] packet) throws IOException {
		if (packet.length > SNAPLEN) {
			throw new IllegalArgumentException("packet of " + packet.length + " bytes exceeds an IP packet's maximum");
		}
		ByteBuffer record = little(16);
		record.putInt((int) time.getEpochSecond());
		record.putInt(time.getNano() / 1000);
		record.putInt(packet.length);
		record.putInt(packet.length);
		out.write(record.array());
		out.write(packet);
	}

	private static ByteBuffer little(int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}
