package org.ipsl.tests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipsl generate} over an earlier generation when writing fails: a read-only output folder,
 * a full disk, a folder where a file goes, a failure in the middle of the files, and the process
 * killed in the middle. Each ends with one line naming the path and the reason (no stack trace)
 * and leaves every earlier file as it was, byte for byte and mode for mode, or replaced whole.
 * Read-only and full file systems are real: mounted in a private mount namespace
 * ({@code unshare -rm}, which needs no privilege where user namespaces are allowed).
 */
class OutputFaultsTest {
	@TempDir
	Path dir;

	/** The site-to-site example as first generated, and with a changed port, which changes every host's files. */
	private Path before, after;

	@BeforeEach
	void workspaces() throws IOException {
		before = LspProcess.copyExample("site-to-site", dir.resolve("before"));
		after = LspProcess.copyExample("site-to-site", dir.resolve("after"));
		for (String host : List.of("alpha.ipsl", "beta.ipsl"))
			Files.writeString(after.resolve(host),
					Files.readString(after.resolve(host)).replace("port ssh", "port 2222"));
	}

	/** Generates {@code workspace} into {@code out} (relative to the test folder); it must succeed. */
	private Snapshot generate(Path workspace, String out) throws Exception {
		IpslRun run = IpslRun.run(dir, "generate", workspace.getFileName().toString(), "--target", "all", "--out", out);
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		return Snapshot.of(dir.resolve(out));
	}

