package org.ipsl.runtime.ipsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.TwoHosts;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.packet.RecyclingPacketArrays;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Lifetime;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.junit.jupiter.api.Test;

class IpsecEngineTest {

	private static final TestSas.Suite GCM = new TestSas.Suite(EncryptionAlgorithm.AES_GCM_16_128,
			IntegrityAlgorithm.NONE);
	private static final TestSas.Suite SHA1 = new TestSas.Suite(EncryptionAlgorithm.NULL,
			IntegrityAlgorithm.HMAC_SHA1_96);

	private final TwoHosts hosts = new TwoHosts();
	private final byte[] packet = TestPackets.udp("10.1.1.1", "10.2.2.2", TestPackets.payload(40, 1));

	private static byte[] processed(Outcome outcome) {
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		return ((Outcome.Processed) outcome).packet();
	}

	@Test
	void anUnknownSpiIsAuditedInHpUxsWords() {
		TwoHosts.Link link = hosts.link(0x2fe472, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.1", "10.2.2.2", GCM,
				new Random(1));
		byte[] wire = processed(hosts.sender.outbound(link.outbound(), packet));
		hosts.receiver.sad().delete(link.inbound().spec().id());

		IpsecEngine.Received received = hosts.receiver.inbound(wire);
		assertThat(received.outcome()).isEqualTo(new Outcome.Dropped(DropReason.UNKNOWN_SPI, ""));
		AuditEntry entry = hosts.receiverAudit.entries().get(hosts.receiverAudit.entries().size() - 1);
		assertThat(entry.format()).isEqualTo("Msg: 3 From: SECPOLICYD Lvl: WARNING Date: Thu Jun 10 13:43:07 2004\n"
				+ "Event: No SPI for received packet - SPI: 2FE472 IP addr: 10.1.1.1:10.2.2.2 proto: 50.");
		assertThat(hosts.receiver.dropCounts()).isEqualTo(Map.of(DropReason.UNKNOWN_SPI, 1L));
	}

	@Test
	void clearPacketsPassUntouchedForTheSpdToJudge() {
		IpsecEngine.Received received = hosts.receiver.inbound(packet);
		assertThat(processed(received.outcome())).isSameAs(packet);
		assertThat(received.appliedSas()).isEmpty();
	}

	@Test
	void ahOverEspComesOffLayerByLayer() {
		TwoHosts.Link esp = hosts.link(0x1000_0020L, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.1", "10.2.2.2", GCM,
				new Random(2));
		TwoHosts.Link ah = hosts.link(0x1000_0021L, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.1", "10.2.2.2", SHA1,
				new Random(3));
		byte[] wire = processed(
				hosts.sender.outbound(ah.outbound(), processed(hosts.sender.outbound(esp.outbound(), packet))));
		assertThat(wire[9]).isEqualTo((byte) 51);
		assertThat(wire[20]).isEqualTo((byte) 50);

		IpsecEngine.Received received = hosts.receiver.inbound(wire);
		assertThat(processed(received.outcome())).isEqualTo(packet);
		assertThat(received.appliedSas()).containsExactly(ah.inbound(), esp.inbound());
	}

	/**
	 * Packets sent and received through recycled arrays, the results all kept until the end: the
	 * engine gives back the array between the two layers and nothing the caller still holds.
	 */
	@Test
	void recycledArraysNeverHoldTwoLivePackets() {
		TwoHosts.Link esp = hosts.link(0x1000_0022L, SecurityProtocol.ESP, Mode.TUNNEL, "10.1.1.1", "10.2.2.2", GCM,
				new Random(4));
		TwoHosts.Link ah = hosts.link(0x1000_0023L, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.1", "10.2.2.2", SHA1,
				new Random(5));
		PacketArrays arrays = new RecyclingPacketArrays();
		List<byte[]> sent = new ArrayList<>();
		List<byte[]> received = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			byte[] original = TestPackets.udp("10.1.1.1", "10.2.2.2", TestPackets.payload(100 + i % 3, i));
			byte[] inner = processed(hosts.sender.outbound(esp.outbound(), original, arrays));
			byte[] wire = processed(hosts.sender.outbound(ah.outbound(), inner, arrays));
			arrays.giveBack(inner);
			sent.add(original);
			received.add(processed(hosts.receiver.inbound(wire, arrays).outcome()));
			arrays.giveBack(wire);
		}
		assertThat(received).containsExactlyElementsOf(sent);
	}

	@Test
	void tunnelsInsideTunnelsStopAtTheNestingLimit() {
		byte[] wire = packet;
		for (int i = 0; i <= IpsecEngine.MAX_NESTING; i++) {
			TwoHosts.Link link = hosts.link(0x1000_0030L + i, SecurityProtocol.ESP, Mode.TUNNEL, "192.0.2.1",
					"192.0.2.2",
					GCM, new Random(i));
			wire = processed(hosts.sender.outbound(link.outbound(), wire));
		}
		IpsecEngine.Received received = hosts.receiver.inbound(wire);
		assertThat(received.outcome())
				.isEqualTo(new Outcome.Dropped(DropReason.MALFORMED, "more than 4 IPsec headers"));
		assertThat(received.appliedSas()).hasSize(IpsecEngine.MAX_NESTING);
	}

	@Test
	void anSaPastItsHardLifetimeNeitherSendsNorReceives() {
		SaSpec base = TestSas.spec(Direction.OUTBOUND, 0x1000_0040L, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.1",
				"10.2.2.2", GCM, new Random(4));
		SaSpec expiring = new SaSpec(base.direction(), base.spi(), base.protocol(), base.mode(), base.source(),
				base.destination(), base.encryption(), base.encryptionKey(), base.integrity(), base.integrityKey(),
				new Lifetime(0, 600, 0, 0), base.replayWindow());
		TwoHosts.Link link = hosts.link(expiring);
		byte[] early = processed(hosts.sender.outbound(link.outbound(), packet));
		hosts.clock.advance(Duration.ofSeconds(600));

		assertThat(hosts.sender.outbound(link.outbound(), packet))
				.isEqualTo(new Outcome.Dropped(DropReason.SA_EXPIRED, "outbound"));
		assertThat(hosts.senderAudit.entries().get(hosts.senderAudit.entries().size() - 1).event())
				.isEqualTo("SA hard lifetime expired - SPI: 10000040 IP addr: 10.1.1.1:10.2.2.2 proto: 50 (outbound)");
		// The receiver's copy expired at the same time and is gone: its SPI is unknown now.
		assertThat(hosts.receiver.inbound(early).outcome())
				.isEqualTo(new Outcome.Dropped(DropReason.SA_EXPIRED, "inbound"));
		assertThat(hosts.receiver.inbound(early).outcome()).isEqualTo(new Outcome.Dropped(DropReason.UNKNOWN_SPI, ""));
	}

	@Test
	void transportModeKeepsToTheSasDestination() {
		TwoHosts.Link link = hosts.link(0x1000_0050L, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.1", "10.2.2.3", GCM,
				new Random(5));
		assertThat(hosts.sender.outbound(link.outbound(), packet))
				.isEqualTo(new Outcome.Dropped(DropReason.ADDRESS_MISMATCH, "destination 10.2.2.2"));
	}
}
