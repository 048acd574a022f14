package org.ipsl.tests.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stray word of the issue (after the protect line of hq's b3-web, which used to close the host
 * early) through the real jar: the language server while the text is typed, and {@code ipsl check}.
 * Every diagnostic of the peers example is about hq and one branch, so with hq unreadable as a whole
 * the only diagnostic left is the syntax error.
 */
class SyntaxRecoveryOverProcessesTest {
	/** hq.ipsl's line `protect esp-aes256-gcm16` of policy b3-web (1-based). */
	private static final int B3_WEB_PROTECT = 31;

	@TempDir
	Path dir;

	@Test
	void theServerPublishesOnlyTheSyntaxErrorWhileTheWordIsTyped() throws Exception {
		Path workspace = LspProcess.copyExample("peers", dir.resolve("peers"));
		Path hq = workspace.resolve("hq.ipsl"), branches = workspace.resolve("branches.ipsl");
		try (LspProcess lsp = LspProcess.start(workspace)) {
			lsp.open(hq);
			lsp.awaitDiagnostics(branches, d -> !d.isEmpty());
			lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(LspProcess.uri(hq), 2),
					List.of(new TextDocumentContentChangeEvent(
							BrokenPeers.withStray(Files.readString(hq), B3_WEB_PROTECT)))));
			List<Diagnostic> onHq = lsp.awaitDiagnostics(hq,
					d -> d.stream().anyMatch(x -> x.getCode().getLeft().equals("syntax")));
			assertThat(onHq).extracting(d -> d.getCode().getLeft()).containsExactly("syntax");
			assertThat(onHq.get(0).getRange().getStart().getLine()).isEqualTo(B3_WEB_PROTECT);
			assertThat(lsp.awaitDiagnostics(branches, List::isEmpty)).isEmpty();
			assertThat(lsp.isAlive()).isTrue();
		}
	}

	@Test
	void checkPrintsOnlyTheSyntaxError() throws Exception {
		Path workspace = BrokenPeers.write(dir.resolve("peers"), B3_WEB_PROTECT);
		IpslRun run = IpslRun.run(workspace, "check", ".");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout().lines().toList()).singleElement().asString()
				.startsWith("hq.ipsl:" + (B3_WEB_PROTECT + 1) + ":9: error: ").endsWith("[syntax]");
	}
}
