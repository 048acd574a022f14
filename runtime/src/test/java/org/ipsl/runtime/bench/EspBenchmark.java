package org.ipsl.runtime.bench;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.ipsec.IpsecEngine;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.packet.RecyclingPacketArrays;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Lifetime;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.sad.SpiRange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's ESP on 1,400-byte packets (tunnel mode, IPv4), outbound and inbound, against
 * {@link RawCrypto} with the JDK's provider doing only the cryptography on buffers of the same
 * lengths. The ratio esp/jce within one run is the figure; the target is 80 %. The {@code Recycled}
 * pair gives each packet's array back for the next one, as raw JCE reuses its buffers; the other
 * pair makes a new array per packet. Inbound uses an SA without anti-replay, so that one packet can
 * be received again and again.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EspBenchmark {

	@Param({"AES_GCM_128", "AES_CBC_128_HMAC_SHA1"})
	public BenchSuite suite;

	private IpsecEngine engine;
	private SecurityAssociation outbound;
	private byte[] packet;
	private byte[] received;
	private RawCrypto jce;
	private final PacketArrays arrays = new RecyclingPacketArrays();

	@Setup
	public void setUp() throws Exception {
		Clock clock = Clock.systemUTC();
		AuditLog audit = new AuditLog(AuditLevel.ERROR, clock);
		engine = new IpsecEngine(new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, audit), audit);
		SaSpec sent = TestSas.spec(Direction.OUTBOUND, 0x4000_0001L, SecurityProtocol.ESP, Mode.TUNNEL, "192.0.2.1",
				"192.0.2.2", new TestSas.Suite(suite.encryption, suite.integrity), new Random(1));
		outbound = ((SaAddition.Added) engine.sad().addManual(sent)).sa();
		SaSpec noReplayCheck = new SaSpec(Direction.INBOUND, 0x4000_0002L, sent.protocol(), sent.mode(), sent.source(),
				sent.destination(), sent.encryption(), sent.encryptionKey(), sent.integrity(), sent.integrityKey(),
				Lifetime.UNLIMITED, 0);
		SecurityAssociation inbound = ((SaAddition.Added) engine.sad().addManual(noReplayCheck)).sa();
		packet = TestPackets.udp("10.1.1.10", "10.2.2.20", new byte[BenchSuite.PACKET - 28]);
		received = ((Outcome.Processed) engine.outbound(inbound, packet)).packet();
		jce = RawCrypto.create("JCE", suite);
		jce.encrypt();
	}

	@Benchmark
	public Outcome espOutbound() {
		return engine.outbound(outbound, packet);
	}

	@Benchmark
	public Outcome espInbound() {
		return engine.inbound(received).outcome();
	}

	/** As a sender that gives each packet's array back once it is on the wire. */
	@Benchmark
	public Outcome espOutboundRecycled() {
		return givenBack(engine.outbound(outbound, packet, arrays));
	}

	/** As a receiver that gives each packet's array back once it is delivered. */
	@Benchmark
	public Outcome espInboundRecycled() {
		return givenBack(engine.inbound(received, arrays).outcome());
	}

	private Outcome givenBack(Outcome outcome) {
		if (outcome instanceof Outcome.Processed processed) {
			arrays.giveBack(processed.packet());
		}
		return outcome;
	}

	@Benchmark
	public byte[] jceEncrypt() throws Exception {
		jce.encrypt();
		return jce.packet;
	}

	@Benchmark
	public byte[] jceDecrypt() throws Exception {
		jce.decrypt();
		return jce.plain;
	}
}
