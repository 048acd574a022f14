package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ipsl.check.Diagnostic;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example workspace against its {@code // expect:} markers, as DIAGNOSTICS.md defines them:
 * the listed codes start on that line, and no other error, warning or info starts anywhere.
 */
class ExampleMarkersTest {
	/**
	 * Codes that later issues implement. An expected diagnostic with one of these codes may still be
	 * missing; any diagnostic that is not expected fails the test whatever its code.
	 */
	static final Set<String> NOT_YET_IMPLEMENTED = Set.of(
			// peer analysis (issue 4)
			"ike-no-policy", "ike-proposal-mismatch", "ike-auth-mismatch", "transform-mismatch", "pfs-mismatch",
			"lifetime-mismatch", "proposal-order-dependent", "asymmetric-policy", "selector-mismatch",
			"manual-sa-mismatch");

	private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*([a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*)");

	record Expected(Path file, int line, String code) {
	}

	static Stream<Path> workspaces() throws IOException {
		try (Stream<Path> list = Files.list(Checker.examples())) {
			return list.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("workspaces")
	void diagnosticsMatchMarkers(Path workspace) throws IOException {
		List<Expected> expected = markers(workspace);
		List<Expected> actual = new ArrayList<>();
		for (Diagnostic d : Checker.check(workspace))
			if (d.severity() != Diagnostic.Severity.HINT)
				actual.add(new Expected(d.file(), d.line(), d.code()));

		List<Expected> unexpected = new ArrayList<>(actual);
		expected.forEach(unexpected::remove);
		assertThat(unexpected).as("diagnostics without a marker in %s", workspace.getFileName()).isEmpty();

		List<Expected> missing = new ArrayList<>(expected);
		actual.forEach(missing::remove);
		missing.removeIf(e -> NOT_YET_IMPLEMENTED.contains(e.code()));
		assertThat(missing).as("markers without a diagnostic in %s", workspace.getFileName()).isEmpty();
	}

	static List<Expected> markers(Path workspace) throws IOException {
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
