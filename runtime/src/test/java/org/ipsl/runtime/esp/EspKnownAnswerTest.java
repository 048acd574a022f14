package org.ipsl.runtime.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.runtime.TestPackets.hex;

import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.sad.SpiRange;
import org.junit.jupiter.api.Test;

/** RFC 3602 section 4, case 5: a whole transport-mode ESP packet, byte for byte. */
class EspKnownAnswerTest {

	private static final byte[] PING = hex("45000054 08f20000 4001f9fe c0a87b03 c0a87b64"
			+ "08000ebd a70a0000 8e9c083d b95b0700 08090a0b 0c0d0e0f 10111213 14151617"
			+ "18191a1b 1c1d1e1f 20212223 24252627 28292a2b 2c2d2e2f 30313233 34353637");
	private static final byte[] IV = hex("e96e8c08 ab465763 fd098d45 dd3ff893");
	private static final byte[] ESP_PACKET = hex("4500007c 08f20000 4032f9a5 c0a87b03 c0a87b64"
			+ "00004321 00000001"
			+ "e96e8c08 ab465763 fd098d45 dd3ff893"
			+ "f663c25d 325c18c6 a9453e19 4e120849 a4870b66 cc6b9965 330013b4 898dc856"
			+ "a4699e52 3a55db08 0b59ec3a 8e4b7e52 775b07d1 db34ed9c 538ab50c 551b874a"
			+ "a269add0 47ad2d59 13ac19b7 cfbad4a6");

	/** The RFC's SPI 0x4321 lies in HP-UX's default dynamic range, where a manual inbound SA may not. */
	private final SecurityAssociationDatabase sad = new SecurityAssociationDatabase(new SpiRange(0x10000, 0x20000),
			new MutableClock(), new AuditLog(AuditLevel.DEBUG, new MutableClock()));

	private SecurityAssociation sa(Direction direction) {
		SaSpec spec = TestSas.spec(direction, 0x4321, SecurityProtocol.ESP, Mode.TRANSPORT, "192.168.123.3",
				"192.168.123.100", EncryptionAlgorithm.AES_CBC_128, KeyBytes.ofHex("90d382b410eeba7ad938c46cec1a82bf"),
				IntegrityAlgorithm.NONE, KeyBytes.NONE);
		return ((SaAddition.Added) sad.addManual(spec)).sa();
	}

	@Test
	void outboundPacketIsTheRfcs() {
		Esp esp = new Esp((packet, offset, length) -> System.arraycopy(IV, 0, packet, offset, length));
		Outcome outcome = esp.protect(sa(Direction.OUTBOUND), PING, PacketArrays.FRESH);
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		assertThat(hex(((Outcome.Processed) outcome).packet())).isEqualTo(hex(ESP_PACKET));
	}

	@Test
	void inboundPacketGivesBackThePing() {
		Outcome outcome = Esp.withSecureRandom().unprotect(sa(Direction.INBOUND), ESP_PACKET,
				IpPacket.parse(ESP_PACKET, IpPacket.Walk.INBOUND), PacketArrays.FRESH);
		assertThat(outcome).isInstanceOf(Outcome.Processed.class);
		assertThat(((Outcome.Processed) outcome).packet()).isEqualTo(PING);
	}
}
