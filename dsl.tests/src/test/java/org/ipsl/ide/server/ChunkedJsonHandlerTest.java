package org.ipsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The server's JSON handler writes a publication exactly as LSP4J's own: the same text, character
 * for character, whatever its length relative to the chunks (non-Latin-1 and surrogate pairs in
 * messages, which JSON escapes or keeps, across chunk boundaries included).
 */
class ChunkedJsonHandlerTest {

	@Property(tries = 200)
	void writesWhatLsp4jWrites(@ForAll @IntRange(min = 0, max = 400) int diagnostics,
			@ForAll @StringLength(max = 300) String message) {
		NotificationMessage publication = new NotificationMessage();
		publication.setMethod("textDocument/publishDiagnostics");
		List<Diagnostic> list = new ArrayList<>();
		for (int d = 0; d < diagnostics; d++) {
			Diagnostic diagnostic = new Diagnostic(new Range(new Position(d, 4), new Position(d + 1, 6)),
					message + d + " \u00e9\u4e2d\ud83d\ude00\"\\\n", DiagnosticSeverity.Hint, "ipsl", "peer-unknown");
			if (d % 3 == 0)
				diagnostic.setRelatedInformation(List.of(new DiagnosticRelatedInformation(
						new Location("file:///w/gw.ipsl", new Range(new Position(1, 2), new Position(3, 4))),
						message)));
			list.add(diagnostic);
		}
		publication.setParams(new PublishDiagnosticsParams("file:///w/gw.ipsl", list));
		String expected = new MessageJsonHandler(Map.of()).serialize(publication);
		assertThat(new ChunkedJsonHandler(Map.of()).serialize(publication)).isEqualTo(expected);
	}
}
