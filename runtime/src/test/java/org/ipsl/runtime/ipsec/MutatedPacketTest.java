package org.ipsl.runtime.ipsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.TwoHosts;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the receiver: genuine ESP and AH packets of every authenticating suite, mode
 * and address family, then truncated, bit-flipped, extended, forged, replayed, replayed too late,
 * or replaced by garbage. Each such packet must be dropped with a reason and exactly one audit
 * entry, never throw, and never disturb the SA: the genuine packet sent after it still arrives.
 */
class MutatedPacketTest {

	private static final long SEED = 20_261_127L;
	private static final int MUTANTS = 120_000;

	private enum Mutation {
		TRUNCATE, FLIP, EXTEND, FORGE, GARBAGE, REPLAY, TOO_OLD
	}

	private final TwoHosts hosts = new TwoHosts();
	private final SplittableRandom random = new SplittableRandom(SEED);

	private record Flow(TwoHosts.Link link, String source, String destination, List<byte[]> delivered) {
	}

	private List<Flow> flows() {
		String[][] addresses = {
				{"10.1.1.10", "10.2.2.20", "10.1.1.10", "10.2.2.20"},
				{"2001:db8:1::10", "2001:db8:2::20", "2001:db8:1::10", "2001:db8:2::20"},
				{"192.0.2.1", "192.0.2.2", "2001:db8:1::10", "2001:db8:2::20"},
				{"2001:db8::1", "2001:db8::2", "10.1.1.10", "10.2.2.20"}};
		List<Flow> flows = new ArrayList<>();
		List<TestSas.Suite> suites = new ArrayList<>(TestSas.authenticatedEspSuites());
		int espSuites = suites.size();
		suites.addAll(TestSas.ahSuites());
		for (int i = 0; i < suites.size(); i++) {
			// Transport mode needs the same family inside and out: the first two address sets.
			Mode mode = i % 2 == 0 ? Mode.TRANSPORT : Mode.TUNNEL;
			String[] at = addresses[mode == Mode.TRANSPORT ? (i / 2) % 2 : i % 4];
			SecurityProtocol protocol = i < espSuites ? SecurityProtocol.ESP : SecurityProtocol.AH;
			TwoHosts.Link link = hosts.link(0x3000_0000L + i, protocol, mode, at[0], at[1], suites.get(i),
					new Random(i));
			flows.add(new Flow(link, at[2], at[3], new ArrayList<>()));
		}
		return flows;
	}

