package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ipsl.diagnostics.Severity;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every example workspace that the HP-UX target can express survives generate, import, generate
 * byte for byte and decides every packet as before; the others are counted with the reason.
 */
class ExamplesRoundTripTest {
	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(HpuxRelease.class)
	void everyExpressibleExampleRoundTrips(HpuxRelease release) throws IOException {
		GenerateOptions options = new GenerateOptions(release, 1);
		List<String> roundTripped = new ArrayList<>(), notExpressible = new ArrayList<>();
		for (Path example : examples()) {
			Path work = dir.resolve(example.getFileName().toString());
			Generation.Result first = RoundTrip.generate(example, options, work.resolve("first"));
			if (first.exitCode() != 0) {
				notExpressible.add(example.getFileName() + " (" + reason(first) + ")");
				continue;
			}
			RoundTrip.check(example, work.resolve("first"), options, work);
			roundTripped.add(example.getFileName().toString());
		}
		System.out.println("HP-UX " + release + " import round trip: " + roundTripped.size() + " of "
				+ (roundTripped.size() + notExpressible.size()) + " example workspaces " + roundTripped
				+ "; not HP-UX-expressible: " + notExpressible);
		assertThat(roundTripped).as("at least one example round-trips, or this test checks nothing").isNotEmpty();
	}

	private static String reason(Generation.Result result) {
		return result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).map(d -> d.code().id())
				.distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("no error diagnostic")
				+ (result.blocked() ? ": the workspace has errors" : ": target-unsupported");
	}

	private static List<Path> examples() throws IOException {
		try (Stream<Path> folders = Files.list(Checker.examples())) {
			return folders.filter(Files::isDirectory).sorted().toList();
		}
	}
}
