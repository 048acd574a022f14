package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.strongswan.StrongswanImporter;
import org.ipsl.importer.strongswan.StrongswanImporter.Source;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every swanctl.conf, ipsec.conf and ipsec.secrets of strongSwan's test scenarios
 * (../shared/corpus/strongswan-tests, read in place, never copied) imports or reports what it could not
 * import, at a place in the file: no exception, no hang, no I/O failure.
 */
class ImportStrongswanCorpusTest {
	static final Path CORPUS = Path.of(System.getProperty("ipsl.corpus", "../../shared/corpus/strongswan-tests"));

	@TempDir
	Path out;

	@Test
	void everyConfigurationOfTheCorpusImportsOrReports() throws IOException {
		assumeTrue(Files.isDirectory(CORPUS.resolve("tests")),
				"the strongSwan corpus is not at " + CORPUS.toAbsolutePath());
		List<Path> files;
		try (Stream<Path> found = Files.walk(CORPUS)) {
			files = found.filter(
					p -> Set.of("swanctl.conf", "ipsec.conf", "ipsec.secrets").contains(p.getFileName().toString()))
					.sorted().toList();
		}
		assertThat(files).hasSizeGreaterThan(500);
		StrongswanImporter importer = new StrongswanImporter(Checker.injector());
		assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
			int n = 0;
			for (Path file : files) {
				Source source = source(file);
				if (source == null)
					continue;
				StrongswanImporter.Result result = importer.run(new StrongswanImporter.Request(List.of(source),
						Map.of("moon.strongswan.org", "192.168.0.1", "sun.strongswan.org", "192.168.0.2"),
						out.resolve("" + n++), true));
				assertThat(result.failure()).as(file.toString()).isNull();
				assertThat(result.exitCode()).as(file.toString()).isEqualTo(result.problems().isEmpty() ? 0 : 1);
				assertThat(result.written()).as(file + ": the host is written")
						.anyMatch(p -> p.toString().endsWith(".ipsl"));
				for (ImportProblem problem : concat(result.problems(), result.ignored())) {
					assertThat(problem.line()).as(problem.text(null)).isPositive();
					assertThat(problem.column()).as(problem.text(null)).isPositive();
					assertThat(Files.isRegularFile(problem.file())).as(problem.text(null)).isTrue();
				}
			}
		});
	}

	/** The machine's configuration; an ipsec.secrets is read with its scenario's (or the machine's default) ipsec.conf. */
	private static Source source(Path file) {
		String name = file.getFileName().toString();
		if (!name.equals("ipsec.secrets"))
			return new Source(file);
		Path conf = file.resolveSibling("ipsec.conf");
		if (!Files.isRegularFile(conf)) {
			String host = machine(file);
			conf = CORPUS.resolve("hosts").resolve(host).resolve("etc/ipsec.conf");
			if (!Files.isRegularFile(conf))
				return null;
		}
		return new Source(conf, null, List.of(), null, file, Set.of());
	}

	private static List<ImportProblem> concat(List<ImportProblem> a, List<ImportProblem> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

	/** The machine a file of the corpus belongs to: the folder above its etc/. */
	private static String machine(Path file) {
		for (Path p = file.getParent(); p != null; p = p.getParent())
			if (p.getFileName() != null && p.getFileName().toString().equals("etc"))
				return p.getParent().getFileName().toString();
		return "";
	}
}
