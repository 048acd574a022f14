package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.ipsl.tests.support.BadInputs;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server survives hostile text: diagnostics for each, and it answers the next request. */
class BadInputServerTest {
	@TempDir
	Path dir;

	@Test
	void everyBadDocumentGetsDiagnosticsAndTheServerAnswersNext() throws Exception {
		Path workspace = Files.createDirectories(dir.resolve("ws"));
		try (LspProcess lsp = LspProcess.start(workspace)) {
			for (Map.Entry<String, String> input : BadInputs.all().entrySet()) {
				Path file = workspace.resolve(input.getKey() + ".ipsl");
				lsp.open(file, input.getValue());
				boolean empty = input.getValue().isEmpty();
				var diagnostics = lsp.awaitDiagnostics(file, d -> empty || !d.isEmpty());
				assertThat(diagnostics).as(input.getKey()).allSatisfy(d -> assertThat(d.getCode()).isNotNull());
				TextDocumentIdentifier id = new TextDocumentIdentifier(LspProcess.uri(file));
				lsp.server().getTextDocumentService().hover(new HoverParams(id, new Position(0, 0)))
						.get(30, TimeUnit.SECONDS);
				lsp.server().getTextDocumentService().documentSymbol(new DocumentSymbolParams(id))
						.get(30, TimeUnit.SECONDS);
			}
			assertThat(lsp.isAlive()).isTrue();
			assertThat(lsp.log()).doesNotContain("Exception");
		}
	}

	@Test
	void aFileOnDiskThatIsNotUtf8GetsOneErrorAndTheServerGoesOn() throws Exception {
		Path workspace = Files.createDirectories(dir.resolve("latin1"));
		Path latin1 = workspace.resolve("latin1.ipsl");
		Files.write(latin1, new byte[]{'h', 'o', 's', 't', ' ', (byte) 0xE9, ' ', '{', '}'});
		Path other = workspace.resolve("other.ipsl");
		Files.writeString(other, "network n = 10.0.0.300\n");
		try (LspProcess lsp = LspProcess.start(workspace)) {
			var diagnostics = lsp.awaitDiagnostics(latin1, d -> !d.isEmpty());
			assertThat(diagnostics).singleElement().satisfies(d -> {
				assertThat(d.getMessage()).isEqualTo("this file is not UTF-8 text (byte 0xE9 here): save it as UTF-8");
				assertThat(d.getRange().getStart()).isEqualTo(new Position(0, 5));
			});
			assertThat(lsp.awaitDiagnostics(other, d -> !d.isEmpty())).extracting(d -> d.getCode().getLeft())
					.containsExactly("invalid-value");
			assertThat(lsp.isAlive()).isTrue();
		}
	}
}
