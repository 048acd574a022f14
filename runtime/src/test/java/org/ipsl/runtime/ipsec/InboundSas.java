package org.ipsl.runtime.ipsec;

import java.util.List;
import java.util.Random;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.esp.Esp;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.sad.SpiRange;

/**
 * A fixed set of SAs for fuzzing the receiver: ESP with CBC ciphers, GCM, NULL encryption and
 * encryption alone, AH, in transport and tunnel mode, over IPv4 and IPv6. Keys come from a fixed
 * seed so that packets written once (the fuzzer's seed files) stay valid.
 */
final class InboundSas {

	/** One SA as the sender holds it, and the addresses of the packets it carries. */
	record Flow(SaSpec outbound, String innerSource, String innerDestination) {
	}

	static final List<Flow> FLOWS = List.of(
			flow(0x4000_0001L, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20", null, null,
					EncryptionAlgorithm.AES_CBC_128, IntegrityAlgorithm.HMAC_SHA1_96),
			flow(0x4000_0002L, SecurityProtocol.ESP, Mode.TUNNEL, "192.0.2.1", "192.0.2.2", "10.1.1.10", "10.2.2.20",
					EncryptionAlgorithm.AES_GCM_16_128, IntegrityAlgorithm.NONE),
			flow(0x4000_0003L, SecurityProtocol.ESP, Mode.TUNNEL, "2001:db8::1", "2001:db8::2", "10.1.1.10",
					"10.2.2.20",
					EncryptionAlgorithm.TRIPLE_DES_CBC, IntegrityAlgorithm.HMAC_MD5_96),
			flow(0x4000_0004L, SecurityProtocol.ESP, Mode.TRANSPORT, "2001:db8:1::10", "2001:db8:2::20", null, null,
					EncryptionAlgorithm.AES_CBC_256, IntegrityAlgorithm.NONE),
			flow(0x4000_0005L, SecurityProtocol.ESP, Mode.TUNNEL, "192.0.2.1", "192.0.2.2", "2001:db8:1::10",
					"2001:db8:2::20", EncryptionAlgorithm.NULL, IntegrityAlgorithm.HMAC_SHA256_128),
			flow(0x4000_0006L, SecurityProtocol.ESP, Mode.TRANSPORT, "2001:db8:1::10", "2001:db8:2::20", null, null,
					EncryptionAlgorithm.AES_GCM_16_256, IntegrityAlgorithm.NONE),
			flow(0x4000_0007L, SecurityProtocol.ESP, Mode.TUNNEL, "192.0.2.1", "192.0.2.2", "10.1.1.10", "10.2.2.20",
					EncryptionAlgorithm.DES_CBC, IntegrityAlgorithm.NONE),
			flow(0x4000_0008L, SecurityProtocol.AH, Mode.TRANSPORT, "10.1.1.10", "10.2.2.20", null, null,
					EncryptionAlgorithm.NULL, IntegrityAlgorithm.HMAC_SHA1_96),
			flow(0x4000_0009L, SecurityProtocol.AH, Mode.TUNNEL, "2001:db8::1", "2001:db8::2", "2001:db8:1::10",
					"2001:db8:2::20", EncryptionAlgorithm.NULL, IntegrityAlgorithm.HMAC_SHA256_128));

	private InboundSas() {
	}

	private static Flow flow(long spi, SecurityProtocol protocol, Mode mode, String source, String destination,
			String innerSource, String innerDestination, EncryptionAlgorithm encryption,
			IntegrityAlgorithm integrity) {
		Random keys = new Random(spi);
		SaSpec spec = TestSas.spec(Direction.OUTBOUND, spi, protocol, mode, source, destination, encryption,
				TestSas.randomKey(encryption.keyMaterialBytes(), keys), integrity,
				TestSas.randomKey(integrity.keyBytes(), keys));
		return mode == Mode.TRANSPORT
				? new Flow(spec, source, destination)
				: new Flow(spec, innerSource, innerDestination);
	}

	/** A UDP packet this flow carries, before protection. */
	static byte[] clearPacket(Flow flow, byte[] payload) {
		return TestPackets.udp(flow.innerSource(), flow.innerDestination(), payload);
	}

	/** A host's engine, SAD and audit log (level debug: every drop is written). */
	record Host(IpsecEngine engine, AuditLog audit) {
	}

	/** A host holding every flow's SA in the given direction, each with a fresh replay window and counters. */
	static Host host(Direction direction, Esp esp) {
		MutableClock clock = new MutableClock();
		AuditLog audit = new AuditLog(AuditLevel.DEBUG, clock, line -> {
		}, 16);
		SecurityAssociationDatabase sad = new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, audit);
		for (Flow flow : FLOWS) {
			SaSpec spec = direction == Direction.OUTBOUND ? flow.outbound() : TestSas.inbound(flow.outbound());
			if (!(sad.addManual(spec) instanceof SaAddition.Added)) {
				throw new IllegalStateException("SA refused: " + spec.spi());
			}
		}
		return new Host(new IpsecEngine(sad, audit, esp), audit);
	}
}
