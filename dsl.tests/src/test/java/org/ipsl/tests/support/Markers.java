package org.ipsl.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;

/**
 * {@code // expect: CODE[, CODE...]} markers as docs/diagnostics.md defines them: the listed codes
 * start on that line, and no other error, warning or info starts anywhere in the workspace.
 */
public final class Markers {
	private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*([a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*)");

	public record Expected(Path file, int line, String code) {
	}

	private Markers() {
	}

	/** Checks the workspace and compares its diagnostics with its markers; returns the diagnostics. */
	public static List<Diagnostic> assertMatch(Path workspace) throws IOException {
		List<Diagnostic> diagnostics = Checker.check(workspace);
		List<Expected> expected = expected(workspace);
		List<Expected> actual = new ArrayList<>();
		for (Diagnostic d : diagnostics)
			if (d.severity() != Severity.HINT)
				actual.add(new Expected(d.file(), d.line(), d.code().id()));
		List<Expected> unexpected = new ArrayList<>(actual);
		expected.forEach(unexpected::remove);
		List<Expected> missing = new ArrayList<>(expected);
		actual.forEach(missing::remove);
		assertThat(unexpected).as("diagnostics without a marker in %s: %s", workspace.getFileName(), diagnostics)
				.isEmpty();
		assertThat(missing).as("markers without a diagnostic in %s: %s", workspace.getFileName(), diagnostics)
				.isEmpty();
		return diagnostics;
	}

	public static List<Expected> expected(Path workspace) throws IOException {
		List<Expected> result = new ArrayList<>();
		try (Stream<Path> files = Files.walk(workspace)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ipsl")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher m = MARKER.matcher(lines.get(i));
					if (m.find())
						for (String code : m.group(1).split(","))
							result.add(new Expected(file, i + 1, code.trim()));
				}
			}
		}
		return result;
	}
}
