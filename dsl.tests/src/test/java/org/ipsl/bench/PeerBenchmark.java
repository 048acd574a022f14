package org.ipsl.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipsl.analysis.peers.PeerAnalysis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every peer check of a seeded ring ({@link PeerRingGenerator}): hosts × policies of 50 × 200 (the
 * target, at most 2 s warm), 10 × 1,000 and 200 × 50, to show how the cost grows with policies and
 * with hosts. Each run builds fresh hosts, so the regions of their policy databases are built too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeerBenchmark {

	/** hosts x policies per host. */
	@Param({"50x200", "10x1000", "200x50"})
	public String ring;

	private List<PeerRingGenerator.HostSpec> hosts;

	@Setup
	public void generate() {
		String[] size = ring.split("x");
		hosts = PeerRingGenerator.ring(20261127L, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
		PeerAnalysis.Report report = PeerAnalysis.analyse(PeerRingGenerator.build(hosts));
		System.out.printf("%n[ring %s] %d findings, %d sessions%n", ring, report.findings().size(),
				report.sessions().size());
	}

	@Benchmark
	public PeerAnalysis.Report analyse() {
		return PeerAnalysis.analyse(PeerRingGenerator.build(hosts));
	}
}
