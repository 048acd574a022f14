package org.ipsl.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive, unpacked into an empty folder and run there with a PATH that holds only the
 * JDK's bin folder: no Maven, no build tree, no other tool.
 */
class ReleaseArchiveIT {
	private static final String VERSION = System.getProperty("ipsl.version");
	private static final Pattern DIAGNOSTIC = Pattern.compile("^(\\S+):(\\d+):\\d+: (\\w+): .* \\[([a-z0-9-]+)\\]$");
	private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");

	@TempDir
	static Path empty;
	static Path home;

	private record Run(int exitCode, String stdout, String stderr) {
	}

	@BeforeAll
	static void unpack() throws Exception {
		Path archive = Path.of(System.getProperty("ipsl.archive"));
		Process tar = new ProcessBuilder("tar", "-xzf", archive.toString()).directory(empty.toFile())
				.redirectErrorStream(true).start();
		assertThat(tar.waitFor()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
		home = empty.resolve("ipsl-" + VERSION);
	}

	@Test
	void holdsTheLauncherTheJarTheExtensionTheDocsTheExamplesCompletionAndManPages() throws IOException {
		assertThat(Files.isExecutable(home.resolve("bin/ipsl"))).isTrue();
		assertThat(home.resolve("bin/ipsl.bat")).content().contains("\r\n");
		assertThat(home.resolve("lib/ipsl.jar")).isRegularFile();
		try (Stream<Path> vsix = Files.list(home.resolve("vscode"))) {
			assertThat(vsix.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".vsix");
		}
		assertThat(home.resolve("README.md")).isRegularFile();
		assertThat(home.resolve("docs/language.md")).isRegularFile();
		assertThat(home.resolve("docs/cli.md")).isRegularFile();
		assertThat(home.resolve("examples/peers/hq.ipsl")).isRegularFile();
		assertThat(home.resolve("completion/ipsl_completion")).content().contains("complete -F").contains("fmt");
		assertThat(home.resolve("man/man1/ipsl.1")).content().startsWith("'\\\" t").contains(".TH \"IPSL\"");
		assertThat(home.resolve("man/man1/ipsl-check.1")).content().contains("\\-\\-format");
		assertThat(home.resolve("man/man1/ipsl-fmt.1")).content().contains("\\-\\-check");
	}

	@Test
	void theZipHoldsTheSameFiles() throws IOException {
		TreeSet<String> inZip = new TreeSet<>();
		try (ZipFile zip = new ZipFile(System.getProperty("ipsl.zip"))) {
			zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).forEach(inZip::add);
		}
		TreeSet<String> unpacked = new TreeSet<>();
		try (Stream<Path> files = Files.walk(empty)) {
			files.filter(Files::isRegularFile).map(p -> empty.relativize(p).toString()).forEach(unpacked::add);
		}
		assertThat(inZip).isEqualTo(unpacked);
	}

	@Test
	void versionNamesTheReleaseAndItsCommit() throws Exception {
		Run run = run("bin/ipsl --version");
		assertThat(run.stderr()).isEmpty();
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).matches("ipsl " + Pattern.quote(VERSION) + " \\(commit ([0-9a-f]{12}|unknown)\\)\n");
	}

	/** Exit 1 and exactly the diagnostics the examples' {@code // expect:} markers announce. */
	@Test
	void checksTheExamplesWithOnlyJavaOnThePath() throws Exception {
		Run run = run("bin/ipsl check examples/*/");
		assertThat(run.stderr()).isEmpty();
		assertThat(run.exitCode()).isEqualTo(1);
		List<String> found = new ArrayList<>();
		for (String line : run.stdout().split("\n")) {
			Matcher m = DIAGNOSTIC.matcher(line);
			assertThat(m.matches()).as("a diagnostic line: %s", line).isTrue();
			if (!m.group(3).equals("hint"))
				found.add(m.group(1) + ":" + m.group(2) + ": " + m.group(4));
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(markers(home.resolve("examples")));
	}

	@Test
	void withoutJavaItSaysSoAndExitsTwo() throws Exception {
		Run run = run("bin/ipsl --version", Map.of("PATH", empty.toString()));
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).isEqualTo("ipsl: no Java runtime found: install Java 17 or later, or set JAVA_HOME\n");
	}

	private static List<String> markers(Path examples) throws IOException {
		List<String> expected = new ArrayList<>();
		try (Stream<Path> files = Files.walk(examples)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ipsl")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher m = MARKER.matcher(lines.get(i));
					if (m.find())
						for (String code : m.group(1).split(","))
							expected.add(home.relativize(file) + ":" + (i + 1) + ": " + code.trim());
				}
			}
		}
		return expected;
	}

	private static Run run(String commandLine) throws Exception {
		return run(commandLine, Map.of("PATH", Path.of(System.getProperty("java.home"), "bin").toString()));
	}

	/** The command line run by /bin/sh (which expands the globs) in the unpacked release, with only {@code env}. */
	private static Run run(String commandLine, Map<String, String> env) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", commandLine).directory(home.toFile());
		builder.environment().clear();
		builder.environment().putAll(env);
		Process process = builder.start();
		process.getOutputStream().close();
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		if (!process.waitFor(180, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(commandLine + " did not finish");
		}
		return new Run(process.exitValue(), out.get(), err.get());
	}

	private static String read(InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
