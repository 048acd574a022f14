package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on every example workspace (every diagnostic they trigger): no diagnostic, related
 * message, hover or log line shows a preshared secret or a key, not even an 8-character piece.
 */
class SecretsServerTest {
	private static final Pattern SECRET = Pattern.compile("preshared\\s+\"([^\"]*)\"");
	private static final Pattern KEY = Pattern.compile("(?:encryption|authentication)\\s+\\S+\\s+0x([0-9a-fA-F]+)");

	@TempDir
	Path dir;

	@Test
	void noSecretInDiagnosticsHoversOrLogs() throws Exception {
		List<String> shown = new ArrayList<>();
		Set<String> secrets = new LinkedHashSet<>();
		for (String example : List.of("keys", "ordering", "peers", "site-to-site")) {
			Path workspace = LspProcess.copyExample(example, dir.resolve(example));
			List<Path> files;
			try (var walk = Files.walk(workspace)) {
				files = walk.filter(f -> f.toString().endsWith(".ipsl")).sorted().toList();
			}
			try (LspProcess lsp = LspProcess.start(workspace)) {
				for (Path file : files) {
					String text = Files.readString(file);
					secrets.addAll(matches(SECRET, text));
					secrets.addAll(matches(KEY, text));
					lsp.open(file, text);
					for (Diagnostic d : lsp.awaitDiagnostics(file, x -> true)) {
						shown.add(d.getMessage());
						if (d.getRelatedInformation() != null)
							d.getRelatedInformation().stream().map(DiagnosticRelatedInformation::getMessage)
									.forEach(shown::add);
					}
					shown.addAll(hoversOnEveryWord(lsp, file, text));
				}
				shown.add(lsp.log());
				shown.addAll(lsp.messages());
			}
		}
		assertThat(secrets).hasSizeGreaterThan(20);
		for (String secret : secrets)
			for (String piece : pieces(secret))
				assertThat(shown).as("nothing shows a piece of a secret").noneMatch(s -> s.contains(piece));
	}

	private static List<String> hoversOnEveryWord(LspProcess lsp, Path file, String text) throws Exception {
		List<String> hovers = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		TextDocumentIdentifier id = new TextDocumentIdentifier(LspProcess.uri(file));
		for (int line = 0; line < lines.length; line++)
			for (int column = 0; column < lines[line].length(); column++)
				if (column == 0 || Character.isWhitespace(lines[line].charAt(column - 1))
						|| lines[line].charAt(column - 1) == '"') {
					Hover hover = lsp.server().getTextDocumentService()
							.hover(new HoverParams(id, new Position(line, column))).get(30, TimeUnit.SECONDS);
					if (hover != null && hover.getContents() != null && hover.getContents().isRight())
						hovers.add(hover.getContents().getRight().getValue());
				}
		return hovers;
	}

	private static List<String> matches(Pattern pattern, String text) {
		List<String> result = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find())
			result.add(m.group(1));
		return result;
	}

	/** The secret itself when short, else every 8-character piece of it. */
	private static List<String> pieces(String secret) {
		if (secret.length() <= 8)
			return List.of(secret);
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i + 8 <= secret.length(); i++)
			pieces.add(secret.substring(i, i + 8));
		return pieces;
	}
}
