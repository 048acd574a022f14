package org.ipsl.tests.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.generator.Target;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example workspace without errors, and the generator's own workspaces, generated for every
 * target that can express them and compared byte for byte with {@code src/test/resources/golden}.
 * After a deliberate change to a generator, regenerate the goldens (see golden/README.md) and
 * review the diff like code.
 */
class GoldenFilesTest {
	static final boolean UPDATE = Boolean.getBoolean("ipsl.updateGolden");

	record Case(String golden, Path workspace, Set<Target> targets, GenerateOptions options) {
		@Override
		public String toString() {
			return golden;
		}
	}

	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (Path example : errorFreeExamples())
			cases.add(new Case(example.getFileName().toString(), example, GeneratedWorkspaces.ALL,
					GenerateOptions.DEFAULT));
		cases.add(new Case("site-to-site-A.03.00-ikev2", Checker.examples().resolve("site-to-site"),
				EnumSet.of(Target.HPUX, Target.STRONGSWAN), new GenerateOptions(HpuxRelease.A_03_00, 2)));
		cases.add(new Case("gateway", GeneratedWorkspaces.fixtures().resolve("gateway"), GeneratedWorkspaces.ALL,
				GenerateOptions.DEFAULT));
		cases.add(new Case("manual-keys", GeneratedWorkspaces.fixtures().resolve("manual-keys"),
				EnumSet.of(Target.HPUX, Target.RUNTIME, Target.XFRM), GenerateOptions.DEFAULT));
		return cases;
	}

	/**
	 * The examples meant to be error-free: no file carries an {@code // expect:} marker. Markers,
	 * not today's checker, decide, so an example does not turn into a golden case while the
	 * analysis that finds its mistakes is still to come.
	 */
	static List<Path> errorFreeExamples() {
		try (Stream<Path> folders = Files.list(Checker.examples())) {
			return folders.filter(Files::isDirectory).sorted().filter(GoldenFilesTest::withoutMarkers).toList();
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	private static boolean withoutMarkers(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ipsl")).toList())
				if (Files.readString(file).contains("// expect:"))
					return false;
			return true;
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void siteToSiteIsAnErrorFreeExample() {
		assertThat(errorFreeExamples()).extracting(p -> p.getFileName().toString()).contains("site-to-site");
		assertThat(Checker.check(Checker.examples().resolve("site-to-site")))
				.filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void generatesTheGoldenFiles(Case c, @TempDir Path out) throws IOException {
		Generation.Result result = GeneratedWorkspaces.run(c.workspace(), c.targets(), c.options(), out);
		assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
		assertThat(result.exitCode()).isZero();
		Map<String, String> actual = GeneratedWorkspaces.files(out);
		Path golden = GeneratedWorkspaces.goldens().resolve(c.golden());
		if (UPDATE) {
			replace(golden, actual);
			return;
		}
		Map<String, String> expected = GeneratedWorkspaces.files(golden);
		assertThat(actual.keySet()).as("files generated for %s (goldens in %s)", c, golden)
				.containsExactlyElementsOf(expected.keySet());
		List<String> failures = new ArrayList<>();
		for (String name : expected.keySet())
			if (!expected.get(name).equals(actual.get(name)))
				failures.add(c.golden() + "/" + name + ":\n" + TextDiff.of(expected.get(name), actual.get(name)));
		if (!failures.isEmpty())
			fail("generated files differ from their goldens; if the change is meant, regenerate them as "
					+ "golden/README.md says\n" + String.join("\n", failures));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void identicalInputGivesIdenticalBytes(Case c, @TempDir Path dir) {
		GeneratedWorkspaces.run(c.workspace(), c.targets(), c.options(), dir.resolve("first"));
		GeneratedWorkspaces.run(c.workspace(), c.targets(), c.options(), dir.resolve("second"));
		assertThat(GeneratedWorkspaces.files(dir.resolve("second"))).isNotEmpty()
				.isEqualTo(GeneratedWorkspaces.files(dir.resolve("first")));
	}

	private static void replace(Path golden, Map<String, String> files) throws IOException {
		if (Files.exists(golden))
			try (Stream<Path> walk = Files.walk(golden)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
					Files.delete(p);
			}
		for (Map.Entry<String, String> file : files.entrySet()) {
			Path target = golden.resolve(file.getKey());
			Files.createDirectories(target.getParent());
			Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
		}
	}
}
