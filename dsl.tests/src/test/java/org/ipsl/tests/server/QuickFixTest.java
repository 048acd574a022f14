package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick fixes over the real LSP connection: apply the edit, re-check, the diagnostic is gone. */
class QuickFixTest {
	private static final Set<String> FIXABLE = Set.of("weak-key", "key-length", "low-entropy-key", "spi-reserved",
			"spi-in-dynamic-range", "spi-duplicate");

	@TempDir
	Path dir;

	@Test
	void everyKeyAndSpiFixRemovesItsDiagnostic() throws Exception {
		Path workspace = LspProcess.copyExample("keys", dir.resolve("keys"));
		Path vault = workspace.resolve("vault.ipsl");
		String text = Files.readString(vault);
		try (LspProcess lsp = LspProcess.start(workspace)) {
			lsp.open(vault, text);
			List<Diagnostic> diagnostics = lsp.awaitDiagnostics(vault, d -> !d.isEmpty());
			int fixed = 0;
			for (int version = 2;; version++) {
				Diagnostic target = diagnostics.stream().filter(d -> FIXABLE.contains(code(d))).findFirst().orElse(null);
				if (target == null)
					break;
				List<CodeAction> actions = lsp.server().getTextDocumentService()
						.codeAction(new CodeActionParams(new TextDocumentIdentifier(LspProcess.uri(vault)),
								target.getRange(), new CodeActionContext(List.of(target))))
						.get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
				assertThat(actions).as("a fix for %s; server log:\n%s", code(target), lsp.log()).hasSize(1);
				List<TextEdit> edits = actions.get(0).getEdit().getChanges().get(LspProcess.uri(vault));
				String before = text;
				text = LanguageServerTest.apply(text, edits);
				assertThat(text).isNotEqualTo(before);
				lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(LspProcess.uri(vault), version),
						List.of(new TextDocumentContentChangeEvent(text))));
				String fixedText = text;
				diagnostics = lsp.awaitDiagnostics(vault, d -> !sameAsBefore(d, target));
				assertThat(diagnostics).as("after fixing %s: %s", code(target), fixedText)
						.noneMatch(d -> code(d).equals(code(target)) && d.getRange().getStart().getLine() == target
								.getRange().getStart().getLine());
				fixed++;
			}
			assertThat(fixed).isEqualTo(7);
			// The example's peers are outside it: their peer-unknown hints stay.
			assertThat(diagnostics).filteredOn(d -> d.getSeverity() != DiagnosticSeverity.Hint)
					.extracting(QuickFixTest::code).containsExactlyInAnyOrder("dynamic-spi-invalid", "spd-limits-invalid");
		}
	}

	private static boolean sameAsBefore(List<Diagnostic> diagnostics, Diagnostic fixed) {
		return diagnostics.stream().anyMatch(d -> d.getRange().equals(fixed.getRange()) && code(d).equals(code(fixed)));
	}

	private static String code(Diagnostic d) {
		return d.getCode() == null ? "" : d.getCode().getLeft();
	}
}