	@Test
	void everyBadPacketIsDroppedWithAReasonAndOneAuditEntry() {
		List<Flow> flows = flows();
		Map<DropReason, Integer> reasons = new EnumMap<>(DropReason.class);
		int mutants = 0;
		while (mutants < MUTANTS) {
			Flow flow = flows.get(random.nextInt(flows.size()));
			byte[] packet = TestPackets.udp(flow.source(), flow.destination(), randomBytes(random.nextInt(200)));
			byte[] genuine = ((Outcome.Processed) hosts.sender.outbound(flow.link().outbound(), packet)).packet();
			Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
			byte[] bad = switch (mutation) {
				case TRUNCATE -> truncated(genuine);
				case FLIP -> flipped(genuine);
				case EXTEND -> extended(genuine);
				case FORGE -> forged(genuine);
				case GARBAGE -> randomBytes(random.nextInt(120));
				case REPLAY -> {
					assertDelivered(flow, genuine, packet);
					yield genuine;
				}
				case TOO_OLD -> flow.delivered().isEmpty() || flow.link().inbound().replayWindow().highest() < 80
						? null
						: flow.delivered().get(0);
			};
			if (bad == null) {
				assertDelivered(flow, genuine, packet);
				continue;
			}
			DropReason reason = assertDropped(mutation, bad);
			if (reason != null) {
				mutants++;
				reasons.merge(reason, 1, Integer::sum);
			}
			if (mutation != Mutation.REPLAY) {
				assertDelivered(flow, genuine, packet);
			}
		}
		assertThat(reasons).doesNotContainKey(DropReason.PROCESSING_ERROR)
				.containsKeys(DropReason.MALFORMED, DropReason.TRUNCATED, DropReason.UNKNOWN_SPI,
						DropReason.ICV_MISMATCH,
						DropReason.REPLAYED, DropReason.OUTSIDE_REPLAY_WINDOW);
		assertThat(hosts.receiver.dropCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(mutants);
		System.out.println("fuzzed " + mutants + " packets with seed " + SEED + ", dropped as " + reasons);
	}

	/** @return the reason, or null when garbage happened to be a well-formed clear packet */
	private DropReason assertDropped(Mutation mutation, byte[] bad) {
		long auditBefore = hosts.receiverAudit.written();
		long streamsBefore = hosts.receiverAudit.streams().written();
		IpsecEngine.Received received = hosts.receiver.inbound(bad);
		if (mutation == Mutation.GARBAGE && received.outcome() instanceof Outcome.Processed
				&& received.appliedSas().isEmpty()) {
			return null;
		}
		assertThat(received.outcome()).as("%s %s", mutation, TestPackets.hex(bad)).isInstanceOf(Outcome.Dropped.class);
		DropReason reason = ((Outcome.Dropped) received.outcome()).reason();
		if (reason.streams()) {
			// HP-UX's STREAMS modules log these, not the audit file.
			assertThat(hosts.receiverAudit.written()).isEqualTo(auditBefore);
			assertThat(hosts.receiverAudit.streams().written()).isEqualTo(streamsBefore + 1);
			assertThat(hosts.receiverAudit.streams().lines()).last().asString()
					.contains(" " + reason.event());
		} else {
			assertThat(hosts.receiverAudit.written()).isEqualTo(auditBefore + 1);
			assertThat(hosts.lastReceiverAuditLine).contains("From: SECPOLICYD Lvl: " + reason.level().label())
					.contains("Event: " + reason.event());
		}
		switch (mutation) {
			case REPLAY -> assertThat(reason).isEqualTo(DropReason.REPLAYED);
			case TOO_OLD -> assertThat(reason).isEqualTo(DropReason.OUTSIDE_REPLAY_WINDOW);
			default -> {
			}
		}
		return reason;
	}

	private void assertDelivered(Flow flow, byte[] genuine, byte[] packet) {
		IpsecEngine.Received received = hosts.receiver.inbound(genuine);
		assertThat(received.outcome()).isInstanceOf(Outcome.Processed.class);
		assertThat(((Outcome.Processed) received.outcome()).packet()).isEqualTo(packet);
		if (flow.delivered().isEmpty()) {
			flow.delivered().add(genuine);
		}
	}

	/** Cut anywhere; half the time with the IP length fixed so that ESP or AH sees the cut. */
	private byte[] truncated(byte[] genuine) {
		byte[] cut = Arrays.copyOf(genuine, random.nextInt(genuine.length));
		if (random.nextBoolean() && cut.length >= ipsecOffset(genuine)) {
			IpPacket.fixLength(cut);
		}
		return cut;
	}

	/** One to three bytes changed from the ESP or AH header on: everything the ICV protects. */
	private byte[] flipped(byte[] genuine) {
		byte[] changed = genuine.clone();
		int from = ipsecOffset(genuine);
		for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
			changed[from + random.nextInt(changed.length - from)] ^= (byte) (1 + random.nextInt(255));
		}
		return changed;
	}

	private byte[] extended(byte[] genuine) {
		byte[] longer = Arrays.copyOf(genuine, genuine.length + 1 + random.nextInt(16));
		System.arraycopy(randomBytes(longer.length - genuine.length), 0, longer, genuine.length,
				longer.length - genuine.length);
		if (random.nextBoolean()) {
			IpPacket.fixLength(longer);
		}
		return longer;
	}

	/** The genuine headers and SPI, everything after them random. */
	private byte[] forged(byte[] genuine) {
		byte[] forged = genuine.clone();
		int from = ipsecOffset(genuine) + 8;
		System.arraycopy(randomBytes(forged.length - from), 0, forged, from, forged.length - from);
		return forged;
	}

	private static int ipsecOffset(byte[] genuine) {
		return IpPacket.parse(genuine, IpPacket.Walk.INBOUND).headerEnd();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}
}
