package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ipsl.tests.support.BadInputs;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipsl check} on hostile files: diagnostics with a place, never a stack trace. */
class BadInputCliTest {
	@TempDir
	Path dir;

	@Test
	void everyBadFileGetsDiagnosticsAndNoStackTrace() throws Exception {
		for (Map.Entry<String, String> input : BadInputs.all().entrySet())
			Checker.write(dir.resolve(input.getKey() + ".ipsl"), input.getValue());
		IpslRun run = IpslRun.run(dir, "check", "--format", "json", ".");
		assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
		assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
		for (String name : BadInputs.all().keySet())
			if (!name.equals("empty"))
				assertThat(run.stdout()).as(name).contains("\"file\": \"" + name + ".ipsl\"");
		assertThat(run.stdout()).doesNotContain("\"file\": \"empty.ipsl\"");
	}

	@Test
	void aFileThatIsNotUtf8IsAnErrorAtItsFirstBadByteAndTheOtherFilesAreChecked() throws Exception {
		Files.write(dir.resolve("latin1.ipsl"), new byte[]{'h', 'o', 's', 't', ' ', (byte) 0xE9, ' ', '{', '}'});
		Checker.write(dir.resolve("other.ipsl"), "network n = 10.0.0.300\n");
		IpslRun run = IpslRun.run(dir, "check", ".");
		assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
		assertThat(run.stderr()).isEmpty();
		assertThat(run.stdout().lines().filter(l -> l.startsWith("latin1.ipsl")).toList()).containsExactly(
				"latin1.ipsl:1:6: error: this file is not UTF-8 text (byte 0xE9 here): save it as UTF-8 [syntax]");
		assertThat(run.stdout()).contains("other.ipsl:1:13: error: ").contains("[invalid-value]");
	}
}
