package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ipsl check}, {@code --help}, {@code --version}: output and exit codes as LANGUAGE.md says. */
class CheckCommandTest {
	@TempDir
	Path dir;

	@Test
	void cleanWorkspaceExitsZeroAndPrintsNothing() throws Exception {
		IpslRun run = IpslRun.run(Checker.examples(), "check", "site-to-site");
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).isEmpty();
	}

	@Test
	void errorsPrintLikeACompilerAndExitOne() throws Exception {
		Checker.write(dir.resolve("sub/h.ipsl"),
				"host h {\n    policy p { tcp from any to any port 99999 discard }\n}\n");
		IpslRun run = IpslRun.run(dir, "check", "sub");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).isEqualTo(
				"sub/h.ipsl:2:41: error: port 99999 is out of range 0–65535 [invalid-value]\n");
	}

	@Test
	void jsonFormat() throws Exception {
		Checker.write(dir.resolve("h.ipsl"), "host h {\n    policy p { tcp from nowhere to any discard }\n}\n");
		IpslRun run = IpslRun.run(dir, "check", "--format", "json", "h.ipsl");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonArray array = JsonParser.parseString(run.stdout()).getAsJsonArray();
		assertThat(array).hasSize(1);
		JsonObject d = array.get(0).getAsJsonObject();
		assertThat(d.get("file").getAsString()).isEqualTo("h.ipsl");
		assertThat(d.get("line").getAsInt()).isEqualTo(2);
		assertThat(d.get("column").getAsInt()).isEqualTo(25);
		assertThat(d.get("endLine").getAsInt()).isEqualTo(2);
		assertThat(d.get("endColumn").getAsInt()).isEqualTo(32);
		assertThat(d.get("severity").getAsString()).isEqualTo("error");
		assertThat(d.get("code").getAsString()).isEqualTo("unresolved-name");
		assertThat(d.get("message").getAsString()).isEqualTo("unknown host or network 'nowhere'");
		assertThat(d.get("related").getAsJsonArray()).isEmpty();
	}

	@Test
	void aFileIsLinkedWithItsFolderButReportedAlone() throws Exception {
		Checker.write(dir.resolve("common.ipsl"), "network lan = 10.0.0.0/8\nnetwork lan = 10.0.0.0/8\n");
		Checker.write(dir.resolve("h.ipsl"), "host h { policy p { any from lan to any discard } }\n");
		IpslRun run = IpslRun.run(dir, "check", "h.ipsl");
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).isEmpty();
	}

	@Test
	void warningsOnlyExitZero() throws Exception {
		// No warning-only code exists before the host analysis; a clean run must still be 0 with --at.
		IpslRun run = IpslRun.run(Checker.examples(), "check", "--at", "2026-01-01", "site-to-site");
		assertThat(run.exitCode()).isZero();
	}

	@Test
	void usageAndIoFailuresExitTwoWithOneLine() throws Exception {
		IpslRun missing = IpslRun.run(dir, "check", "nowhere");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.stderr()).isEqualTo("ipsl: nowhere: no such file or folder\n");
		IpslRun badDate = IpslRun.run(dir, "check", "--at", "yesterday", ".");
		assertThat(badDate.exitCode()).isEqualTo(2);
		assertThat(badDate.stderr()).contains("--at").doesNotContain("Exception");
		IpslRun noCommand = IpslRun.run(dir);
		assertThat(noCommand.exitCode()).isEqualTo(2);
		IpslRun noPath = IpslRun.run(dir, "check");
		assertThat(noPath.exitCode()).isEqualTo(2);
	}

	@Test
	void helpAndVersion() throws Exception {
		IpslRun help = IpslRun.run(dir, "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.stdout()).contains("check").contains("lsp");
		IpslRun version = IpslRun.run(dir, "--version");
		assertThat(version.exitCode()).isZero();
		// the commit the jar was built from, recorded by the build; a build outside git says unknown
		assertThat(version.stdout()).matches(Files.exists(Checker.examples().resolveSibling(".git"))
				? "ipsl 0\\.1\\.0\\S* \\(commit [0-9a-f]{12}\\)\n"
				: "ipsl 0\\.1\\.0\\S* \\(commit unknown\\)\n");
	}
}
