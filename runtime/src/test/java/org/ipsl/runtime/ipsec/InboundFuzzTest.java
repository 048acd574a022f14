package org.ipsl.runtime.ipsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.esp.Esp;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.SaId;
import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the receiver with Jazzer: any bytes given to {@link IpsecEngine#inbound}
 * on a host holding {@link InboundSas}' SAs are processed, or dropped with a reason other than the
 * engine's own fault and exactly one entry, in the audit log or (for what HP-UX writes there,
 * such as {@code Padding checks failed}) the STREAMS log; nothing throws. Each input meets a fresh host, so
 * that a finding replays alike. Seeds (in {@code InboundFuzzTestInputs}) are genuine packets of every
 * SA, one AH-over-ESP bundle and a clear packet, written by {@link #main}.
 * {@link MutatedPacketTest} covers what this cannot: a stream of packets against one long-lived SA
 * (replay, the window's edge, a genuine packet still accepted after each bad one).
 */
class InboundFuzzTest {
	private static final Path SEEDS = Path.of("src/test/resources/org/ipsl/runtime/ipsec/InboundFuzzTestInputs",
			"anyBytesAreProcessedOrDroppedWithAReason");
	/** Inbound processing never draws IVs; one source serves every fresh host. */
	private static final Esp ESP = Esp.withSecureRandom();

	private static long entries(InboundSas.Host host) {
		return host.audit().written() + host.audit().streams().written();
	}

	@FuzzTest
	void anyBytesAreProcessedOrDroppedWithAReason(byte[] bytes) {
		InboundSas.Host host = InboundSas.host(Direction.INBOUND, ESP);
		long entriesBefore = entries(host);
		IpsecEngine.Received result = host.engine().inbound(bytes.clone());
		if (result.outcome() instanceof Outcome.Dropped dropped) {
			assertThat(dropped.reason()).as("%s: %s", dropped.detail(), HexFormat.of().formatHex(bytes))
					.isNotEqualTo(DropReason.PROCESSING_ERROR);
			assertThat(entries(host)).isEqualTo(entriesBefore + 1);
			assertThat(host.engine().dropCounts()).isEqualTo(Map.of(dropped.reason(), 1L));
			return;
		}
		byte[] packet = ((Outcome.Processed) result.outcome()).packet();
		assertThat(entries(host)).isEqualTo(entriesBefore);
		if (result.appliedSas().isEmpty()) {
			assertThat(packet).as("a clear packet passes unchanged").isEqualTo(bytes);
		} else {
			assertThat(IpPacket.parse(packet, IpPacket.Walk.INBOUND).nextHeader())
					.as("what IPsec recovered is a well-formed packet with no IPsec left")
					.isNotIn(IpPacket.PROTOCOL_ESP, IpPacket.PROTOCOL_AH);
		}
	}

	/** The seeds stay genuine: if the SAs' keys or the wire format change, rerun {@link #main}. */
	@Test
	void everySeedIsDeliveredByAFreshHost() throws IOException {
		List<Path> seeds;
		try (Stream<Path> files = Files.list(SEEDS)) {
			seeds = files.sorted().toList();
		}
		assertThat(seeds).hasSizeGreaterThan(InboundSas.FLOWS.size());
		for (Path seed : seeds) {
			IpsecEngine.Received result = InboundSas.host(Direction.INBOUND, ESP).engine()
					.inbound(Files.readAllBytes(seed));
			assertThat(result.outcome()).as(seed.getFileName().toString()).isInstanceOf(Outcome.Processed.class);
			if (!seed.getFileName().toString().equals("clear")) {
				assertThat(result.appliedSas()).as(seed.getFileName().toString()).isNotEmpty();
			}
		}
	}

	/** Writes the seed packets; run from the runtime folder with the test class path. */
	public static void main(String[] args) throws IOException {
		Files.createDirectories(SEEDS);
		InboundSas.Host sender = InboundSas.host(Direction.OUTBOUND, ESP);
		for (int i = 0; i < InboundSas.FLOWS.size(); i++) {
			InboundSas.Flow flow = InboundSas.FLOWS.get(i);
			for (int length : new int[]{0, 37}) {
				byte[] clear = InboundSas.clearPacket(flow, TestPackets.payload(length, i));
				Files.write(SEEDS.resolve("sa" + (i + 1) + "-" + length), protect(sender, flow, clear));
			}
		}
		// AH over ESP: the first ESP flow and the AH flow share their addresses.
		InboundSas.Flow esp = InboundSas.FLOWS.get(0);
		InboundSas.Flow ah = InboundSas.FLOWS.get(7);
		byte[] bundle = protect(sender, ah,
				protect(sender, esp, InboundSas.clearPacket(esp, TestPackets.payload(20, 99))));
		Files.write(SEEDS.resolve("ah-over-esp"), bundle);
		Files.write(SEEDS.resolve("clear"), InboundSas.clearPacket(esp, TestPackets.payload(12, 7)));
	}

	private static byte[] protect(InboundSas.Host sender, InboundSas.Flow flow, byte[] packet) {
		var sa = sender.engine().sad().find(new SaId(flow.outbound().spi(),
				flow.outbound().destination(), flow.outbound().protocol())).orElseThrow();
		return ((Outcome.Processed) sender.engine().outbound(sa, packet)).packet();
	}
}
