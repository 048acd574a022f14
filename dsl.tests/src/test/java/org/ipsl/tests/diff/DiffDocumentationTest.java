package org.ipsl.tests.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * The example of docs/cli.md's {@code ipsl diff} section, run as written: its shell lines in a
 * folder holding a copy of the examples, with {@code ipsl} standing for the built jar; the output
 * must be the documented one, and the exit code 1.
 */
class DiffDocumentationTest {
	@TempDir
	Path dir;

	@Test
	void theDocumentedExampleRunsAndPrintsWhatTheDocumentationShows() throws Exception {
		String section = section();
		String script = block(section, "sh");
		String expected = block(section, "text");
		Checker.copyTree(Checker.examples().resolve("site-to-site"), dir.resolve("examples/site-to-site"));
		String ipsl = "ipsl() { '" + LspProcess.javaBinary() + "' -jar '" + LspProcess.jar() + "' \"$@\"; }\n";
		Process process = new ProcessBuilder("bash", "-c", ipsl + script).directory(dir.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(output).isEqualTo(expected);
		assertThat(process.exitValue()).isEqualTo(1);
	}

	@Test
	void theDocumentedJsonIsWhatTheDescribedChangePrints() throws Exception {
		Checker.write(dir.resolve("old/gw.ipsl"), DiffCommandTest.WEB_FIRST);
		Checker.write(dir.resolve("new/gw.ipsl"),
				DiffCommandTest.WEB_FIRST.replace("policy lab priority 20", "policy lab priority 5"));
		IpslRun run = IpslRun.run(dir, "diff", "--format", "json", "old", "new");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonElement documented = JsonParser.parseString(block(section(), "json"));
		assertThat(JsonParser.parseString(run.stdout())).isEqualTo(documented);
	}

	private static String section() throws Exception {
		String cli = Files.readString(Checker.examples().resolveSibling("docs/cli.md"));
		int start = cli.indexOf("## `ipsl diff`\n");
		assertThat(start).as("docs/cli.md has a section ## `ipsl diff`").isNotNegative();
		int end = cli.indexOf("\n## ", start + 1);
		return cli.substring(start, end < 0 ? cli.length() : end);
	}

	/** The first fenced block of the language. */
	private static String block(String section, String language) {
		Matcher block = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
		assertThat(block.find()).as("a ```%s block", language).isTrue();
		return block.group(1);
	}
}
