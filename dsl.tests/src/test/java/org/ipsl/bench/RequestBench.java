package org.ipsl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.ipsl.tests.support.LspProcess;

/**
 * The requests an editor sends while one reads and writes a large host: completion of a transform
 * near the top, in the middle and near the end of the file, formatting of the whole file and its
 * outline ({@code documentSymbol}), each timed from request to answer over the real server jar.
 * Run from the repository root: {@code java -cp dsl.tests/target/test-classes:dsl.ide/target/ipsl.jar
 * org.ipsl.bench.RequestBench [policies] [repetitions]}; {@code -Dipsl.jar=PATH} measures another jar.
 */
public final class RequestBench {
	private RequestBench() {
	}

	public static void main(String[] args) throws Exception {
		BenchFigures.exitWhenDone(() -> run(args));
	}

	private static void run(String[] args) throws Exception {
		int policies = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		System.setProperty("ipsl.jar", System.getProperty("ipsl.jar", "dsl.ide/target/ipsl.jar"));
		Path workspace = Files.createTempDirectory("ipsl-request-bench");
		Path file = workspace.resolve("gw.ipsl");
		String text = PolicyTextGenerator.host(policies, 20261127L);
		Files.writeString(file, text);
		List<String> lines = text.lines().toList();
		List<Integer> protectLines = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++)
			if (lines.get(i).strip().startsWith("protect ") && !lines.get(i).contains("tunnel"))
				protectLines.add(i);
		try (LspProcess lsp = LspProcess.start(workspace)) {
			lsp.open(file, text);
			lsp.awaitDiagnostics(file, d -> true);
			BenchFigures.awaitIdle(lsp);
			System.out.printf("%d policies, %d lines; load average %s%n", policies, lines.size(),
					BenchFigures.loadAverage());
			TextDocumentService documents = lsp.server().getTextDocumentService();
			TextDocumentIdentifier document = new TextDocumentIdentifier(LspProcess.uri(file));
			for (double at : new double[]{0.02, 0.5, 0.98}) {
				int line = protectLines.get((int) (at * (protectLines.size() - 1)));
				Position position = new Position(line, lines.get(line).indexOf("protect ") + "protect ".length());
				time(lsp, String.format("completion at line %d of %d", line + 1, lines.size()), repetitions,
						() -> documents.completion(new CompletionParams(document, position)).get(60, TimeUnit.SECONDS));
			}
			time(lsp, "formatting", repetitions, () -> documents
					.formatting(new DocumentFormattingParams(document, new FormattingOptions(4, true)))
					.get(60, TimeUnit.SECONDS));
			time(lsp, "documentSymbol (outline)", repetitions,
					() -> documents.documentSymbol(new DocumentSymbolParams(document)).get(60, TimeUnit.SECONDS));
			System.out.printf("load average %s%n", BenchFigures.loadAverage());
		} finally {
			Files.deleteIfExists(file);
			Files.deleteIfExists(workspace);
		}
	}

	/**
	 * Times {@code repetitions} requests after two unmeasured ones (JIT warm-up) and prints median and
	 * max, with the server's CPU per request until it is idle again (steadier than the time on a
	 * machine shared with other work).
	 */
	private static void time(LspProcess lsp, String what, int repetitions, Callable<Object> request) throws Exception {
		for (int i = 0; i < 2; i++)
			request.call();
		List<Long> millis = new ArrayList<>(), cpuMillis = new ArrayList<>();
		for (int i = 0; i < repetitions; i++) {
			BenchFigures.awaitIdle(lsp);
			Duration cpuBefore = lsp.cpuTime();
			long start = System.nanoTime();
			Object answer = request.call();
			millis.add((System.nanoTime() - start) / 1_000_000);
			if (answer == null)
				throw new IllegalStateException(what + ": no answer");
			BenchFigures.awaitIdle(lsp);
			cpuMillis.add(lsp.cpuTime().minus(cpuBefore).toMillis());
		}
		millis.sort(null);
		cpuMillis.sort(null);
		System.out.printf("%s: median %d ms, max %d ms; server CPU median %d ms (%d requests)%n", what,
				BenchFigures.median(millis), millis.get(millis.size() - 1), BenchFigures.median(cpuMillis),
				repetitions);
	}
}
