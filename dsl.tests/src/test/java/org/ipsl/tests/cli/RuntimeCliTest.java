package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipsl runtime ...}: the runtime's command line inside the real {@code ipsl} jar, on generated runtime.json. */
class RuntimeCliTest {
	@TempDir
	Path out;

	@Test
	void aPacketBetweenTheSitesIsTracedThroughTheTunnel() throws Exception {
		assertThat(IpslRun
				.run(Checker.examples(), "generate", "--target", "runtime", "--out", out.toString(), "site-to-site")
				.exitCode()).isZero();
		IpslRun run = IpslRun.run(out, "runtime", "trace", "--config", "alpha/runtime.json", "--config",
				"beta/runtime.json",
				"--packet", "udp 10.1.5.5:4000 -> 10.2.7.7:53");
		assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
		assertThat(run.stdout().lines()).contains(
				"packet: udp 10.1.5.5:4000 -> 10.2.7.7:53 (alpha -> beta)",
				"alpha SPD, outbound: policy `sites` (priority 20), cookie 3: Dynamic key SA -> SAs needed with 10.2.2.20",
				"negotiation alpha -> beta: ESTABLISHED, proposal aes128-sha1-modp1024, transform esp-aes128-hmac-sha1",
				"verdict: delivered to beta: udp 10.1.5.5:4000 -> 10.2.7.7:53");
		assertThat(run.stdout()).contains("(aes128 hmac-sha1, tunnel)").doesNotContain("Vq3#mZ8");
	}

	@Test
	void aMissingConfigurationIsOneLineAndExitCode2() throws Exception {
		IpslRun run = IpslRun.run(out, "runtime", "report", "--config", "nowhere/runtime.json");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr()).isEqualTo("ipsl-runtime: nowhere/runtime.json: no such file\n");
	}

	@Test
	void helpNamesTheCommandAsTyped() throws Exception {
		IpslRun help = IpslRun.run(out, "runtime", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.stdout()).startsWith("Usage: ipsl runtime [-hV] [COMMAND]");
		assertThat(IpslRun.run(out, "runtime", "trace", "--help").stdout()).startsWith("Usage: ipsl runtime trace ");
	}
}
