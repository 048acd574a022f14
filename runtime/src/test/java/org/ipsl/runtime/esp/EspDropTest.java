package org.ipsl.runtime.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.TwoHosts;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.crypto.SaCrypto;
import org.ipsl.runtime.ipsec.IpsecEngine;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.junit.jupiter.api.Test;

/**
 * ESP's checks on received packets, each with a packet made wrong in one way. The trailer is
 * rewritten under NULL encryption and the ICV recomputed with the SA's key, so that only the
 * check under test can fail.
 */
class EspDropTest {

	private static final String A = "10.1.1.10";
	private static final String B = "10.2.2.20";
	private static final int ESP = IpPacket.IPV4_HEADER;
	private static final int ICV = 12;

	private final TwoHosts hosts = new TwoHosts();
	private final KeyBytes integrityKey = TestSas.randomKey(20, new Random(7));

	private TwoHosts.Link nullEncryptionLink(Mode mode) {
		return hosts.link(TestSas.spec(Direction.OUTBOUND, 0x1000_0002L, SecurityProtocol.ESP, mode, A, B,
				EncryptionAlgorithm.NULL, KeyBytes.NONE, IntegrityAlgorithm.HMAC_SHA1_96, integrityKey));
	}

	private byte[] send(TwoHosts.Link link, byte[] packet) {
		return ((Outcome.Processed) hosts.sender.outbound(link.outbound(), packet)).packet();
	}

	/** Recomputes the ICV over the rewritten packet, as a sender holding the key would. */
	private byte[] resealed(byte[] wire) {
		SaCrypto crypto = SaCrypto.create(EncryptionAlgorithm.NULL, KeyBytes.NONE, IntegrityAlgorithm.HMAC_SHA1_96,
				integrityKey);
		crypto.computeIcv(wire, ESP, wire.length - ICV - ESP, wire, wire.length - ICV);
		return wire;
	}

	private DropReason dropReason(byte[] wire) {
		IpsecEngine.Received received = hosts.receiver.inbound(wire);
		assertThat(received.outcome()).isInstanceOf(Outcome.Dropped.class);
		return ((Outcome.Dropped) received.outcome()).reason();
	}

	private byte[] udp(int payloadLength) {
		return TestPackets.udp(A, B, TestPackets.payload(payloadLength, 3));
	}

	@Test
	void paddingBytesMustCountFromOne() {
		TwoHosts.Link link = nullEncryptionLink(Mode.TRANSPORT);
		// An 11-byte UDP datagram and the 2-byte trailer take 3 bytes of padding to reach 16.
		byte[] wire = send(link, udp(3));
		int padLengthAt = wire.length - ICV - 2;
		assertThat(wire[padLengthAt]).isEqualTo((byte) 3);
		assertThat(Arrays.copyOfRange(wire, padLengthAt - 3, padLengthAt)).containsExactly(1, 2, 3);
		wire[padLengthAt - 2] = 7;
		assertThat(dropReason(resealed(wire))).isEqualTo(DropReason.BAD_PADDING);
		// HP-UX writes it to the STREAMS log, not the audit file (A.02.00 guide, page 183).
		assertThat(hosts.receiverAudit.streams().lines()).last().asString()
				.endsWith(" Padding checks failed - SPI: 10000002 IP addr: 10.1.1.10:10.2.2.20 proto: 50.");
		assertThat(hosts.receiverAudit.entries()).noneMatch(entry -> entry.event().contains("Padding"));
	}

	@Test
	void padLengthMustFitThePayload() {
		TwoHosts.Link link = nullEncryptionLink(Mode.TRANSPORT);
		byte[] wire = send(link, udp(5));
		wire[wire.length - ICV - 2] = (byte) 200;
		assertThat(dropReason(resealed(wire))).isEqualTo(DropReason.BAD_PADDING);
	}

	@Test
	void dummyPacketsAreDiscardedButMoveTheWindow() {
		TwoHosts.Link link = nullEncryptionLink(Mode.TRANSPORT);
		byte[] wire = send(link, udp(5));
		wire[wire.length - ICV - 1] = (byte) IpPacket.NO_NEXT_HEADER;
		assertThat(dropReason(resealed(wire))).isEqualTo(DropReason.DUMMY_PACKET);
		assertThat(link.inbound().replayWindow().highest()).isEqualTo(1);
	}

