package org.ipsl.runtime.ipsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.TwoHosts;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.packet.Bytes;
import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every algorithm × transport and tunnel × IPv4 and IPv6 (and tunnels across families): what the
 * sender protects, the receiver recovers byte for byte, in packets laid out as RFC 4303 and
 * RFC 4302 say.
 */
class RoundTripTest {

	/**
	 * Which addresses: the SA's two ends (the tunnel endpoints in tunnel mode) and, for tunnel
	 * mode, the inner packet's.
	 */
	record Addresses(String name, String source, String destination, String innerSource, String innerDestination) {
		static final Addresses V4 = new Addresses("IPv4", "10.1.1.10", "10.2.2.20", "10.1.1.10", "10.2.2.20");
		static final Addresses V6 = new Addresses("IPv6", "2001:db8:1::10", "2001:db8:2::20", "2001:db8:1::10",
				"2001:db8:2::20");
		static final Addresses V6_IN_V4 = new Addresses("IPv6 in IPv4", "192.0.2.1", "192.0.2.2", "2001:db8:1::10",
				"2001:db8:2::20");
		static final Addresses V4_IN_V6 = new Addresses("IPv4 in IPv6", "2001:db8::1", "2001:db8::2", "10.1.1.10",
				"10.2.2.20");

		@Override
		public String toString() {
			return name;
		}
	}

