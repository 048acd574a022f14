package org.ipsl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.tests.support.LspProcess;

/**
 * Many hosts in one workspace: the seeded ring of {@link PeerRingText}, one file per host, each
 * host the peer of the next.
 * <ul>
 * <li>{@code edit HOSTS POLICIES [EDITS]}: the real {@code ipsl.jar lsp} over stdio, as an editor
 * drives it. Initialize time, the first diagnostics of the file opened, how long until every file's
 * diagnostics are published, then one-line edits of the open file (the transform of a policy
 * towards the next host, switched back and forth, so that the findings on both hosts change every
 * time): the time until the file's diagnostics are published again, the time until the peer's file
 * is, and the server's CPU per edit; the server's live heap before and after the edits.</li>
 * <li>{@code check POLICIES HOSTS...}: {@code java -XX:+UseSerialGC -jar ipsl.jar check FOLDER} as
 * the {@code ipsl} scripts run it ({@code -Dipsl.check.jvm=OPTIONS} for other JVM options), a cold
 * JVM per workspace size: its time, its CPU time (all threads, sampled every 10 ms, so the
 * last 10 ms are missed) and its peak resident memory.</li>
 * </ul>
 * Run from the repository root: {@code java -cp dsl.tests/target/test-classes:dsl.ide/target/ipsl.jar
 * org.ipsl.bench.FleetBench edit 1000 50 30}; {@code -Dipsl.jar=PATH} measures another jar.
 */
public final class FleetBench {
	private static final long SEED = 20261207L;

	private FleetBench() {
	}

	public static void main(String[] args) throws Exception {
		BenchFigures.exitWhenDone(() -> run(args));
	}

	private static void run(String[] args) throws Exception {
		System.setProperty("ipsl.jar", System.getProperty("ipsl.jar", "dsl.ide/target/ipsl.jar"));
		if (args.length >= 3 && args[0].equals("edit"))
			edit(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
					args.length > 3 ? Integer.parseInt(args[3]) : 30);
		else if (args.length >= 3 && args[0].equals("check"))
			check(Integer.parseInt(args[1]), Stream.of(args).skip(2).map(Integer::valueOf).toList());
		else
			System.err.println("usage: FleetBench edit HOSTS POLICIES [EDITS] | FleetBench check POLICIES HOSTS...");
	}

	/** The edited policy: host {@code host}'s rule {@code rule}, whose mirror image the next host holds. */
	private record Target(int host, int rule) {
	}

	/**
	 * A transport policy of one host (from the middle of the ring on) that protects traffic towards
	 * the next host with one transform, that no earlier policy of its host overlaps, and whose
	 * mirror image is the first policy of the next host to take that traffic: changing its
	 * transform changes the findings on both hosts.
	 */
	private static Target target(List<PeerRingGenerator.HostSpec> ring) {
		for (int step = 0; step < ring.size(); step++) {
			int t = (ring.size() / 2 + step) % ring.size();
			List<Rule> own = ring.get(t).rules(), peer = ring.get((t + 1) % ring.size()).rules();
			for (int i = 0; i < own.size(); i++) {
				Rule rule = own.get(i);
				Action action = rule.action();
				if (action.kind() != Action.Kind.PROTECT || action.tunnelLocal().isPresent()
						|| action.transforms().size() != 1
						|| !rule.selector().remote().equals(ring.get((t + 1) % ring.size()).addresses())
						|| own.subList(0, i).stream()
								.anyMatch(r -> r.selector().intersect(rule.selector()).isPresent()))
					continue;
				Rule mirror = peer.stream().filter(r -> r.selector().intersect(rule.selector().mirrored()).isPresent())
						.findFirst().orElse(null);
				if (mirror != null && mirror.selector().equals(rule.selector().mirrored())
						&& mirror.action().equals(action))
					return new Target(t, i);
			}
		}
		throw new IllegalStateException("no policy of the ring has a clean mirror image at its peer");
	}

