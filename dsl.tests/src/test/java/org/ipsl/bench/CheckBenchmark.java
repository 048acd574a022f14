package org.ipsl.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.check.PathFailure;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.WorkspaceChecker;
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
 * Parse, link and validate one generated host of N policies, as {@code ipsl check} does (warm).
 * Setup prints the heap the loaded workspace keeps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class CheckBenchmark {
	@Param({"10000"})
	int policies;

	private WorkspaceChecker checker;
	private Path workspace;

	@Setup
	public void setUp() throws IOException, PathFailure {
		checker = new IpslStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(WorkspaceChecker.class);
		workspace = Files.createTempDirectory("ipsl-bench");
		Files.writeString(workspace.resolve("gw.ipsl"), PolicyTextGenerator.host(policies, 20261127L));
		long before = usedHeapAfterGc();
		List<WorkspaceChecker.Workspace> loaded = checker.load(List.of(workspace), LocalDate.now());
		long after = usedHeapAfterGc();
		System.out.printf("%n[heap] %d policies: the loaded workspace keeps %.1f MB (%d resource)%n", policies,
				(after - before) / 1e6, loaded.get(0).reported().size());
		List<Diagnostic> diagnostics = checker.check(List.of(workspace), LocalDate.now());
		System.out.printf("[check] %d diagnostics%n", diagnostics.size());
	}

	private static long usedHeapAfterGc() {
		for (int i = 0; i < 3; i++)
			System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	@Benchmark
	public List<Diagnostic> parseLinkValidate() throws PathFailure {
		return checker.check(List.of(workspace), LocalDate.now());
	}
}
