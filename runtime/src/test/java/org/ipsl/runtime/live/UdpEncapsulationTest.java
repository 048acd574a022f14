package org.ipsl.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.trace.TracePacket;
import org.junit.jupiter.api.Test;

/** RFC 3948's framing: what a UDP payload is, and ESP in and out of it. */
class UdpEncapsulationTest {

	@Test
	void theNonEspMarkerKeepaliveAndEspAreToldApart() {
		assertThat(UdpEncapsulation.classify(new byte[]{(byte) 0xff}, 1)).isEqualTo(UdpEncapsulation.Kind.KEEPALIVE);
		assertThat(UdpEncapsulation.classify(new byte[]{0, 0, 0, 0, 1, 2, 3, 4, 5}, 9))
				.isEqualTo(UdpEncapsulation.Kind.NON_ESP);
		assertThat(UdpEncapsulation.classify(new byte[]{0, 0, 1, 0x2c, 0, 0, 0, 1}, 8))
				.isEqualTo(UdpEncapsulation.Kind.ESP);
		assertThat(UdpEncapsulation.classify(new byte[]{0, 0, 1, 0x2c, 0, 0, 0}, 7))
				.isEqualTo(UdpEncapsulation.Kind.MALFORMED);
		assertThat(UdpEncapsulation.classify(new byte[]{(byte) 0xff, 0}, 2)).isEqualTo(UdpEncapsulation.Kind.MALFORMED);
	}

	@Test
	void espLeavesItsIpHeaderBehindAndGetsTheConfiguredAddressesBack() throws Exception {
		InetAddress a = InetAddress.getByName("10.9.0.1"), b = InetAddress.getByName("10.9.0.2");
		byte[] esp = {0, 0, 1, 0x2c, 0, 0, 0, 1, 9, 9, 9, 9};
		byte[] packet = UdpEncapsulation.decapsulate(esp, esp.length, a, b);
		assertThat(IpPacket.source(packet)).isEqualTo(a);
		assertThat(IpPacket.destination(packet)).isEqualTo(b);
		assertThat(IpPacket.parse(packet, IpPacket.Walk.INBOUND).nextHeader()).isEqualTo(IpPacket.PROTOCOL_ESP);
		assertThat(UdpEncapsulation.encapsulate(packet)).isEqualTo(esp);
	}

	@Test
	void onlyEspIsCarried() throws Exception {
		byte[] udp = new TracePacket(17, InetAddress.getByName("10.9.0.1"), 5000,
				InetAddress.getByName("10.9.0.2"), 7).bytes();
		assertThatThrownBy(() -> UdpEncapsulation.encapsulate(udp)).hasMessageContaining("ESP only");
	}
}
