package org.ipsl.runtime.bench;

import java.util.concurrent.TimeUnit;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.spd.CachedDecision;
import org.ipsl.runtime.spd.DecisionCache;
import org.ipsl.runtime.spd.DecisionTree;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.LinearScan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SPD lookups over 10,000 seeded policies ({@link RealisticSpd}), one thread: the decision tree
 * uncached, a decision-cache hit (find and count, as the host does for every packet of a known
 * flow), and the linear scan, each over the same 4,096 flows in both directions' worth of
 * variety. Targets: tree ≥ 3 M lookups/s and ≥ 50× the linear scan; cache ≥ 20 M/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpdLookupBenchmark {

	static final int POLICIES = 10_000;
	static final int FLOWS = 4096;

	private DecisionTree tree;
	private LinearScan linear;
	private DecisionCache cache;
	private Flow[] flows;

	@Setup(Level.Trial)
	public void setUp() {
		RealisticSpd spd = new RealisticSpd(20261127L, POLICIES);
		tree = new DecisionTree(spd.selectors);
		linear = new LinearScan(spd.selectors);
		flows = spd.flows(FLOWS);
		cache = new DecisionCache(50, 60, new AuditLog(AuditLevel.ERROR, java.time.Clock.systemUTC()));
		org.ipsl.runtime.spd.SpdEntry entry = org.ipsl.runtime.spd.SpdEntry.defaultPolicy(true);
		for (Flow flow : flows) {
			cache.add(flow, Direction.OUTBOUND, entry);
		}
	}

	@Benchmark
	@OperationsPerInvocation(FLOWS)
	public void tree(Blackhole sink) {
		for (Flow flow : flows) {
			sink.consume(tree.firstMatch(flow, Direction.OUTBOUND));
		}
	}

	@Benchmark
	@OperationsPerInvocation(FLOWS)
	public void cached(Blackhole sink) {
		for (Flow flow : flows) {
			CachedDecision hit = cache.find(flow, Direction.OUTBOUND);
			hit.countPacket();
			sink.consume(hit);
		}
	}

	@Benchmark
	@OperationsPerInvocation(FLOWS)
	public void linear(Blackhole sink) {
		for (Flow flow : flows) {
			sink.consume(linear.firstMatch(flow, Direction.OUTBOUND));
		}
	}
}
