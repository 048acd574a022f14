package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipsl fmt [--check] PATH...}: the server's layout on the command line, as docs/cli.md says. */
class FmtCommandTest {
	private static final String MESSY = "network   lan=10.1.0.0/16\nhost h{address 10.1.1.10\n"
			+ "policy p{tcp from lan to any port ssh discard}\ndefault pass}\n";
	private static final String FORMATTED = """
			network lan = 10.1.0.0/16
			host h {
			    address 10.1.1.10
			    policy p {
			        tcp from lan to any port ssh
			        discard
			    }
			    default pass
			}
			""";

	@TempDir
	Path dir;

	@Test
	void everyExampleIsInTheCanonicalLayout() throws Exception {
		IpslRun run = IpslRun.run(Checker.examples(), "fmt", "--check", "site-to-site", "ordering", "keys", "peers");
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).isEmpty();
		assertThat(run.exitCode()).isZero();
	}

	@Test
	void checkPrintsAUnifiedDiffChangesNothingAndExitsOne() throws Exception {
		Path file = dir.resolve("h.ipsl");
		Checker.write(file, MESSY);
		IpslRun run = IpslRun.run(dir, "fmt", "--check", ".");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stdout()).isEqualTo("""
				--- h.ipsl
				+++ h.ipsl (formatted)
				@@ -1,4 +1,9 @@
				-network   lan=10.1.0.0/16
				-host h{address 10.1.1.10
				-policy p{tcp from lan to any port ssh discard}
				-default pass}
				+network lan = 10.1.0.0/16
				+host h {
				+    address 10.1.1.10
				+    policy p {
				+        tcp from lan to any port ssh
				+        discard
				+    }
				+    default pass
				+}
				""");
		assertThat(Files.readString(file)).isEqualTo(MESSY);
	}

	@Test
	void rewritesInPlaceKeepingPermissionsAndLeavingNoTemporaryFile() throws Exception {
		Path file = dir.resolve("h.ipsl");
		Checker.write(file, MESSY);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		IpslRun run = IpslRun.run(dir, "fmt", "h.ipsl");
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout()).isEqualTo("formatted h.ipsl\n");
		assertThat(Files.readString(file)).isEqualTo(FORMATTED);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Stream<Path> left = Files.list(dir)) {
			assertThat(left).containsExactly(file);
		}
		IpslRun again = IpslRun.run(dir, "fmt", "--check", "h.ipsl");
		assertThat(again.exitCode()).isZero();
		assertThat(again.stdout()).isEmpty();
	}

	@Test
	void aFileWithSyntaxErrorsIsLeftAsWrittenAndTheOthersAreFormatted() throws Exception {
		String broken = "host h {\n    policy p { tcp from any to\n}\n";
		Path bad = dir.resolve("a.ipsl"), good = dir.resolve("b.ipsl");
		Checker.write(bad, broken);
		Checker.write(good, MESSY);
		IpslRun run = IpslRun.run(dir, "fmt", ".");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr())
				.isEqualTo("ipsl: a.ipsl: has syntax errors (ipsl check names them); left as written\n");
		assertThat(Files.readString(bad)).isEqualTo(broken);
		assertThat(Files.readString(good)).isEqualTo(FORMATTED);
	}

	@Test
	void aMissingPathExitsTwoAfterTheOtherFiles() throws Exception {
		Path good = dir.resolve("b.ipsl");
		Checker.write(good, MESSY);
		IpslRun run = IpslRun.run(dir, "fmt", "nowhere.ipsl", "b.ipsl");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).isEqualTo("ipsl: nowhere.ipsl: no such file or folder\n");
		assertThat(Files.readString(good)).isEqualTo(FORMATTED);
		IpslRun noPath = IpslRun.run(dir, "fmt");
		assertThat(noPath.exitCode()).isEqualTo(2);
	}
}
