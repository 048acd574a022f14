package org.ipsl.runtime.live;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.ipsl.model.Selector;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.host.ReceiveResult;
import org.ipsl.runtime.host.SendResult;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.trace.TracePacket;

/**
 * One host of the live mode: a UDP socket standing for the host's interface, carrying ESP in UDP
 * (RFC 3948) to and from one peer. Each datagram goes through the host as a real packet: outbound
 * through its SPD and SAD into ESP, inbound through SAD and SPD checks back to the packet. The
 * socket's loopback addresses stand for the configured ones: a received ESP packet gets an IP
 * header from the peer's configured address to this host's, as the SAs are keyed by them.
 */
public final class LiveEndpoint {
	/** What the sender puts in each test datagram after its 8-byte sequence number. */
	private static final byte[] MARK = "IPSL live\n".getBytes(StandardCharsets.US_ASCII);
	private static final int MAX_DATAGRAM = 65_535;

	/** Counts of one run; the sender fills {@code sent}, {@code echoed}, {@code reordered}. */
	public static final class Counters {
		public long sent, echoed, reordered, received, delivered, dropped, keepalives, nonEsp, malformed;
		/** Packets the host did not turn into ESP (passed, discarded, no SA): nothing to carry. */
		public long notProtected;

		/** Datagrams this side sent that did not come back (an echoer sends none of its own). */
		public long lost() {
			return Math.max(0, sent - echoed);
		}

		@Override
		public String toString() {
			return "sent " + sent + ", echoed " + echoed + ", lost " + lost() + ", reordered " + reordered
					+ "; received "
					+ received + " ESP-in-UDP, delivered " + delivered + ", dropped " + dropped + ", keepalives "
					+ keepalives + ", non-ESP (IKE) " + nonEsp + ", malformed " + malformed + ", not protected "
					+ notProtected;
		}
	}

	private final IpsecHost host;
	private final DatagramSocket socket;
	private final InetAddress own, peer;
	private final Counters counters = new Counters();
	private final byte[] buffer = new byte[MAX_DATAGRAM];

	/**
	 * @param own  this host's configured address the SAs arrive at
	 * @param peer the peer's configured address they come from
	 */
	public LiveEndpoint(IpsecHost host, DatagramSocket socket, InetAddress own, InetAddress peer) {
		this.host = host;
		this.socket = socket;
		this.own = own;
		this.peer = peer;
	}

	public Counters counters() {
		return counters;
	}

	/**
	 * Echoes every delivered packet back to where its datagram came from (addresses and ports
	 * swapped, same payload), until {@code count} were echoed or nothing arrived for {@code idle}.
	 */
	public void echo(long count, Duration idle) throws IOException {
		socket.setSoTimeout((int) idle.toMillis());
		while (counters.echoed < count) {
			DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(datagram);
			} catch (SocketTimeoutException e) {
				return;
			}
			byte[] inner = receive(datagram);
			if (inner == null)
				continue;
			Flow flow = Flow.of(inner);
			int payloadAt = payloadOffset(inner, flow.protocol());
			TracePacket reply = new TracePacket(flow.protocol(), flow.destination(), flow.destinationPort(),
					flow.source(),
					flow.sourcePort());
			byte[] payload = Arrays.copyOfRange(inner, payloadAt, inner.length);
			if (send(reply.bytes(payload, sequence(payload)), datagram.getSocketAddress()))
				counters.echoed++;
		}
	}

	/**
	 * Sends {@code count} datagrams of the packet's flow, each numbered, keeping at most
	 * {@code window} unanswered, and counts the echoes and any that come back out of order; stops
	 * at {@code deadline} at the latest, or at once when the host does not protect a datagram.
	 */
	public void exchange(SocketAddress to, TracePacket flow, long count, int window, Duration deadline)
			throws IOException {
		long end = System.nanoTime() + deadline.toNanos();
		long highest = -1;
		long unanswered = window;
		socket.setSoTimeout(1000);
		while (counters.echoed < count && System.nanoTime() < end) {
			while (counters.sent < count && counters.sent - counters.echoed < unanswered) {
				byte[] payload = ByteBuffer.allocate(8 + MARK.length).putLong(counters.sent).put(MARK).array();
				if (!send(flow.bytes(payload, counters.sent), to))
					return;
				counters.sent++;
			}
			DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(datagram);
			} catch (SocketTimeoutException e) {
				// A lost datagram would stall the window: let one more go out.
				unanswered++;
				continue;
			}
			byte[] inner = receive(datagram);
			if (inner == null || inner.length < 8 + MARK.length)
				continue;
			long sequence = ByteBuffer.wrap(inner, inner.length - MARK.length - 8, 8).getLong();
			counters.echoed++;
			if (sequence < highest)
				counters.reordered++;
			highest = Math.max(highest, sequence);
		}
	}

	/** One UDP payload through RFC 3948's rules and the host's inbound processing; the delivered packet or null. */
	private byte[] receive(DatagramPacket datagram) {
		byte[] data = datagram.getData();
		int length = datagram.getLength();
		switch (UdpEncapsulation.classify(data, length)) {
			case KEEPALIVE -> {
				counters.keepalives++;
				return null;
			}
			case NON_ESP -> {
				// IKE with the non-ESP marker: no key daemon runs in the live mode, manual SAs only.
				counters.nonEsp++;
				return null;
			}
			case MALFORMED -> {
				counters.malformed++;
				return null;
			}
			case ESP -> {
			}
		}
		counters.received++;
		ReceiveResult result = host.receive(UdpEncapsulation.decapsulate(data, length, peer, own));
		if (result instanceof ReceiveResult.Delivered delivered) {
			counters.delivered++;
			return delivered.packet();
		}
		counters.dropped++;
		return null;
	}

	/** Sends a packet through the host; false when the host did not protect it with ESP (a drop is audited by the host). */
	private boolean send(byte[] packet, SocketAddress to) throws IOException {
		SendResult result = host.send(packet);
		if (!(result instanceof SendResult.Protected protectedPacket)) {
			counters.notProtected++;
			return false;
		}
		byte[] payload = UdpEncapsulation.encapsulate(protectedPacket.packet());
		socket.send(new DatagramPacket(payload, payload.length, to));
		return true;
	}

	private static int payloadOffset(byte[] packet, int protocol) {
		int at = IpPacket.parse(packet, IpPacket.Walk.INBOUND).headerEnd();
		int offset = switch (protocol) {
			case Selector.TCP -> at + 12 < packet.length ? at + ((packet[at + 12] & 0xf0) >>> 4) * 4 : packet.length;
			case Selector.UDP, Selector.ICMP, Selector.ICMPV6 -> at + 8;
			default -> at;
		};
		return Math.min(offset, packet.length);
	}

	/** The sender's sequence number, when the payload is one of its datagrams. */
	private static long sequence(byte[] payload) {
		return payload.length >= 8 ? ByteBuffer.wrap(payload).getLong() : 0;
	}
}
