package org.ipsl.runtime.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.spd.Flow;
import org.junit.jupiter.api.Test;

/** The trace's packet notation, and the packets it builds: what the SPD reads back, with valid checksums. */
class TracePacketTest {

	@Test
	void eachFormReadsBackAsTheSameFlow() {
		for (String text : new String[]{"tcp 10.1.1.10:40000 -> 10.2.2.20:22",
				"udp [2001:db8::1]:5000 -> [2001:db8::2]:514",
				"icmp 10.0.0.1 -> 10.0.0.2", "icmpv6 2001:db8::1 -> 2001:db8::2", "47 10.0.0.1 -> 10.0.0.2"}) {
			TracePacket packet = TracePacket.parse(text);
			assertThat(packet.toString()).isEqualTo(text);
			Flow flow = Flow.of(packet.bytes());
			assertThat(flow.protocol()).isEqualTo(packet.protocol());
			assertThat(flow.source()).isEqualTo(packet.source());
			assertThat(flow.destination()).isEqualTo(packet.destination());
			assertThat(flow.sourcePort()).isEqualTo(packet.sourcePort());
			assertThat(flow.destinationPort()).isEqualTo(packet.destinationPort());
		}
	}

	@Test
	void transportChecksumsAddUpToZeroOverThePseudoHeader() {
		for (String text : new String[]{"tcp 10.1.1.10:40000 -> 10.2.2.20:22", "udp 10.1.1.10:5000 -> 10.2.2.20:53",
				"udp [2001:db8::1]:5000 -> [2001:db8::2]:514", "icmpv6 2001:db8::1 -> 2001:db8::2"}) {
			TracePacket packet = TracePacket.parse(text);
			byte[] bytes = packet.bytes();
			int header = packet.isIpv4() ? IpPacket.IPV4_HEADER : IpPacket.IPV6_HEADER;
			assertThat(onesComplementSum(bytes, header, packet)).as(text).isEqualTo(0xffff);
		}
		byte[] icmp = TracePacket.parse("icmp 10.0.0.1 -> 10.0.0.2").bytes();
		assertThat(IpPacket.checksum(icmp, IpPacket.IPV4_HEADER, icmp.length - IpPacket.IPV4_HEADER)).isZero();
	}

	@Test
	void mistakesSayWhatIsExpected() {
		assertThatThrownBy(() -> TracePacket.parse("tcp 10.0.0.1 -> 10.0.0.2"))
				.hasMessageContaining("needs both ports");
		assertThatThrownBy(() -> TracePacket.parse("icmp 10.0.0.1:1 -> 10.0.0.2")).hasMessageContaining("has no ports");
		assertThatThrownBy(() -> TracePacket.parse("gre 10.0.0.1 -> 10.0.0.2"))
				.hasMessageContaining("is not a protocol");
		assertThatThrownBy(() -> TracePacket.parse("udp 10.0.0:1 -> 10.0.0.2:2"))
				.hasMessageContaining("is not an IPv4 or IPv6 address");
		assertThatThrownBy(() -> TracePacket.parse("udp 10.0.0.1:70000 -> 10.0.0.2:2"))
				.hasMessageContaining("is not a number in 0-65535");
		assertThatThrownBy(() -> TracePacket.parse("udp 10.0.0.1:1 -> [2001:db8::2]:2"))
				.hasMessageContaining("one address family");
		assertThatThrownBy(() -> TracePacket.parse("10.0.0.1 to 10.0.0.2")).hasMessageContaining("is not a packet");
	}

	/** RFC 1071's sum over the pseudo-header and the transport bytes, written out independently. */
	private static int onesComplementSum(byte[] packet, int header, TracePacket p) {
		long sum = 0;
		byte[] from = p.source().getAddress(), to = p.destination().getAddress();
		for (byte[] address : new byte[][]{from, to})
			for (int i = 0; i < address.length; i += 2)
				sum += (address[i] & 0xff) << 8 | address[i + 1] & 0xff;
		sum += p.protocol() + (packet.length - header);
		for (int i = header; i < packet.length; i += 2)
			sum += (packet[i] & 0xff) << 8 | (i + 1 < packet.length ? packet[i + 1] & 0xff : 0);
		while (sum >>> 16 != 0)
			sum = (sum & 0xffff) + (sum >>> 16);
		return (int) sum;
	}
}
