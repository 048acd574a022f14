package org.ipsl.runtime.sad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.runtime.TestPackets.address;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.audit.HpuxEvent;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.junit.jupiter.api.Test;

class SecurityAssociationDatabaseTest {

	private static final String TRIPLE_DES_KEY = "9bdfb78470987fd9b4fdb2a0c4ef416ec1a37c0f3aa78d43";
	private static final String SHA1_KEY = "3076fc20ab475bd3c1b2f9b437f34304d5f4469f";

	private final MutableClock clock = new MutableClock();
	private final AuditLog audit = new AuditLog(AuditLevel.DEBUG, clock);
	private final SecurityAssociationDatabase sad = new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock,
			audit);

	private static SaSpec manual(Direction direction, long spi, String encryptionKey) {
		return TestSas.spec(direction, spi, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20",
				EncryptionAlgorithm.TRIPLE_DES_CBC, KeyBytes.ofHex(encryptionKey), IntegrityAlgorithm.HMAC_SHA1_96,
				KeyBytes.ofHex(SHA1_KEY));
	}

	private String lastEvent() {
		return audit.entries().get(audit.entries().size() - 1).event();
	}

	@Test
	void aDuplicateSpiIsRefusedWithEexist() {
		assertThat(sad.addManual(manual(Direction.INBOUND, 0x101, TRIPLE_DES_KEY)))
				.isInstanceOf(SaAddition.Added.class);
		assertThat(lastEvent()).isEqualTo("Manual inbound SA added - SPI: 101 IP addr: 10.1.1.10:10.2.2.20 proto: 50");

		SaAddition second = sad
				.addManual(manual(Direction.INBOUND, 0x101, "c1a37c0f3aa78d439bdfb78470987fd9b4fdb2a0c4ef416e"));
		assertThat(second).isEqualTo(new SaAddition.Refused(SadRefusal.DUPLICATE,
				"PF_KEY: SADB_ADD for SPI 0x101 returns EEXIST"));
		AuditEntry entry = audit.entries().get(audit.entries().size() - 1);
		assertThat(entry.format()).isEqualTo("Msg: 2 From: SECPOLICYD Lvl: ERROR Date: Thu Jun 10 13:43:07 2004\n"
				+ "Event: PF_KEY: SADB_ADD for SPI 0x101 returns EEXIST");
		// The first SA stays.
		assertThat(sad.all()).hasSize(1);
	}

	@Test
	void weakKeysAreRefusedWithErrno22AndNeverShown() {
		String singleDes = "9bdfb78470987fd9".repeat(2) + "c1a37c0f3aa78d43";
		SaAddition refused = sad.addManual(manual(Direction.OUTBOUND, 0x102, singleDes));
		assertThat(refused).isInstanceOfSatisfying(SaAddition.Refused.class, r -> {
			assertThat(r.refusal()).isEqualTo(SadRefusal.WEAK_KEY);
			assertThat(r.message())
					.isEqualTo("PF_KEY: Invalid SADB_ADD, SPI 0x102, errno 22 (weak TRIPLE_DES_CBC key)");
		});
		assertThat(sad.all()).isEmpty();
		assertNoKeyIn(audit, singleDes);

		SaSpec weakDes = TestSas.spec(Direction.OUTBOUND, 0x103, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.10",
				"10.2.2.20", EncryptionAlgorithm.DES_CBC, KeyBytes.ofHex("0101010101010101"),
				IntegrityAlgorithm.HMAC_MD5_96, KeyBytes.ofHex("00112233445566778899aabbccddeeff"));
		assertThat(sad.addManual(weakDes)).isInstanceOfSatisfying(SaAddition.Refused.class,
				r -> assertThat(r.refusal()).isEqualTo(SadRefusal.WEAK_KEY));
	}

	static void assertNoKeyIn(AuditLog audit, String keyHex) {
		for (AuditEntry entry : audit.entries()) {
			for (int i = 0; i + 8 <= keyHex.length(); i += 8) {
				assertThat(entry.format().toLowerCase()).doesNotContain(keyHex.substring(i, i + 8));
			}
		}
	}

	@Test
	void invalidSasAreRefusedWithErrno22() {
		assertRefused(manual(Direction.OUTBOUND, 0xff, TRIPLE_DES_KEY), SadRefusal.RESERVED_SPI,
				"SPIs 0-255 are reserved");
		assertRefused(manual(Direction.OUTBOUND, 0x104, TRIPLE_DES_KEY.substring(2)), SadRefusal.KEY_LENGTH,
				"encryption key of 23 bytes, TRIPLE_DES_CBC takes 24");
		assertRefused(
				TestSas.spec(Direction.OUTBOUND, 0x105, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20",
						EncryptionAlgorithm.AES_GCM_16_128, KeyBytes.ofHex("00".repeat(20)),
						IntegrityAlgorithm.HMAC_SHA1_96,
						KeyBytes.ofHex(SHA1_KEY)),
				SadRefusal.ALGORITHMS, "AES_GCM_16_128 authenticates itself and takes no integrity algorithm");
		assertRefused(
				TestSas.spec(Direction.OUTBOUND, 0x106, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20",
						EncryptionAlgorithm.NULL, KeyBytes.NONE, IntegrityAlgorithm.NONE, KeyBytes.NONE),
				SadRefusal.ALGORITHMS, "ESP with neither encryption nor integrity");
		assertRefused(TestSas.spec(Direction.OUTBOUND, 0x107, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.10",
				"10.2.2.20",
				EncryptionAlgorithm.AES_CBC_128, KeyBytes.ofHex("00".repeat(16)), IntegrityAlgorithm.HMAC_SHA1_96,
				KeyBytes.ofHex(SHA1_KEY)), SadRefusal.ALGORITHMS, "AH does not encrypt");
		assertRefused(
				TestSas.spec(Direction.OUTBOUND, 0x108, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20",
						EncryptionAlgorithm.AES_CBC_128, KeyBytes.ofHex("00".repeat(16)),
						IntegrityAlgorithm.HMAC_SHA256_128,
						KeyBytes.ofHex(SHA1_KEY)),
				SadRefusal.KEY_LENGTH, "integrity key of 20 bytes, HMAC_SHA256_128 takes 32");
		assertThat(sad.all()).isEmpty();
	}

	private void assertRefused(SaSpec spec, SadRefusal refusal, String why) {
		assertThat(sad.addManual(spec)).isInstanceOfSatisfying(SaAddition.Refused.class, r -> {
			assertThat(r.refusal()).isEqualTo(refusal);
			assertThat(r.message()).isEqualTo(HpuxEvent.sadbAddInvalid(spec.spi()) + " (" + why + ")");
		});
		// The audit entry is HP-UX's; the reason goes to the STREAMS log (A.02.00 guide, pages 183-184).
		assertThat(lastEvent()).isEqualTo(HpuxEvent.sadbAddInvalid(spec.spi()));
		assertThat(audit.streams().lines()).last().asString().contains("SADB_ADD refused, " + why + " - SPI: ");
	}

	@Test
	void manualInboundSpisStayOutOfTheDynamicRange() {
		assertThat(sad.addManual(manual(Direction.INBOUND, 300, TRIPLE_DES_KEY))).isInstanceOfSatisfying(
				SaAddition.Refused.class, r -> assertThat(r.message()).isEqualTo("Manual SA SPI: 12C IP addr:"
						+ " 10.1.1.10:10.2.2.20 proto: 50 lies in the dynamic SPI range 300-2500000; manual SA not added"));
		assertThat(sad.addManual(manual(Direction.INBOUND, 2_500_001, TRIPLE_DES_KEY)))
				.isInstanceOf(SaAddition.Added.class);
		// The peer chose an outbound SPI from its own range.
		assertThat(sad.addManual(manual(Direction.OUTBOUND, 300, TRIPLE_DES_KEY))).isInstanceOf(SaAddition.Added.class);
	}

	@Test
	void dynamicSpisComeFromTheRangeInTurn() {
		SecurityAssociationDatabase small = new SecurityAssociationDatabase(new SpiRange(300, 302), clock, audit);
		assertThat(small.dynamicRange().size()).isEqualTo(3);
		assertThat(small.allocateSpi(address("10.1.1.10"), SecurityProtocol.ESP)).isEqualTo(OptionalLong.of(300));
		assertThat(small.allocateSpi(address("10.1.1.10"), SecurityProtocol.ESP)).isEqualTo(OptionalLong.of(301));
		assertThat(small.larval()).hasSize(2);

		SaSpec negotiated = TestSas.spec(Direction.INBOUND, 300, SecurityProtocol.ESP, Mode.TRANSPORT, "10.2.2.20",
				"10.1.1.10", new TestSas.Suite(EncryptionAlgorithm.AES_GCM_16_128, IntegrityAlgorithm.NONE),
				new Random(1));
		assertThat(small.addDynamic(negotiated)).isInstanceOf(SaAddition.Added.class);
		small.releaseSpi(new SaId(301, address("10.1.1.10"), SecurityProtocol.ESP));
		assertThat(small.larval()).isEmpty();

		assertThat(small.allocateSpi(address("10.1.1.10"), SecurityProtocol.ESP)).isEqualTo(OptionalLong.of(302));
		// Round again: 300 is in use, 301 was given back.
		assertThat(small.allocateSpi(address("10.1.1.10"), SecurityProtocol.ESP)).isEqualTo(OptionalLong.of(301));
		assertThat(small.allocateSpi(address("10.1.1.10"), SecurityProtocol.ESP)).isEmpty();
		assertThat(lastEvent()).isEqualTo("No free SPI in the dynamic SPI range 300-302");
		// SPIs are per destination: the next one in turn is free for another address.
		assertThat(small.allocateSpi(address("10.1.1.11"), SecurityProtocol.ESP)).isEqualTo(OptionalLong.of(302));
	}

	private SecurityAssociation addWithLifetime(Lifetime lifetime) {
		SaSpec base = manual(Direction.OUTBOUND, 0x110, TRIPLE_DES_KEY);
		SaSpec spec = new SaSpec(base.direction(), base.spi(), base.protocol(), base.mode(), base.source(),
				base.destination(), base.encryption(), base.encryptionKey(), base.integrity(), base.integrityKey(),
				lifetime, base.replayWindow());
		return ((SaAddition.Added) sad.addManual(spec)).sa();
	}

	@Test
	void lifetimesInSecondsRunOnTheClock() {
		SecurityAssociation sa = addWithLifetime(new Lifetime(100, 120, 0, 0));
		assertThat(sa.created()).isEqualTo(clock.instant());
		clock.advance(Duration.ofSeconds(99));
		sad.expire();
		assertThat(sa.state()).isEqualTo(SaState.MATURE);
		clock.advance(Duration.ofSeconds(1));
		sad.expire();
		assertThat(sa.state()).isEqualTo(SaState.DYING);
		assertThat(lastEvent()).isEqualTo("SA soft lifetime expired - SPI: 110 IP addr: 10.1.1.10:10.2.2.20 proto: 50");
		assertThat(sad.admit(sa)).isTrue();
		clock.advance(Duration.ofSeconds(20));
		// No sweep needed: using the SA ages it.
		assertThat(sad.admit(sa)).isFalse();
		assertThat(sa.state()).isEqualTo(SaState.DEAD);
		assertThat(sad.find(sa.spec().id())).isEmpty();
		assertThat(lastEvent())
				.isEqualTo("SA hard lifetime expired, SA deleted - SPI: 110 IP addr: 10.1.1.10:10.2.2.20 proto: 50");
	}

	@Test
	void lifetimesInKilobytesCountTraffic() {
		SecurityAssociation sa = addWithLifetime(new Lifetime(0, 0, 2, 3));
		sad.recordTraffic(sa, 2047);
		assertThat(sa.state()).isEqualTo(SaState.MATURE);
		sad.recordTraffic(sa, 1);
		assertThat(sa.state()).isEqualTo(SaState.DYING);
		sad.recordTraffic(sa, 1024);
		assertThat(sa.state()).isEqualTo(SaState.DEAD);
		assertThat(sad.admit(sa)).isFalse();
		assertThat(sad.all()).isEmpty();
	}

	@Test
	void deletingAnSa() {
		SecurityAssociation sa = addWithLifetime(Lifetime.UNLIMITED);
		assertThat(sad.delete(sa.spec().id())).isTrue();
		assertThat(sad.delete(sa.spec().id())).isFalse();
		assertThat(lastEvent()).isEqualTo("SA deleted - SPI: 110 IP addr: 10.1.1.10:10.2.2.20 proto: 50");
	}

	@Test
	void aReceivedPacketFindsItsSaByItsBytes() {
		SaSpec toB = manual(Direction.INBOUND, 0x120, TRIPLE_DES_KEY);
		// Deleted by its hard lifetime after a kilobyte.
		SaSpec toC = new SaSpec(Direction.INBOUND, 0x120, SecurityProtocol.ESP, Mode.TRANSPORT, address("10.1.1.10"),
				address("10.3.3.30"), toB.encryption(), toB.encryptionKey(), toB.integrity(), toB.integrityKey(),
				new Lifetime(0, 0, 0, 1), SaSpec.DEFAULT_REPLAY_WINDOW);
		SaSpec ahToB = TestSas.spec(Direction.INBOUND, 0x120, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.10",
				"10.2.2.20",
				EncryptionAlgorithm.NULL, KeyBytes.NONE, toB.integrity(), toB.integrityKey());
		SecurityAssociation b = ((SaAddition.Added) sad.addManual(toB)).sa();
		SecurityAssociation c = ((SaAddition.Added) sad.addManual(toC)).sa();
		SecurityAssociation ah = ((SaAddition.Added) sad.addManual(ahToB)).sa();
		// The destination of an IPv4 header at bytes 16-19, here inside a longer buffer.
		byte[] packetToB = TestPackets.udp("10.1.1.10", "10.2.2.20", new byte[4]);
		byte[] packetToC = TestPackets.udp("10.1.1.10", "10.3.3.30", new byte[4]);
		byte[] packetToD = TestPackets.udp("10.1.1.10", "10.4.4.40", new byte[4]);

		assertThat(sad.find(0x120, packetToB, 16, 4, SecurityProtocol.ESP)).containsSame(b);
		assertThat(sad.find(0x120, packetToC, 16, 4, SecurityProtocol.ESP)).containsSame(c);
		assertThat(sad.find(0x120, packetToB, 16, 4, SecurityProtocol.AH)).containsSame(ah);
		assertThat(sad.find(0x120, packetToD, 16, 4, SecurityProtocol.ESP)).isEmpty();
		assertThat(sad.find(0x121, packetToB, 16, 4, SecurityProtocol.ESP)).isEmpty();
		SecurityAssociation lower = ((SaAddition.Added) sad.addManual(manual(Direction.INBOUND, 0x11f, TRIPLE_DES_KEY)))
				.sa();
		SecurityAssociation higher = ((SaAddition.Added) sad
				.addManual(manual(Direction.INBOUND, 0x121, TRIPLE_DES_KEY))).sa();
		assertThat(sad.find(0x11f, packetToB, 16, 4, SecurityProtocol.ESP)).containsSame(lower);
		assertThat(sad.find(0x121, packetToB, 16, 4, SecurityProtocol.ESP)).containsSame(higher);
		assertThat(sad.find(0x120, packetToB, 16, 4, SecurityProtocol.ESP)).containsSame(b);
		// Four bytes of an IPv6 address are not an IPv4 destination.
		assertThat(sad.find(0x120, packetToB, 12, 16, SecurityProtocol.ESP)).isEmpty();

		sad.delete(b.spec().id());
		assertThat(sad.find(0x120, packetToB, 16, 4, SecurityProtocol.ESP)).isEmpty();
		assertThat(sad.find(0x120, packetToC, 16, 4, SecurityProtocol.ESP)).containsSame(c);
		sad.recordTraffic(c, 1024);
		assertThat(sad.find(0x120, packetToC, 16, 4, SecurityProtocol.ESP)).isEmpty();
		assertThat(sad.find(0x120, packetToB, 16, 4, SecurityProtocol.AH)).containsSame(ah);
	}
}
