package org.ipsl.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ipsl.analysis.order.OrderingAnalysis;
import org.ipsl.analysis.order.OrderingFinding;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
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
 * Ordering analysis of one realistic host ({@link RuleSetGenerator}) of growing size, with and
 * without catch-all rules at the end. Run with
 * {@code -prof gc} for the heap each analysis allocates (gc.alloc.rate.norm, bytes per analysis).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderingBenchmark {

	@Param({"1000", "10000", "50000"})
	public int rules;

	/** Whether the database ends with two catch-all rules, each overlapping every rule before it. */
	@Param({"false", "true"})
	public boolean catchAll;

	private List<Rule> database;

	@Setup
	public void generate() {
		database = RuleSetGenerator.generate(20261127L, rules, catchAll);
	}

	@Benchmark
	public List<OrderingFinding> analyse() {
		return OrderingAnalysis.analyse(database, Action.DISCARD);
	}
}
