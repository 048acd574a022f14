package org.ipsl.tests.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files named by {@code preshared file}, {@code certificate}, {@code ca} and {@code crl}: read only
 * inside the workspace folder (or a folder allowed beyond it), and a secret read from a file is
 * checked as an inline one is.
 */
class ReferencedFilesTest {
	private static final String SHORT_SECRET = "q7";

	@TempDir
	Path dir;

	private static String host(String authentication) {
		return """
				host a {
				    address 10.0.0.1
				    ike to-b {
				        remote 10.0.0.2
				        authentication %s
				    }
				}
				""".formatted(authentication);
	}

	private Path workspace(String authentication) {
		Path workspace = dir.resolve("ws");
		Checker.write(workspace.resolve("a.ipsl"), host(authentication));
		return workspace;
	}

	private static List<Diagnostic> withoutHints(List<Diagnostic> diagnostics) {
		return diagnostics.stream().filter(d -> d.severity() != Severity.HINT).toList();
	}

	@Test
	void aShortSecretInAFileIsALowEntropyKeyOnTheFileNameAsInline() throws Exception {
		Path workspace = workspace("preshared file \"keys/b.psk\"");
		Checker.write(workspace.resolve("keys/b.psk"), SHORT_SECRET + "\n");
		List<Diagnostic> fromFile = withoutHints(Checker.check(workspace));
		assertThat(fromFile).singleElement().satisfies(d -> {
			assertThat(d.code().id()).isEqualTo("low-entropy-key");
			assertThat(d.line()).isEqualTo(5);
			assertThat(d.column()).isEqualTo(39); // the "keys/b.psk" string
			assertThat(d.message()).doesNotContain(SHORT_SECRET);
		});
		List<Diagnostic> inline = withoutHints(Checker.checkText(dir.resolve("inline"),
				host("preshared \"" + SHORT_SECRET + "\"")));
		assertThat(inline).singleElement().satisfies(d -> {
			assertThat(d.code()).isEqualTo(fromFile.get(0).code());
			assertThat(d.message()).isEqualTo(fromFile.get(0).message());
		});
	}

	@Test
	void pathsOutsideTheWorkspaceAreErrorsAndAreNotRead() throws Exception {
		Path outside = dir.resolve("elsewhere/b.psk");
		Checker.write(outside, SHORT_SECRET + "\n");
		for (String written : List.of("../elsewhere/b.psk", outside.toString(), "/etc/hostname")) {
			List<Diagnostic> diagnostics = withoutHints(Checker.check(workspace("preshared file \"" + written + "\"")));
			assertThat(diagnostics).as(written).singleElement().satisfies(d -> {
				assertThat(d.code().id()).isEqualTo("path-outside-workspace");
				assertThat(d.line()).isEqualTo(5);
				assertThat(d.column()).isEqualTo(39);
			});
		}
		List<Diagnostic> certificate = withoutHints(Checker.check(workspace(
				"certificate \"a.pem\" ca \"../../ca.pem\" crl \"/etc/ssl/x.crl\"")));
		assertThat(certificate).extracting(d -> d.code().id()).containsExactly("path-outside-workspace",
				"path-outside-workspace");
	}

	@Test
	void aSymbolicLinkInsideTheWorkspaceThatLeadsOutIsOutside() throws Exception {
		Path outside = dir.resolve("elsewhere/b.psk");
		Checker.write(outside, SHORT_SECRET + "\n");
		Path workspace = workspace("preshared file \"link.psk\"");
		Files.createSymbolicLink(workspace.resolve("link.psk"), outside);
		assertThat(withoutHints(Checker.check(workspace))).extracting(d -> d.code().id())
				.containsExactly("path-outside-workspace");
	}

	@Test
	void anAllowedFolderMayBeRead() throws Exception {
		Path outside = dir.resolve("elsewhere/b.psk");
		Checker.write(outside, SHORT_SECRET + "\n");
		Path workspace = workspace("preshared file \"../elsewhere/b.psk\"");
		var report = Checker.injector().getInstance(WorkspaceChecker.class).report(List.of(workspace), Checker.DAY,
				List.of(dir.resolve("elsewhere")));
		assertThat(withoutHints(report.diagnostics())).extracting(d -> d.code().id())
				.containsExactly("low-entropy-key");
	}

	@Test
	void theCommandLineAllowsAFolderAndGenerateWritesNothingWithoutIt() throws Exception {
		Path outside = dir.resolve("elsewhere/b.psk");
		Checker.write(outside, "a-long-enough-secret-for-this\n");
		Path workspace = workspace("preshared file \"../elsewhere/b.psk\"");
		IpslRun refused = IpslRun.run(workspace, "generate", ".", "--target", "runtime", "--out", "gen");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.stdout()).contains("[path-outside-workspace]").doesNotContain("a-long-enough");
		assertThat(workspace.resolve("gen")).doesNotExist();
		IpslRun check = IpslRun.run(workspace, "check", ".", "--allow-outside", "../elsewhere");
		assertThat(check.stdout()).doesNotContain("path-outside-workspace");
		assertThat(check.exitCode()).isZero();
		IpslRun generated = IpslRun.run(workspace, "generate", ".", "--target", "runtime", "--out", "gen",
				"--allow-outside", "../elsewhere");
		assertThat(generated.exitCode()).as(generated.stdout() + generated.stderr()).isZero();
	}
}
