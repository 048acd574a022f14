package org.ipsl.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.ipsl.tests.support.LspProcess;

/**
 * How long after a one-line edit the server republishes the diagnostics of a 10,000-policy file:
 * the real server jar over LSP, incremental didChange of one port, time until publishDiagnostics.
 * Run: {@code java -cp <test classpath> org.ipsl.bench.ServerEditBench [policies] [edits]}.
 */
public final class ServerEditBench {
	private ServerEditBench() {
	}

	public static void main(String[] args) throws Exception {
		int policies = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int edits = args.length > 1 ? Integer.parseInt(args[1]) : 30;
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
			List<Long> millis = new ArrayList<>();
			String original = lines.get(line);
			int column = original.lastIndexOf(" port ") + 6;
			for (int i = 0; i < edits; i++) {
				String port = Integer.toString(1000 + i);
				int end = original.length();
				int seen = lsp.publications(file);
				long start = System.nanoTime();
				lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(LspProcess.uri(file), i + 2),
						List.of(new TextDocumentContentChangeEvent(
								new Range(new Position(line, column), new Position(line, end)), port))));
				lsp.awaitNewDiagnostics(file, seen);
				millis.add((System.nanoTime() - start) / 1_000_000);
				original = original.substring(0, column) + port;
			}
			List<Long> warm = new ArrayList<>(millis.subList(Math.min(5, millis.size() - 1), millis.size()));
			Collections.sort(warm);
			System.out.printf("%d policies, %d one-line edits: republished after median %d ms, p90 %d ms, max %d ms "
					+ "(first 5 edits, JIT warm-up, left out: %s)%n", policies, edits, warm.get(warm.size() / 2),
					warm.get(warm.size() * 9 / 10), warm.get(warm.size() - 1), millis.subList(0, Math.min(5, millis.size())));
		}
	}
}
