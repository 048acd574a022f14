package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick fixes over LSP, the server in process: apply the edit, re-check, the diagnostic is gone. */
class QuickFixTest {
	private static final Set<String> FIXABLE = Set.of("weak-key", "key-length", "low-entropy-key", "spi-reserved",
			"spi-in-dynamic-range", "spi-duplicate");

	@TempDir
	Path dir;

	@Test
	void everyKeyAndSpiFixRemovesItsDiagnostic() throws Exception {
		Path workspace = LspSession.copyExample("keys", dir.resolve("keys"));
		Path vault = workspace.resolve("vault.ipsl");
		String text = Files.readString(vault);
		try (LspSession lsp = LspSession.inProcess(workspace)) {
			lsp.open(vault, text);
			List<Diagnostic> diagnostics = lsp.awaitDiagnostics(vault, d -> !d.isEmpty());
			int fixed = 0;
			for (int version = 2;; version++) {
				Diagnostic target = diagnostics.stream().filter(d -> FIXABLE.contains(code(d))).findFirst()
						.orElse(null);
				if (target == null)
					break;
				List<CodeAction> actions = lsp.server().getTextDocumentService()
						.codeAction(new CodeActionParams(new TextDocumentIdentifier(LspSession.uri(vault)),
								target.getRange(), new CodeActionContext(List.of(target))))
						.get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
				assertThat(actions).as("a fix for %s; server log:\n%s", code(target), lsp.log()).hasSize(1);
				List<TextEdit> edits = actions.get(0).getEdit().getChanges().get(LspSession.uri(vault));
				String before = text;
				text = LanguageServerTest.apply(text, edits);
				assertThat(text).isNotEqualTo(before);
				int seen = lsp.publications(vault);
				lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(LspSession.uri(vault), version),
						List.of(new TextDocumentContentChangeEvent(text))));
				String fixedText = text;
				diagnostics = lsp.awaitNewDiagnostics(vault, seen);
				assertThat(diagnostics).as("after fixing %s: %s", code(target), fixedText)
						.noneMatch(d -> code(d).equals(code(target)) && d.getRange().getStart().getLine() == target
								.getRange().getStart().getLine());
				fixed++;
			}
			assertThat(fixed).isEqualTo(7);
			// The example's peers are outside it: their peer-unknown hints stay.
			assertThat(diagnostics).filteredOn(d -> d.getSeverity() != DiagnosticSeverity.Hint)
					.extracting(QuickFixTest::code)
					.containsExactlyInAnyOrder("dynamic-spi-invalid", "spd-limits-invalid");
		}
	}

	/**
	 * Moves each shadowed policy of the ordering example above its takers and removes each
	 * redundant one; after each fix that policy no longer has that diagnostic, and no other
	 * policy's priority changed.
	 */
	@Test
	void orderFixesRemoveTheirDiagnosticAndKeepOtherPriorities() throws Exception {
		Path workspace = LspSession.copyExample("ordering", dir.resolve("ordering"));
		Path edge = workspace.resolve("edge.ipsl");
		String text = Files.readString(edge);
		Map<String, String> targets = new LinkedHashMap<>();
		targets.put("quarantine-web", "policy-shadowed");
		targets.put("all-tcp", "policy-shadowed");
		targets.put("lab-dns", "policy-redundant");
		targets.put("lab", "policy-redundant");
		try (LspSession lsp = LspSession.inProcess(workspace)) {
			lsp.open(edge, text);
			List<Diagnostic> diagnostics = lsp.awaitDiagnostics(edge, d -> !d.isEmpty());
			int version = 2;
			for (Map.Entry<String, String> target : targets.entrySet()) {
				int line = lineOf(text, "policy " + target.getKey() + " ");
				Diagnostic diagnostic = diagnostics.stream()
						.filter(d -> code(d).equals(target.getValue()) && d.getRange().getStart().getLine() == line)
						.findFirst().orElseThrow(() -> new AssertionError(target + " not reported"));
				List<CodeAction> actions = lsp.server().getTextDocumentService()
						.codeAction(new CodeActionParams(new TextDocumentIdentifier(LspSession.uri(edge)),
								diagnostic.getRange(), new CodeActionContext(List.of(diagnostic))))
						.get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
				assertThat(actions).as("a fix for %s", target).hasSize(1);
				Map<String, Long> before = Checker.priorities(dir.resolve("before-" + version), text);
				text = LanguageServerTest.apply(text, actions.get(0).getEdit().getChanges().get(LspSession.uri(edge)));
				Map<String, Long> after = Checker.priorities(dir.resolve("after-" + version), text);
				before.remove(target.getKey());
				after.remove(target.getKey());
				assertThat(after).as("other priorities after fixing %s:%n%s", target, text).isEqualTo(before);
				int seen = lsp.publications(edge);
				lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(LspSession.uri(edge), version++),
						List.of(new TextDocumentContentChangeEvent(text))));
				String current = text;
				diagnostics = lsp.awaitNewDiagnostics(edge, seen);
				if (target.getValue().equals("policy-redundant"))
					assertThat(text).doesNotContain("policy " + target.getKey() + " ");
				else
					assertThat(diagnostics).as("after moving %s:%n%s", target, text).noneMatch(d -> code(d).equals(
							target.getValue())
							&& d.getRange().getStart().getLine() == lineOf(current,
									"policy " + target.getKey() + " "));
			}
		}
	}

	private static int lineOf(String text, String needle) {
		int offset = text.indexOf(needle);
		assertThat(offset).as(needle).isNotNegative();
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
	}

	private static String code(Diagnostic d) {
		return d.getCode() == null ? "" : d.getCode().getLeft();
	}
}