	private static void edit(int hosts, int policies, int edits) throws Exception {
		Path workspace = Files.createTempDirectory("ipsl-fleet-edit");
		try {
			List<PeerRingGenerator.HostSpec> ring = PeerRingText.write(workspace, SEED, hosts, policies);
			int total = ring.stream().mapToInt(h -> h.rules().size()).sum();
			Target target = target(ring);
			Path file = PeerRingText.file(workspace, target.host()),
					peerFile = PeerRingText.file(workspace, (target.host() + 1) % hosts);
			String text = Files.readString(file);
			List<String> lines = text.lines().toList();
			Rule rule = ring.get(target.host()).rules().get(target.rule());
			int line = lines.indexOf("    policy " + rule.name() + " priority " + rule.priority() + " {") + 2;
			int column = lines.get(line).indexOf("protect ") + "protect ".length();
			String original = rule.action().transforms().get(0);
			String other = original.equals("esp-aes128-gcm16") ? "esp-aes256-hmac-sha256" : "esp-aes128-gcm16";
			System.out.printf("%d hosts, %d policies (%d in the edited file %s, line %d); load average %s%n", hosts,
					total, ring.get(target.host()).rules().size(), file.getFileName(), line + 1,
					BenchFigures.loadAverage());

			long started = System.nanoTime();
			try (LspProcess lsp = LspProcess.start(workspace)) {
				System.out.printf("initialize: %d ms%n", millisSince(started));
				long opened = System.nanoTime();
				lsp.open(file, text);
				lsp.awaitDiagnostics(file, d -> true);
				System.out.printf("first diagnostics of the opened file: %d ms after open%n", millisSince(opened));
				BenchFigures.awaitIdle(lsp);
				System.out.printf("server idle after %d ms from start, diagnostics published for %d of %d files%n",
						millisSince(started), lsp.publishedFiles(), hosts);
				printLiveHeap(lsp, "after opening", total);

				List<Long> millis = new ArrayList<>(), peerMillis = new ArrayList<>(), cpuMillis = new ArrayList<>();
				int peerMissed = 0;
				String current = original;
				for (int i = 0; i < edits; i++) {
					String next = current.equals(original) ? other : original;
					int seen = lsp.publications(file), peerSeen = lsp.publications(peerFile);
					Duration cpuBefore = lsp.cpuTime();
					long start = System.nanoTime();
					lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
							new VersionedTextDocumentIdentifier(LspProcess.uri(file), i + 2),
							List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, column),
									new Position(line, column + current.length())), next))));
					lsp.awaitNewDiagnostics(file, seen);
					millis.add(millisSince(start));
					if (lsp.awaitNewDiagnostics(peerFile, peerSeen, Duration.ofSeconds(30)))
						peerMillis.add(millisSince(start));
					else
						peerMissed++;
					BenchFigures.awaitIdle(lsp);
					cpuMillis.add(lsp.cpuTime().minus(cpuBefore).toMillis());
					current = next;
				}
				List<Long> warm = BenchFigures.warm(millis), warmCpu = BenchFigures.warm(cpuMillis);
				System.out.printf("%d edits: the edited file republished after median %d ms, p90 %d ms, max %d ms "
						+ "(first 5 edits, JIT warm-up, left out: %s)%n", edits, BenchFigures.median(warm),
						BenchFigures.p90(warm), warm.get(warm.size() - 1),
						millis.subList(0, Math.min(5, millis.size())));
				if (peerMillis.size() > 5) {
					List<Long> warmPeer = BenchFigures.warm(peerMillis);
					System.out.printf("the peer's file %s republished after median %d ms, p90 %d ms, max %d ms%n",
							peerFile.getFileName(), BenchFigures.median(warmPeer), BenchFigures.p90(warmPeer),
							warmPeer.get(warmPeer.size() - 1));
				}
				if (peerMissed > 0)
					System.out.printf("the peer's file was not republished within 30 s after %d of %d edits%n",
							peerMissed,
							edits);
				System.out.printf(
						"server CPU per edit (all threads, until idle): median %d ms, p90 %d ms; load average %s%n",
						BenchFigures.median(warmCpu), BenchFigures.p90(warmCpu), BenchFigures.loadAverage());
				printLiveHeap(lsp, "after the edits", total);
			}
		} finally {
			deleteTree(workspace);
		}
	}

	private static void printLiveHeap(LspProcess lsp, String when, int policies)
			throws IOException, InterruptedException {
		OptionalLong live = BenchFigures.liveHeapBytes(lsp.pid());
		if (live.isPresent())
			System.out.printf("server live heap %s: %s (%,d bytes per policy)%n", when,
					BenchFigures.megabytes(live.getAsLong()), live.getAsLong() / policies);
		else
			System.out.printf("server live heap %s: unknown (jcmd failed)%n", when);
	}

	private static void check(int policies, List<Integer> sizes) throws Exception {
		String jar = LspProcess.jar().toString();
		for (int hosts : sizes) {
			Path workspace = Files.createTempDirectory("ipsl-fleet-check");
			Path output = Files.createTempFile("ipsl-fleet-check", ".txt");
			try {
				int total = PeerRingText.write(workspace, SEED, hosts, policies).stream()
						.mapToInt(h -> h.rules().size()).sum();
				String load = BenchFigures.loadAverage();
				long start = System.nanoTime();
				List<String> command = new ArrayList<>(List.of(LspProcess.javaBinary()));
				Stream.of(System.getProperty("ipsl.check.jvm", "-XX:+UseSerialGC").split("\\s+"))
						.filter(option -> !option.isEmpty()).forEach(command::add);
				command.addAll(List.of("-jar", jar, "check", workspace.toString()));
				Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
						.start();
				long peak = 0;
				Duration cpu = Duration.ZERO;
				while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
					peak = Math.max(peak, BenchFigures.peakResidentBytes(process.pid()));
					cpu = process.toHandle().info().totalCpuDuration().orElse(cpu);
				}
				long millis = millisSince(start);
				long diagnostics;
				try (Stream<String> lines = Files.lines(output)) {
					diagnostics = lines.count();
				}
				System.out.printf(
						"check %d hosts x %d policies (%,d policies): %.1f s (CPU %.1f s), peak resident memory %s "
								+ "(%,d bytes per policy), exit %d, %,d lines of output; load average %s -> %s%n",
						hosts, policies,
						total, millis / 1000.0, cpu.toMillis() / 1000.0, BenchFigures.megabytes(peak), peak / total,
						process.exitValue(), diagnostics, load, BenchFigures.loadAverage());
			} finally {
				deleteTree(workspace);
				Files.deleteIfExists(output);
			}
		}
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList())
				Files.delete(path);
		}
	}
}
