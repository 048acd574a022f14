package org.ipsl.tests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server jar over a real LSP connection takes a seeded stream of random edits to the five files
 * of the site-to-site and peers examples, as one workspace (see {@link RandomEdits}) while the client asks for hovers,
 * completions and document symbols. Every request must be answered in time, the server must log
 * nothing, keep publishing diagnostics and, at each checkpoint (every 1,000 edits, every file put
 * back as it was), publish exactly the diagnostics it published for the untouched workspace; the
 * live heap after a full collection is sampled at each checkpoint and must end close to where it
 * started.
 * <p>
 * {@code -Dipsl.soak.edits=10000} runs the full soak (default {@value #DEFAULT_EDITS});
 * {@code -Dipsl.soak.seed=N} another stream of edits.
 */
class SoakTest {
	static final int DEFAULT_EDITS = 10_000;
	private static final int CHECKPOINT = 1_000;
	/** One request in this many edits: the rest arrive as a user types, without waiting. */
	private static final int REQUEST_EVERY = 3;
	private static final long REQUEST_TIMEOUT_SECONDS = 30;
	/**
	 * How much the live heap may grow from the first checkpoint (warm: every kind of edit and request
	 * has run) to the last: the same five documents are loaded at both, so what stays should be the
	 * same; a leak of 1 KB per edit would pass it after 4,000 edits.
	 */
	static final long HEAP_GROWTH_BOUND = 4L << 20;

	@TempDir
	Path dir;

	@Test
	void thousandsOfRandomEditsLeaveTheServerAnsweringPublishingAndBounded() throws Exception {
		int edits = Integer.getInteger("ipsl.soak.edits", DEFAULT_EDITS);
		long seed = Long.getLong("ipsl.soak.seed", 20261127L);
		// one workspace of five files: two sites that agree, and a hub whose branches disagree with it
		Path workspace = LspProcess.copyExample("site-to-site", dir.resolve("workspace"));
		LspProcess.copyExample("peers", workspace);
		Map<Path, String> originals = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(workspace)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ipsl")).sorted().toList())
				originals.put(file, Files.readString(file));
		}
		RandomEdits script = new RandomEdits(seed, originals);
		long started = System.nanoTime();
		try (LspProcess lsp = LspProcess.start(workspace, List.of("-Xmx256m"))) {
			Map<Path, List<String>> baseline = new HashMap<>();
			for (Path file : script.files())
				baseline.put(file, summary(lsp.awaitDiagnostics(file, d -> true)));
			assertThat(baseline.values()).as("the untouched workspace has findings to compare")
					.anyMatch(d -> !d.isEmpty());
			script.files().forEach(file -> lsp.open(file, originals.get(file)));

			Map<Path, Integer> versions = new HashMap<>();
			List<Long> heap = new ArrayList<>();
			List<String> tops = new ArrayList<>();
			LiveHeap.Sample before = LiveHeap.of(lsp.pid());
			System.out.printf("soak: before the edits, live heap %.1f MB%n", before.bytes() / 1048576.0);
			int requests = 0;
			int published = totalPublications(lsp, script);
			for (int done = 1; done <= edits; done++) {
				change(lsp, script.next(), versions);
				if (script.nextInt(REQUEST_EVERY) == 0) {
					ask(lsp, script, done);
					requests++;
				}
				if (done % CHECKPOINT == 0 || done == edits) {
					for (Path file : script.files())
						change(lsp, script.restore(file), versions);
					for (Path file : script.files())
						lsp.awaitDiagnostics(file, d -> summary(d).equals(baseline.get(file)));
					int now = totalPublications(lsp, script);
					assertThat(now).as("diagnostics published during the last edits").isGreaterThan(published + 10);
					published = now;
					LiveHeap.Sample sample = LiveHeap.of(lsp.pid());
					heap.add(sample.bytes());
					tops.add(sample.top());
					System.out.printf("soak: %d edits, %d requests answered, live heap %.1f MB, %d s%n", done, requests,
							sample.bytes() / 1048576.0, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
				}
			}
			assertThat(lsp.isAlive()).isTrue();
			assertThat(lsp.log()).as("the server's standard error").isBlank();
			assertThat(lsp.messages()).as("window/logMessage and showMessage").isEmpty();
			long growth = heap.get(heap.size() - 1) - heap.get(0);
			assertThat(growth).as("live heap growth from the first checkpoint to the last, bytes; samples %s; "
					+ "first histogram:%n%s%nlast histogram:%n%s", heap, tops.get(0), tops.get(tops.size() - 1))
					.isLessThan(HEAP_GROWTH_BOUND);
		}
	}

	private static void change(LspProcess lsp, RandomEdits.Edit edit, Map<Path, Integer> versions) {
		int version = versions.merge(edit.file(), 1, Integer::sum) + 1;
		lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(LspProcess.uri(edit.file()), version),
				List.of(new TextDocumentContentChangeEvent(edit.range(), edit.text()))));
	}

	/** A hover, a completion or the document symbols somewhere in the current text; it must be answered. */
	private static void ask(LspProcess lsp, RandomEdits script, int done) throws Exception {
		Path file = script.anyFile();
		TextDocumentIdentifier id = new TextDocumentIdentifier(LspProcess.uri(file));
		TextDocumentService documents = lsp.server().getTextDocumentService();
		int kind = script.nextInt(3);
		CompletableFuture<?> answer = switch (kind) {
			case 0 -> documents.hover(new HoverParams(id, script.anyPosition(file)));
			case 1 -> documents.completion(new CompletionParams(id, script.anyPosition(file)));
			default -> documents.documentSymbol(new DocumentSymbolParams(id));
		};
		String what = List.of("hover", "completion", "documentSymbol").get(kind) + " after edit " + done + " in "
				+ file.getFileName();
		Object result;
		try {
			result = answer.get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			throw new AssertionError(
					what + " not answered in " + REQUEST_TIMEOUT_SECONDS + " s; server log:\n" + lsp.log());
		} catch (ExecutionException e) {
			throw new AssertionError(what + " failed; text:\n" + script.text(file) + "\nserver log:\n" + lsp.log(), e);
		}
		if (kind != 0)
			assertThat(result).as(what).isNotNull();
	}

	private static int totalPublications(LspProcess lsp, RandomEdits script) {
		return script.files().stream().mapToInt(lsp::publications).sum();
	}

	private static List<String> summary(List<Diagnostic> diagnostics) {
		return diagnostics.stream()
				.map(d -> d.getRange() + " " + d.getSeverity() + " " + d.getCode() + " " + d.getMessage())
				.sorted().toList();
	}
}