	record Case(SecurityProtocol protocol, TestSas.Suite suite, Mode mode, Addresses addresses) {
		@Override
		public String toString() {
			return protocol + " " + suite + " " + mode + " " + addresses;
		}
	}

	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (SecurityProtocol protocol : SecurityProtocol.values()) {
			for (TestSas.Suite suite : protocol == SecurityProtocol.ESP ? TestSas.espSuites() : TestSas.ahSuites()) {
				cases.add(new Case(protocol, suite, Mode.TRANSPORT, Addresses.V4));
				cases.add(new Case(protocol, suite, Mode.TRANSPORT, Addresses.V6));
				for (Addresses addresses : List.of(Addresses.V4, Addresses.V6, Addresses.V6_IN_V4,
						Addresses.V4_IN_V6)) {
					cases.add(new Case(protocol, suite, Mode.TUNNEL, addresses));
				}
			}
		}
		return cases.stream();
	}

	private static final int[] PAYLOAD_LENGTHS = {0, 1, 17, 1400};

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void receiverRecoversWhatTheSenderProtected(Case c) {
		TwoHosts hosts = new TwoHosts();
		TwoHosts.Link link = link(hosts, c);
		for (int i = 0; i < PAYLOAD_LENGTHS.length; i++) {
			byte[] packet = packet(c, i);
			Outcome sent = hosts.sender.outbound(link.outbound(), packet);
			assertThat(sent).isInstanceOf(Outcome.Processed.class);
			byte[] wire = ((Outcome.Processed) sent).packet();

			assertLayout(c, packet, wire, i + 1);
			IpsecEngine.Received received = hosts.receiver.inbound(wire);
			assertThat(received.outcome()).isInstanceOf(Outcome.Processed.class);
			assertThat(((Outcome.Processed) received.outcome()).packet()).isEqualTo(packet);
			assertThat(received.appliedSas()).containsExactly(link.inbound());
		}
		assertThat(hosts.receiver.dropCounts()).isEmpty();
		assertThat(link.inbound().replayWindow().highest()).isEqualTo(PAYLOAD_LENGTHS.length);
		assertThat(link.outbound().lastSentSequence()).isEqualTo(PAYLOAD_LENGTHS.length);
		assertThat(link.outbound().bytes()).isEqualTo(link.inbound().bytes());
	}

	private static TwoHosts.Link link(TwoHosts hosts, Case c) {
		Addresses at = c.addresses();
		return hosts.link(0x1000_0001L, c.protocol(), c.mode(), at.source(), at.destination(), c.suite(),
				new Random(1));
	}

	/** The i-th test packet: UDP between the inner addresses, with the i-th payload length. */
	private static byte[] packet(Case c, int i) {
		Addresses at = c.addresses();
		return TestPackets.udp(at.innerSource(), at.innerDestination(), TestPackets.payload(PAYLOAD_LENGTHS[i], i));
	}

	/**
	 * ESP and AH take their arrays from the caller, which may hand out arrays that held other
	 * packets: every byte of what they produce must be written. Each packet is sent four times into
	 * arrays filled with four different bytes; a byte equal to the filling all four times was left
	 * unwritten (by chance, a written byte of ciphertext is so once in 2^32).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyByteIsWrittenInArraysThatHeldOtherPackets(Case c) {
		TwoHosts hosts = new TwoHosts();
		TwoHosts.Link link = link(hosts, c);
		byte[] fillings = {0x00, 0x5a, (byte) 0xa5, (byte) 0xff};
		for (int i = 0; i < PAYLOAD_LENGTHS.length; i++) {
			byte[] packet = packet(c, i);
			boolean[] written = null;
			for (byte filling : fillings) {
				PacketArrays filled = new PacketArrays() {
					@Override
					public byte[] take(int length) {
						byte[] array = new byte[length];
						Arrays.fill(array, filling);
						return array;
					}

					@Override
					public void giveBack(byte[] array) {
					}
				};
				byte[] wire = ((Outcome.Processed) hosts.sender.outbound(link.outbound(), packet, filled)).packet();
				assertThat(((Outcome.Processed) hosts.receiver.inbound(wire, filled).outcome()).packet())
						.isEqualTo(packet);
				if (written == null) {
					written = new boolean[wire.length];
				}
				for (int b = 0; b < wire.length; b++) {
					written[b] |= wire[b] != filling;
				}
			}
			for (int b = 0; b < written.length; b++) {
				assertThat(written[b]).as("byte %d of the %d-byte packet", b, written.length).isTrue();
			}
		}
	}

	private static void assertLayout(Case c, byte[] packet, byte[] wire, long sequence) {
		IpLayout outer = IpPacket.parse(wire, IpPacket.Walk.INBOUND);
		assertThat(outer.nextHeader()).isEqualTo(c.protocol().number());
		assertThat(IpPacket.destination(wire)).isEqualTo(TestPackets.address(c.addresses().destination()));
		int ipsec = outer.headerEnd();
		int spiOffset = c.protocol() == SecurityProtocol.ESP ? ipsec : ipsec + 4;
		assertThat(Bytes.u32(wire, spiOffset)).isEqualTo(0x1000_0001L);
		assertThat(Bytes.u32(wire, spiOffset + 4)).isEqualTo(sequence);

		IpLayout original = IpPacket.parse(packet, IpPacket.Walk.TRANSPORT_INSERTION);
		int protectedLength = c.mode() == Mode.TUNNEL ? packet.length : packet.length - original.headerEnd();
		if (c.protocol() == SecurityProtocol.AH) {
			int ahLength = (Bytes.u8(wire, ipsec + 1) + 2) * 4;
			int alignment = outer.version() == 4 ? 4 : 8;
			assertThat(ahLength % alignment).isZero();
			assertThat(ahLength - 12 - c.suite().integrity().icvBytes()).isBetween(0, alignment - 1);
			assertThat(wire.length).isEqualTo(ipsec + ahLength + protectedLength);
			return;
		}
		EncryptionAlgorithm encryption = c.suite().encryption();
		int encrypted = wire.length - ipsec - 8 - encryption.ivBytes()
				- (encryption.isCombinedMode() ? encryption.icvBytes() : c.suite().integrity().icvBytes());
		// The least padding that aligns payload, pad length and next header (RFC 4303 2.4).
		assertThat(encrypted % encryption.alignment()).isZero();
		assertThat(encrypted - protectedLength - 2).isBetween(0, encryption.alignment() - 1);
		if (encryption != EncryptionAlgorithm.NULL && protectedLength >= 17) {
			assertThat(TestPackets.hex(wire)).doesNotContain(TestPackets.hex(
					Arrays.copyOfRange(packet, packet.length - 16, packet.length)));
		}
	}
}
