package org.ipsl.runtime.ah;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.runtime.TestPackets.address;
import static org.ipsl.runtime.TestPackets.concat;
import static org.ipsl.runtime.TestPackets.hex;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.TwoHosts;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.junit.jupiter.api.Test;

/**
 * AH's ICV covers the packet except what routers may change (RFC 4302 3.3.3.1): changing a
 * mutable field on the way keeps the packet valid, changing anything else makes it a forgery.
 */
class AhMutableFieldsTest {

	private static final TestSas.Suite SHA1 = new TestSas.Suite(EncryptionAlgorithm.NULL,
			IntegrityAlgorithm.HMAC_SHA1_96);

	/** NOP; record route (7, mutable); router alert (148, immutable). 12 bytes. */
	private static final byte[] IPV4_OPTIONS = hex("01 07070400000000 94040000");
	private static final int RECORD_ROUTE_DATA = IpPacket.IPV4_HEADER + 4;
	private static final int ROUTER_ALERT_VALUE = IpPacket.IPV4_HEADER + 10;

	private final TwoHosts hosts = new TwoHosts();

	private byte[] protect(TwoHosts.Link link, byte[] packet) {
		Outcome outcome = hosts.sender.outbound(link.outbound(), packet);
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		return ((Outcome.Processed) outcome).packet();
	}

	private Outcome receive(byte[] wire, Consumer<byte[]> change) {
		byte[] changed = wire.clone();
		change.accept(changed);
		if (changed[0] >> 4 == 4) {
			// A router that changes the header fixes its checksum.
			changed[10] = 0;
			changed[11] = 0;
			int checksum = IpPacket.checksum(changed, 0, (changed[0] & 0x0f) * 4);
			changed[10] = (byte) (checksum >> 8);
			changed[11] = (byte) checksum;
		}
		return hosts.receiver.inbound(changed).outcome();
	}

	@Test
	void ipv4MutableFieldsAndOptionsMayChange() {
		TwoHosts.Link link = hosts.link(0x1000_0010L, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20",
				SHA1, new Random(1));
		byte[] packet = TestPackets.ipv4(address("10.1.1.10"), address("10.2.2.20"), IpPacket.PROTOCOL_UDP,
				IPV4_OPTIONS,
				TestPackets.payload(30, 1));
		byte[] wire = protect(link, packet);
		// AH follows the options.
		assertThat(wire[9]).isEqualTo((byte) IpPacket.PROTOCOL_AH);
		assertThat(wire[IpPacket.IPV4_HEADER + IPV4_OPTIONS.length]).isEqualTo((byte) IpPacket.PROTOCOL_UDP);

		Outcome outcome = receive(wire, p -> {
			p[1] = (byte) 0xb8; // DSCP
			p[6] = 0; // DF cleared
			p[8] = 3; // TTL
			p[RECORD_ROUTE_DATA] = 10; // a router recorded itself
		});
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		byte[] recovered = ((Outcome.Processed) outcome).packet();
		assertThat(recovered[8]).isEqualTo((byte) 3);
		assertThat(recovered.length).isEqualTo(packet.length);
	}

	@Test
	void ipv4ImmutableFieldsMayNot() {
		TwoHosts.Link link = hosts.link(0x1000_0011L, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20",
				SHA1, new Random(2));
		byte[] packet = TestPackets.ipv4(address("10.1.1.10"), address("10.2.2.20"), IpPacket.PROTOCOL_UDP,
				IPV4_OPTIONS,
				TestPackets.payload(30, 1));
		assertForged(receive(protect(link, packet), p -> p[ROUTER_ALERT_VALUE] = 1));
		assertForged(receive(protect(link, packet), p -> p[12] = 11)); // source address
		assertForged(receive(protect(link, packet), p -> p[p.length - 1] ^= 1)); // payload
		assertForged(receive(protect(link, packet), p -> p[5] ^= 1)); // identification
	}