	@Test
	void tunnelModeCarriesOnlyIpPackets() {
		TwoHosts.Link link = nullEncryptionLink(Mode.TUNNEL);
		byte[] wire = send(link, udp(5));
		wire[wire.length - ICV - 1] = (byte) IpPacket.PROTOCOL_UDP;
		assertThat(dropReason(resealed(wire))).isEqualTo(DropReason.BAD_NEXT_HEADER);

		byte[] second = send(link, udp(5));
		second[second.length - ICV - 1] = (byte) IpPacket.PROTOCOL_IPV6;
		assertThat(dropReason(resealed(second))).isEqualTo(DropReason.BAD_INNER_PACKET);
	}

	@Test
	void shortOrMisalignedPacketsAreTruncated() {
		TwoHosts.Link link = hosts.link(0x1000_0003L, SecurityProtocol.ESP, Mode.TRANSPORT, A, B,
				new TestSas.Suite(EncryptionAlgorithm.AES_CBC_128, IntegrityAlgorithm.HMAC_SHA1_96), new Random(3));
		byte[] wire = send(link, udp(40));
		byte[] cut = Arrays.copyOf(wire, ESP + 8 + 16 + 12);
		IpPacket.fixLength(cut);
		assertThat(dropReason(cut)).isEqualTo(DropReason.TRUNCATED);
		byte[] misaligned = Arrays.copyOf(wire, wire.length - 1);
		IpPacket.fixLength(misaligned);
		assertThat(dropReason(misaligned)).isEqualTo(DropReason.TRUNCATED);
	}

	@Test
	void forgedPacketsFailTheIcvAndLeaveTheWindowAlone() {
		int index = 0;
		for (TestSas.Suite suite : TestSas.authenticatedEspSuites()) {
			index++;
			TwoHosts.Link link = hosts.link(0x2000_0000L + index, SecurityProtocol.ESP, Mode.TUNNEL, A, B, suite,
					new Random(index));
			byte[] wire = send(link, udp(64));
			byte[] forged = wire.clone();
			forged[forged.length - 20] ^= 0x01;
			assertThat(dropReason(forged)).as(suite.toString()).isEqualTo(DropReason.ICV_MISMATCH);
			assertThat(link.inbound().replayWindow().highest()).isZero();
			assertThat(hosts.receiver.inbound(wire).outcome()).isInstanceOf(Outcome.Processed.class);
		}
	}

	@Test
	void mismatchedKeysShowAsIcvFailuresOrWithoutIntegrityAsPaddingFailures() {
		SaSpec sent = TestSas.spec(Direction.OUTBOUND, 0x1000_0004L, SecurityProtocol.ESP, Mode.TRANSPORT, A, B,
				EncryptionAlgorithm.AES_CBC_128, TestSas.randomKey(16, new Random(1)), IntegrityAlgorithm.NONE,
				KeyBytes.NONE);
		SaSpec expected = TestSas.spec(Direction.INBOUND, 0x1000_0004L, SecurityProtocol.ESP, Mode.TRANSPORT, A, B,
				EncryptionAlgorithm.AES_CBC_128, TestSas.randomKey(16, new Random(2)), IntegrityAlgorithm.NONE,
				KeyBytes.NONE);
		hosts.receiver.sad().addManual(expected);
		SecurityAssociation outbound = ((SaAddition.Added) hosts.sender.sad().addManual(sent)).sa();
		// HP-UX's symptom of mismatched manual keys without integrity: "Padding checks failed". A
		// wrong key decrypts to noise whose last bytes happen to be valid padding about once in 256.
		Random ivs = new Random(9);
		Esp esp = new Esp((bytes, offset, length) -> {
			byte[] iv = new byte[length];
			ivs.nextBytes(iv);
			System.arraycopy(iv, 0, bytes, offset, length);
		});
		int paddingFailures = 0;
		for (int i = 0; i < 100; i++) {
			byte[] wire = ((Outcome.Processed) esp.protect(outbound, udp(30 + i), PacketArrays.FRESH)).packet();
			Outcome outcome = hosts.receiver.inbound(wire).outcome();
			if (outcome instanceof Outcome.Dropped dropped && dropped.reason() == DropReason.BAD_PADDING) {
				paddingFailures++;
			}
		}
		assertThat(paddingFailures).isGreaterThanOrEqualTo(97);
	}
}