	@Test
	void aReadOnlyOutputFolderChangesNothing() throws Exception {
		Snapshot earlier = generate(before, "out");
		Namespaced run = Namespaced.run(dir, """
				mount --bind out out && mount -o remount,ro,bind out
				$IPSL generate after --target all --out out
				""");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).isEqualTo("ipsl: out/alpha: cannot write in this folder (read-only file system); "
				+ "nothing written\n");
		assertThat(Snapshot.of(dir.resolve("out"))).isEqualTo(earlier);
	}

	@Test
	void aFullDiskChangesNothingAndLeavesNoTemporaryFile() throws Exception {
		generate(before, "reference");
		Namespaced run = Namespaced.run(dir, """
				mkdir out kept
				mount -t tmpfs -o size=128k tmpfs out
				$IPSL generate before --target all --out out >/dev/null
				dd if=/dev/zero of=out/filler bs=1k 2>/dev/null || true
				code=0
				$IPSL generate after --target all --out out || code=$?
				rm out/filler
				cp -a out/. kept/
				exit $code
				""");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).matches("ipsl: out/alpha/ipsec_config\\.batch: cannot write the file "
				+ "\\(no space left on device\\); nothing written\n");
		assertThat(Snapshot.of(dir.resolve("kept"))).as("earlier files, no temporary file left")
				.isEqualTo(Snapshot.of(dir.resolve("reference")));
	}

	@Test
	void aFolderWhereAFileGoesChangesNothing() throws Exception {
		generate(before, "out");
		Files.delete(dir.resolve("out/beta/xfrm.sh"));
		Files.createDirectory(dir.resolve("out/beta/xfrm.sh"));
		Snapshot earlier = Snapshot.of(dir.resolve("out"));
		IpslRun run = IpslRun.run(dir, "generate", "after", "--target", "all", "--out", "out");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).isEqualTo(
				"ipsl: out/beta/xfrm.sh: is a folder, not a file; remove it or choose another --out; nothing written\n");
		assertThat(Snapshot.of(dir.resolve("out"))).isEqualTo(earlier);

		Checker.write(dir.resolve("file"), "not a folder\n");
		IpslRun file = IpslRun.run(dir, "generate", "after", "--target", "all", "--out", "file");
		assertThat(file.exitCode()).isEqualTo(2);
		assertThat(file.stderr()).isEqualTo("ipsl: file: is a file, not a folder; nothing written\n");
		assertThat(dir.resolve("file")).hasContent("not a folder");
	}

	@Test
	void aFailureInTheMiddleKeepsWhatCameBeforeAndAfterWhole() throws Exception {
		Snapshot earlier = generate(before, "out");
		Snapshot updated = generate(after, "reference");
		Namespaced run = Namespaced.run(dir, """
				mount --bind out/beta out/beta && mount -o remount,ro,bind out/beta
				$IPSL generate after --target all --out out
				""");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).isEqualTo("ipsl: out/beta: cannot write in this folder (read-only file system); "
				+ "stopped after writing 5 files (listed above)\n");
		assertThat(run.stdout()).isEqualTo("wrote out/alpha/ipsec_config.batch\nwrote out/alpha/ipsec_config.sh\n"
				+ "wrote out/alpha/runtime.json\nwrote out/alpha/swanctl.conf\nwrote out/alpha/xfrm.sh\n");
		Map<String, Snapshot.Entry> expected = new TreeMap<>(earlier.files());
		updated.files().forEach((name, entry) -> {
			if (name.startsWith("alpha/"))
				expected.put(name, entry);
		});
		assertThat(Snapshot.of(dir.resolve("out")).files()).isEqualTo(expected);
	}

	@Test
	void aGenerationKilledInTheMiddleLeavesEachFileOldOrNewAndTheNextOneCleansUp() throws Exception {
		int hosts = 40;
		Checker.write(dir.resolve("old/hosts.ipsl"), manyHosts(hosts, "192.0.2.0/24"));
		Checker.write(dir.resolve("new/hosts.ipsl"), manyHosts(hosts, "198.51.100.0/24"));
		Snapshot old = generate(dir.resolve("old"), "out");
		Snapshot updated = generate(dir.resolve("new"), "reference");
		Path first = dir.resolve("out/h000/ipsec_config.batch");
		byte[] firstBefore = Files.readAllBytes(first);

		Process process = new ProcessBuilder(LspProcess.javaBinary(), "-jar", LspProcess.jar().toString(), "generate",
				"new", "--target", "all", "--out", "out").directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (Arrays.equals(Files.readAllBytes(first), firstBefore) && System.nanoTime() < deadline)
			Thread.sleep(1);
		process.destroyForcibly(); // SIGKILL: no shutdown hook runs
		process.waitFor(30, TimeUnit.SECONDS);

		Map<String, Snapshot.Entry> left = Snapshot.of(dir.resolve("out")).files();
		int replaced = 0, kept = 0;
		List<String> temporaries = new ArrayList<>();
		for (Map.Entry<String, Snapshot.Entry> file : left.entrySet()) {
			if (!old.files().containsKey(file.getKey())) {
				temporaries.add(file.getKey());
				assertThat(file.getValue().mode()).as("a temporary file is owner-only from the start")
						.isEqualTo("rw-------");
				continue;
			}
			if (file.getValue().equals(updated.files().get(file.getKey())))
				replaced++;
			else {
				assertThat(file.getValue()).as("%s is the old file or the new one, whole", file.getKey())
						.isEqualTo(old.files().get(file.getKey()));
				kept++;
			}
		}
		assertThat(replaced).as("killed after it began").isPositive();
		assertThat(kept).as("killed before it ended (%d files replaced)", replaced).isPositive();
		assertThat(temporaries).as("at most the one file being written").hasSizeLessThanOrEqualTo(1);
		// what a kill during a write leaves, whether or not this one did
		Checker.write(dir.resolve("out/h001/.runtime.json.4711.tmp"), "{ half a file");

		assertThat(generate(dir.resolve("new"), "out"))
				.as("the next run completes and removes what the killed one left")
				.isEqualTo(updated);
	}

	/** {@code count} hosts, each with a policy towards {@code site}: every host's files change with it. */
	private static String manyHosts(int count, String site) {
		StringBuilder text = new StringBuilder("network site = " + site + "\n");
		for (int i = 0; i < count; i++)
			text.append(String.format("host h%03d {%n    address 10.0.%d.%d%n"
					+ "    policy ssh priority 10 { tcp from 10.0.%d.%d to site port ssh discard }%n    default pass%n}%n",
					i, i / 200, 1 + i % 200, i / 200, 1 + i % 200));
		return text.toString();
	}

	/** A shell script run in a private user and mount namespace, in the test folder, {@code $IPSL} being the CLI. */
	private record Namespaced(int exitCode, String stdout, String stderr) {
		static Namespaced run(Path dir, String script) throws Exception {
			Path out = Files.createTempFile(dir, "stdout", ".txt");
			Path err = Files.createTempFile(dir, "stderr", ".txt");
			ProcessBuilder builder = new ProcessBuilder("unshare", "-rm", "sh", "-ec", script).directory(dir.toFile())
					.redirectOutput(out.toFile()).redirectError(err.toFile());
			builder.environment().put("IPSL", LspProcess.javaBinary() + " -jar " + LspProcess.jar());
			Process process = builder.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("did not finish: " + script);
			}
			Namespaced result = new Namespaced(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
	}
}
