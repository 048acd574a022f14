package org.ipsl.tests.language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.Markers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example workspace against its {@code // expect:} markers, as docs/diagnostics.md defines them:
 * the listed codes start on that line, and no other error, warning or info starts anywhere.
 */
class ExampleMarkersTest {

	static Stream<Path> workspaces() throws IOException {
		try (Stream<Path> list = Files.list(Checker.examples())) {
			return list.filter(Files::isDirectory).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("workspaces")
	void diagnosticsMatchMarkers(Path workspace) throws IOException {
		Markers.assertMatch(workspace);
	}
}
