package org.ipsl.runtime.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The forked JVM's CPU time per operation (all its threads, so the garbage collector's work for
 * what an operation allocates counts too), as {@code cpu.time.norm} in ns/op. On a shared machine
 * other processes steal wall-clock time from a benchmark, and unevenly between the benchmarks of
 * one run, which skews throughput ratios; the CPU time an operation costs varies much less.
 * Use: {@code -prof org.ipsl.runtime.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
	private long startNanos;

	@Override
	public String getDescription() {
		return "process CPU time per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		startNanos = os.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long spent = os.getProcessCpuTime() - startNanos;
		long operations = result.getMetadata().getAllOps();
		return operations == 0
				? List.of()
				: List.of(
						new ScalarResult("cpu.time.norm", (double) spent / operations, "ns/op", AggregationPolicy.AVG));
	}
}
