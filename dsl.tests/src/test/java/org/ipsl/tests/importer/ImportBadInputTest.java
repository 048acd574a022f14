package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.ipsl.importer.hpux.HpuxImporter;
import org.ipsl.importer.ImportProblem;
import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch files the importer cannot read: an error at file, line and column, and nothing written. */
class ImportBadInputTest {
	@TempDir
	Path dir;

	private ImportProblem onlyProblem(String name, byte[] content) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, content);
		Path out = dir.resolve("out-" + name);
		HpuxImporter.Result result = new HpuxImporter(Checker.injector())
				.run(new HpuxImporter.Request(List.of(file), List.of(), out, false));
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.written()).isEmpty();
		assertThat(out).as("nothing written").doesNotExist();
		assertThat(result.problems()).hasSize(1);
		assertThat(result.problems().get(0).file()).isEqualTo(file);
		return result.problems().get(0);
	}

	private ImportProblem onlyProblem(String name, String text) throws IOException {
		return onlyProblem(name, text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void unknownObject() throws IOException {
		ImportProblem p = onlyProblem("object.batch", "# gateways\n\nadd gateway gw1 -remote 10.0.0.1\n");
		assertThat(p.line()).isEqualTo(3);
		assertThat(p.column()).isEqualTo(5);
		assertThat(p.message()).startsWith("unknown object 'gateway'");
	}

	@Test
	void unknownOption() throws IOException {
		ImportProblem p = onlyProblem("option.batch", "add host web -source 10.0.0.1 -colour red -action PASS\n");
		assertThat(p.line()).isEqualTo(1);
		assertThat(p.column()).isEqualTo(31);
		assertThat(p.message()).startsWith("unknown option '-colour' of add host");
	}

	@Test
	void valuesOutOfRange() throws IOException {
		assertThat(onlyProblem("prio.batch", "add host web -priority 2147483648 -action PASS\n"))
				.extracting(ImportProblem::line, ImportProblem::column, ImportProblem::message)
				.containsExactly(1, 24, "priority 2147483648 is out of range 1–2147483647");
		ImportProblem prefix = onlyProblem("prefix.batch", "add host web -source 10.0.0.1/33 -action PASS\n");
		assertThat(prefix.column()).isEqualTo(22);
		assertThat(prefix.message()).contains("out of range 0–32");
		ImportProblem port = onlyProblem("web-port.batch",
				"add host web -source 10.0.0.1/32/70000 -protocol TCP -action PASS\n");
		assertThat(port.message()).isEqualTo("port 70000 is out of range 0–65535");
		ImportProblem lifetime = onlyProblem("life.batch",
				"add host web -destination 10.0.0.2 -action ESP_AES128_HMAC_SHA1/10\n");
		assertThat(lifetime.message()).contains("out of range 600–4294967294");
	}

	@Test
	void truncatedLine() throws IOException {
		ImportProblem p = onlyProblem("cut.batch", "add host web -source 10.0.0.1 -priority");
		assertThat(p.line()).isEqualTo(1);
		assertThat(p.column()).isEqualTo(41);
		assertThat(p.message()).isEqualTo("-priority needs a value, and the line ends here (is it cut off?)");
		ImportProblem quote = onlyProblem("quote.batch",
				"add auth a -remote 10.0.0.2 -rtype X500-DN -rid \"CN=peer, O=Exa");
		assertThat(quote.column()).isEqualTo(49);
		assertThat(quote.message()).startsWith("the line ends inside a quoted value");
	}

	@Test
	void binaryGarbage() throws IOException {
		byte[] garbage = new byte[4096];
		new Random(15).nextBytes(garbage);
		byte[] content = new byte[20 + garbage.length];
		System.arraycopy("add bypass 10.0.0.1\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 20);
		System.arraycopy(garbage, 0, content, 20, garbage.length);
		ImportProblem p = onlyProblem("garbage.batch", content);
		assertThat(p.line()).isGreaterThanOrEqualTo(2);
		assertThat(p.message()).startsWith("binary data: the file is not text");
		ImportProblem nul = onlyProblem("nul.batch", "add host web\0 -action PASS\n");
		assertThat(nul).extracting(ImportProblem::line, ImportProblem::column).containsExactly(1, 13);
	}

	@Test
	void tenMegabytes() throws IOException {
		ImportProblem p = onlyProblem("big.batch", "add bypass 10.0.0.1\n".repeat(10 * 1024 * 1024 / 20 + 1));
		assertThat(p).extracting(ImportProblem::line, ImportProblem::column).containsExactly(1, 1);
		assertThat(p.message()).startsWith("the file has 10485780 bytes; a batch file is at most 4194304 bytes");
	}

	/** The real command line on all of them at once: exit 1, one line per problem, no stack trace, nothing written. */
	@Test
	void commandLineGivesPlacesAndNoStackTrace() throws Exception {
		Files.writeString(dir.resolve("a.batch"), "add gateway gw1\n");
		Files.writeString(dir.resolve("b.batch"), "add host web -source 10.0.0.1 -priority");
		Files.write(dir.resolve("c.batch"), new byte[]{'a', 'd', 'd', ' ', (byte) 0xff, (byte) 0xfe, 0, 1});
		IpslRun run = IpslRun.run(dir, "import", "hpux", "a.batch", "b.batch", "c.batch", "--out", "ws");
		assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
		assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(run.stderr().strip())
				.isEqualTo("ipsl: nothing written: 3 problems above (--partial writes the rest)");
		assertThat(run.stdout().lines()).containsExactly(
				"a.batch:1:5: unknown object 'gateway': the importer reads add "
						+ "host, tunnel, ike, ikev1, auth, bypass and startup",
				"b.batch:1:41: -priority needs a value, and the line ends here (is it cut off?)",
				"c.batch:1:5: binary data: the file is not text (byte 0xff is not UTF-8)");
		assertThat(dir.resolve("ws")).doesNotExist();
	}
}
