package org.ipsl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.ipsl.tests.support.LspProcess;

/** What the benchmarks that drive real processes share: warm-up, idleness, the load, memory of a process. */
final class BenchFigures {
	private BenchFigures() {
	}

	/** A benchmark's work, which may fail. */
	interface Work {
		void run() throws Exception;
	}

	/**
	 * Runs a benchmark and ends the JVM, also when it fails: LSP4J's threads would keep it, and the
	 * connection to the server it started, alive.
	 */
	static void exitWhenDone(Work work) {
		int status = 0;
		try {
			work.run();
		} catch (Exception | AssertionError e) {
			e.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

	/** The measurements after the first five (JIT warm-up), sorted. */
	static List<Long> warm(List<Long> all) {
		List<Long> warm = new ArrayList<>(all.subList(Math.min(5, all.size() - 1), all.size()));
		Collections.sort(warm);
		return warm;
	}

	static long median(List<Long> sorted) {
		return sorted.get(sorted.size() / 2);
	}

	static long p90(List<Long> sorted) {
		return sorted.get(sorted.size() * 9 / 10);
	}

	/**
	 * Waits until the server stops using CPU (work after publishing, such as unloading, belongs to
	 * the edit's cost and would otherwise delay the next edit): no CPU in two 20 ms samples.
	 */
	static void awaitIdle(LspProcess lsp) throws InterruptedException {
		Duration last = lsp.cpuTime();
		for (int quiet = 0; quiet < 2;) {
			Thread.sleep(20);
			Duration now = lsp.cpuTime();
			quiet = now.minus(last).toMillis() < 2 ? quiet + 1 : 0;
			last = now;
		}
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
		} catch (IOException e) {
			return "unknown";
		}
	}

	/**
	 * The live heap of a Java process: the total of {@code jcmd PID GC.class_histogram}, which
	 * collects the whole heap first; empty when jcmd cannot tell.
	 */
	static OptionalLong liveHeapBytes(long pid) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
				.redirectErrorStream(true).start();
		List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0)
			return OptionalLong.empty();
		return lines.stream().filter(l -> l.startsWith("Total")).map(l -> l.trim().split("\\s+"))
				.filter(f -> f.length == 3).mapToLong(f -> Long.parseLong(f[2])).findFirst();
	}

	/** The peak resident memory of a running process so far ({@code VmHWM}), in bytes; 0 where /proc does not tell. */
	static long peakResidentBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
				if (line.startsWith("VmHWM:"))
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
		} catch (IOException | RuntimeException e) {
			// the process ended between two samples: its last sample stands
		}
		return 0;
	}

	static String megabytes(long bytes) {
		return String.format("%,d MB", bytes / 1_000_000);
	}
}