	private static void assertForged(Outcome outcome) {
		assertThat(outcome).isInstanceOfSatisfying(Outcome.Dropped.class,
				dropped -> assertThat(dropped.reason()).isEqualTo(DropReason.ICV_MISMATCH));
	}

	private static byte[] ipv6WithExtensionHeaders() {
		// Hop-by-hop (16 bytes, next: destination options) with option 0x3e, whose type says it may
		// change en route, option 0x1e, which may not, and PadN; then destination options (8 bytes,
		// next: UDP) with PadN.
		byte[] hopByHop = hex("3c01 3e02aaaa 1e02bbbb 01040000 0000");
		byte[] destinationOptions = hex("1100 01040000 0000");
		byte[] udp = TestPackets.udp("2001:db8:1::10", "2001:db8:2::20", TestPackets.payload(20, 2));
		byte[] datagram = Arrays.copyOfRange(udp, IpPacket.IPV6_HEADER, udp.length);
		return TestPackets.ipv6(address("2001:db8:1::10"), address("2001:db8:2::20"), 0,
				concat(hopByHop, destinationOptions, datagram));
	}

	@Test
	void ipv6ChangingOptionsFlowLabelAndHopLimitMayChange() {
		TwoHosts.Link link = hosts.link(0x1000_0012L, SecurityProtocol.AH, Mode.TRANSPORT, "2001:db8:1::10",
				"2001:db8:2::20", SHA1, new Random(3));
		byte[] packet = ipv6WithExtensionHeaders();
		byte[] wire = protect(link, packet);
		// Transport mode puts AH after hop-by-hop; the destination options, with no routing header
		// after them, go behind it (RFC 4302 3.1.1).
		assertThat(wire[40]).isEqualTo((byte) IpPacket.PROTOCOL_AH);
		assertThat(wire[56]).isEqualTo((byte) 60);

		Outcome outcome = receive(wire, p -> {
			p[1] ^= 0x0f; // traffic class, low bits
			p[3] ^= 0x55; // flow label
			p[7] = 9; // hop limit
			p[44] = 0x11; // data of option 0x3e, which may change
		});
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		assertThat(((Outcome.Processed) outcome).packet().length).isEqualTo(packet.length);

		assertForged(receive(protect(link, packet), p -> p[48] ^= 1)); // data of option 0x1e
		assertForged(receive(protect(link, packet), p -> p[8] ^= 1)); // source address
	}

	@Test
	void theIcvPaddingIsCoveredAsSent() {
		// HMAC-SHA-256-128 over IPv6: 12 + 16 bytes, padded to 32 (RFC 4302 2.6, 3.3.3.2.1).
		TwoHosts.Link link = hosts.link(0x1000_0014L, SecurityProtocol.AH, Mode.TUNNEL, "2001:db8::1", "2001:db8::2",
				new TestSas.Suite(EncryptionAlgorithm.NULL, IntegrityAlgorithm.HMAC_SHA256_128), new Random(5));
		byte[] wire = protect(link, TestPackets.udp("10.1.1.10", "10.2.2.20", TestPackets.payload(8, 1)));
		assertThat(wire[41]).isEqualTo((byte) 6);
		assertForged(receive(wire, p -> p[40 + 30] = 1));
	}

	@Test
	void espTransportModeGoesAfterHopByHopToo() {
		TwoHosts.Link link = hosts.link(0x1000_0013L, SecurityProtocol.ESP, Mode.TRANSPORT, "2001:db8:1::10",
				"2001:db8:2::20",
				new TestSas.Suite(EncryptionAlgorithm.AES_CBC_256, IntegrityAlgorithm.HMAC_SHA256_128),
				new Random(4));
		byte[] packet = ipv6WithExtensionHeaders();
		byte[] wire = protect(link, packet);
		assertThat(wire[40]).isEqualTo((byte) IpPacket.PROTOCOL_ESP);
		Outcome outcome = hosts.receiver.inbound(wire).outcome();
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		assertThat(((Outcome.Processed) outcome).packet()).isEqualTo(packet);
	}
}
