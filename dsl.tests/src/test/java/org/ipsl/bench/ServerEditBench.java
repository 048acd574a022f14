package org.ipsl.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.ipsl.tests.support.LspProcess;

/**
 * How long after a one-line edit the server republishes the diagnostics of a 10,000-policy file:
 * the real server jar over LSP, incremental didChange of one port, time until publishDiagnostics,
 * and the server's CPU time per edit (until it is idle again), with the load average at the end.
 * Run: {@code java -cp <test classpath> org.ipsl.bench.ServerEditBench [policies] [edits]}; with
 * {@code -Dbench.perEdit=true} it also prints, for every edit: its start (epoch ms, to line up with
 * the server's {@code -Xlog:...:timemillis} or JFR), latency, the server's CPU, this client's own CPU
 * and collector time (the client parses each 1.5 MB publication, which the latency includes), the
 * other processes' CPU meanwhile, and the time of a fixed memory walk right after the edit.
 */
public final class ServerEditBench {
	private ServerEditBench() {
	}

	/** Collector time of this (client) JVM so far, all collectors. */
	private static long clientGcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream()
				.mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
	}

	private static long clientCpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1_000_000;
	}

	/**
	 * CPU time all processes of the machine have used so far (user, nice, system, irq, softirq,
	 * steal from /proc/stat, in 10 ms ticks), to tell how busy the other processes were during an edit.
	 */
	private static long machineBusyMillis() {
		try {
			String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int field : new int[]{1, 2, 3, 6, 7, 8})
				busy += Long.parseLong(ticks[field]);
			return busy * 10;
		} catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	/** A random cycle through 4 M slots (16 MB, beyond the caches), for {@link #probeMillis}. */
	private static int[] probeCycle() {
		int[] order = new int[1 << 22];
		Random random = new Random(7);
		for (int i = 0; i < order.length; i++) { // Fisher-Yates: a seeded permutation of 0..n-1
			int j = random.nextInt(i + 1);
			order[i] = order[j];
			order[j] = i;
		}
		int[] next = new int[order.length];
		for (int i = 0; i < order.length; i++)
			next[order[i]] = order[(i + 1) % order.length];
		return next;
	}

	/**
	 * How long this machine takes for a fixed memory-bound walk, right after an edit: if it is slower
	 * exactly when the server's edits are, the machine (not the server) was slower then.
	 */
	private static long probeMillis(int[] cycle) {
		long start = System.nanoTime();
		int at = 0;
		for (int step = 0; step < 500_000; step++)
			at = cycle[at];
		long millis = (System.nanoTime() - start) / 1_000_000;
		return at == -1 ? -1 : millis; // uses the walk's end, so that the JIT cannot drop the walk
	}

	public static void main(String[] args) throws Exception {
		int policies = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int edits = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		boolean perEdit = Boolean.getBoolean("bench.perEdit");
		int[] cycle = perEdit ? probeCycle() : null;
		System.setProperty("ipsl.jar", System.getProperty("ipsl.jar", "dsl.ide/target/ipsl.jar"));
		Path workspace = Files.createTempDirectory("ipsl-edit-bench");
		Path file = workspace.resolve("gw.ipsl");
		String text = PolicyTextGenerator.host(policies, 20261127L);
		Files.writeString(file, text);
		List<String> lines = List.of(text.split("\n"));
		int line = lines.indexOf(lines.stream().filter(l -> l.contains(" port ")).skip(lines.size() / 8).findFirst()
				.orElseThrow());
		try (LspProcess lsp = LspProcess.start(workspace)) {
			long opened = System.nanoTime();
			lsp.open(file, text);
			lsp.awaitDiagnostics(file, d -> true);
			System.out.printf("first diagnostics after open: %d ms%n", (System.nanoTime() - opened) / 1_000_000);
			List<Long> millis = new ArrayList<>(), cpuMillis = new ArrayList<>();
			String original = lines.get(line);
			int column = original.lastIndexOf(" port ") + 6;
			for (int i = 0; i < edits; i++) {
				String port = Integer.toString(1000 + i);
				int end = original.length();
				int seen = lsp.publications(file);
				long start = System.nanoTime(), startedAt = System.currentTimeMillis();
				Duration cpuBefore = lsp.cpuTime();
				long clientGcBefore = clientGcMillis(), clientCpuBefore = clientCpuMillis(),
						machineBefore = machineBusyMillis();
				lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(LspProcess.uri(file), i + 2),
						List.of(new TextDocumentContentChangeEvent(
								new Range(new Position(line, column), new Position(line, end)), port))));
				lsp.awaitNewDiagnostics(file, seen);
				millis.add((System.nanoTime() - start) / 1_000_000);
				BenchFigures.awaitIdle(lsp);
				cpuMillis.add(lsp.cpuTime().minus(cpuBefore).toMillis());
				if (perEdit) {
					long clientCpu = clientCpuMillis() - clientCpuBefore;
					long others = machineBusyMillis() - machineBefore - cpuMillis.get(i) - clientCpu;
					System.out.printf("edit %d at %d: %d ms, server CPU %d ms, client CPU %d ms, client GC %d ms, "
							+ "other processes' CPU %d ms, probe walk %d ms%n", i, startedAt, millis.get(i),
							cpuMillis.get(i), clientCpu, clientGcMillis() - clientGcBefore, others, probeMillis(cycle));
				}
				original = original.substring(0, column) + port;
			}
			List<Long> warm = BenchFigures.warm(millis), warmCpu = BenchFigures.warm(cpuMillis);
			System.out.printf("%d policies, %d one-line edits: republished after median %d ms, p90 %d ms, max %d ms "
					+ "(first 5 edits, JIT warm-up, left out: %s)%n", policies, edits, warm.get(warm.size() / 2),
					warm.get(warm.size() * 9 / 10), warm.get(warm.size() - 1),
					millis.subList(0, Math.min(5, millis.size())));
			System.out.printf(
					"server CPU per edit (all threads, until idle): median %d ms, p90 %d ms; load average %s%n",
					warmCpu.get(warmCpu.size() / 2), warmCpu.get(warmCpu.size() * 9 / 10), BenchFigures.loadAverage());
		}
	}
}
