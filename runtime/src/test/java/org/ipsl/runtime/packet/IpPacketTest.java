package org.ipsl.runtime.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.ipsl.runtime.TestPackets;
import org.junit.jupiter.api.Test;

class IpPacketTest {

	private final byte[] ipv4 = TestPackets.udp("10.1.1.10", "10.2.2.20", new byte[4]);
	private final byte[] ipv6 = TestPackets.udp("2001:db8::1", "2001:db8::2", new byte[4]);

	private static void assertDropped(byte[] packet, IpPacket.Walk walk, DropReason reason, String detail) {
		assertThatThrownBy(() -> IpPacket.parse(packet, walk)).isInstanceOfSatisfying(PacketDropped.class, drop -> {
			assertThat(drop.reason()).isEqualTo(reason);
			assertThat(drop.getMessage()).isEqualTo(detail);
		});
	}

	@Test
	void wellFormedPackets() {
		assertThat(IpPacket.parse(ipv4, IpPacket.Walk.INBOUND)).isEqualTo(new IpLayout(4, 20, 9, 17));
		assertThat(IpPacket.parse(ipv6, IpPacket.Walk.INBOUND)).isEqualTo(new IpLayout(6, 40, 6, 17));
		assertThat(IpPacket.checksum(ipv4, 0, 20)).isZero();
	}

	/** RFC 1071 word by word, against the checksum that adds four bytes at a time, at every offset and length. */
	@Test
	void checksumIsRfc1071sAtAnyOffsetAndLength() {
		Random random = new Random(7);
		for (int run = 0; run < 2_000; run++) {
			byte[] bytes = new byte[80];
			random.nextBytes(bytes);
			if (run % 10 == 0) {
				Arrays.fill(bytes, (byte) (run % 20 == 0 ? 0 : 0xff));
			}
			int offset = random.nextInt(8);
			int length = random.nextInt(bytes.length - offset + 1);
			assertThat(IpPacket.checksum(bytes, offset, length)).as("offset %d length %d", offset, length)
					.isEqualTo(wordByWord(bytes, offset, length));
		}
	}

	private static int wordByWord(byte[] bytes, int offset, int length) {
		int sum = 0;
		for (int i = 0; i < length; i += 2) {
			int word = (bytes[offset + i] & 0xff) << 8 | (i + 1 < length ? bytes[offset + i + 1] & 0xff : 0);
			sum += word;
			sum = (sum & 0xffff) + (sum >>> 16);
		}
		return ~sum & 0xffff;
	}

	@Test
	void lengthsMustAgreeWithTheBytes() {
		assertDropped(new byte[0], IpPacket.Walk.INBOUND, DropReason.MALFORMED, "empty packet");
		assertDropped(Arrays.copyOf(ipv4, 19), IpPacket.Walk.INBOUND, DropReason.MALFORMED,
				"19 bytes, shorter than an IPv4 header");
		assertDropped(Arrays.copyOf(ipv4, ipv4.length + 1), IpPacket.Walk.INBOUND, DropReason.MALFORMED,
				"IPv4 total length 32 but 33 bytes");
		assertDropped(Arrays.copyOf(ipv6, ipv6.length - 1), IpPacket.Walk.INBOUND, DropReason.MALFORMED,
				"IPv6 payload length 12 but 11 bytes follow the header");
		byte[] version5 = ipv4.clone();
		version5[0] = 0x55;
		assertDropped(version5, IpPacket.Walk.INBOUND, DropReason.MALFORMED, "IP version 5");
	}

	@Test
	void ipv4HeaderChecksumIsChecked() {
		byte[] changed = ipv4.clone();
		changed[8] = 1;
		assertDropped(changed, IpPacket.Walk.INBOUND, DropReason.MALFORMED, "bad IPv4 header checksum");
	}

	@Test
	void fragmentsAreRefusedExceptInsideATunnel() {
		byte[] fragment = ipv4.clone();
		fragment[6] = 0x20; // more fragments
		IpPacket.fixLength(fragment);
		assertDropped(fragment, IpPacket.Walk.INBOUND, DropReason.FRAGMENT, "IPv4 fragment");
		assertThat(IpPacket.parse(fragment, IpPacket.Walk.BASE_HEADER).version()).isEqualTo(4);

		byte[] ipv6Fragment = TestPackets.ipv6(TestPackets.address("2001:db8::1"), TestPackets.address("2001:db8::2"),
				44,
				TestPackets.hex("1100000100000001" + "00000000"));
		assertDropped(ipv6Fragment, IpPacket.Walk.INBOUND, DropReason.FRAGMENT, "IPv6 fragment");
	}

	@Test
	void extensionHeadersMustFitAndHopByHopComesFirst() {
		byte[] overrun = TestPackets.ipv6(TestPackets.address("2001:db8::1"), TestPackets.address("2001:db8::2"), 60,
				TestPackets.hex("1105000000000000"));
		assertDropped(overrun, IpPacket.Walk.INBOUND, DropReason.MALFORMED, "IPv6 extension header beyond the packet");
		byte[] lateHopByHop = TestPackets.ipv6(TestPackets.address("2001:db8::1"), TestPackets.address("2001:db8::2"),
				60,
				TestPackets.hex("0000010400000000" + "1100010400000000"));
		assertDropped(lateHopByHop, IpPacket.Walk.INBOUND, DropReason.MALFORMED, "hop-by-hop header not first");
	}

	@Test
	void transportModeInsertsBeforeDestinationOptionsUnlessARoutingHeaderFollows() {
		byte[] destinationOptionsThenUdp = TestPackets.ipv6(TestPackets.address("2001:db8::1"),
				TestPackets.address("2001:db8::2"), 60, TestPackets.hex("1100010400000000" + "0000000000000000"));
		assertThat(IpPacket.parse(destinationOptionsThenUdp, IpPacket.Walk.TRANSPORT_INSERTION))
				.isEqualTo(new IpLayout(6, 40, 6, 60));
		assertThat(IpPacket.parse(destinationOptionsThenUdp, IpPacket.Walk.INBOUND))
				.isEqualTo(new IpLayout(6, 48, 40, 17));

		byte[] destinationOptionsThenRouting = TestPackets.ipv6(TestPackets.address("2001:db8::1"),
				TestPackets.address("2001:db8::2"), 60, TestPackets.hex("2b00010400000000" + "1100000000000000"));
		assertThat(IpPacket.parse(destinationOptionsThenRouting, IpPacket.Walk.TRANSPORT_INSERTION))
				.isEqualTo(new IpLayout(6, 56, 48, 17));
	}

	@Test
	void lengthsAreFixedAndLimited() {
		byte[] tooBig = new byte[65_536];
		tooBig[0] = 0x45;
		assertThatThrownBy(() -> IpPacket.fixLength(tooBig)).isInstanceOfSatisfying(PacketDropped.class,
				drop -> assertThat(drop.reason()).isEqualTo(DropReason.TOO_BIG));
	}
}
