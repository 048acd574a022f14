package org.ipsl.runtime.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipsl.runtime.cli.RuntimeCli;
import org.ipsl.runtime.cli.AgreeingHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real processes ({@code ipsl-runtime run}) exchange 1,000 datagrams as ESP in UDP over
 * loopback with manual SAs: the sender counts every echo back, none lost and none out of order,
 * and the echoer delivered exactly those 1,000 and dropped none.
 */
class LiveModeTest {
	private static final Pattern LISTENING = Pattern.compile("listening on udp 127\\.0\\.0\\.1:(\\d+) .*");

	@TempDir
	Path dir;

	@Test
	void twoProcessesExchangeAThousandDatagramsWithoutLossOrReordering() throws Exception {
		AgreeingHosts.write(dir);
		Process echoer = java("run", "--config", dir.resolve("b.json").toString(), "--listen", "0", "--count", "1000",
				"--timeout", "60");
		try {
			BufferedReader echoed = new BufferedReader(
					new InputStreamReader(echoer.getInputStream(), StandardCharsets.UTF_8));
			Matcher listening = LISTENING.matcher(echoed.readLine());
			assertThat(listening.matches()).isTrue();
			Process sender = java("run", "--config", dir.resolve("a.json").toString(), "--listen", "0", "--peer-port",
					listening.group(1), "--send", "1000", "--packet", "udp 10.9.0.1:5000 -> 10.9.0.2:7", "--timeout",
					"120");
			List<String> senderLines = lines(sender);
			assertThat(sender.waitFor(150, TimeUnit.SECONDS)).isTrue();
			assertThat(sender.exitValue()).as("sender output %s", senderLines).isEqualTo(0);
			assertThat(senderLines).anyMatch(l -> l.startsWith(
					"counters: sent 1000, echoed 1000, lost 0, reordered 0; received 1000 ESP-in-UDP, delivered 1000, dropped 0"));
			List<String> echoerLines = lines(echoed);
			assertThat(echoer.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(echoer.exitValue()).isEqualTo(0);
			assertThat(echoerLines).anyMatch(l -> l.startsWith(
					"counters: sent 0, echoed 1000, lost 0, reordered 0; received 1000 ESP-in-UDP, delivered 1000, dropped 0"));
		} finally {
			echoer.destroyForcibly();
		}
	}

	private static Process java(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-cp", classPath(), RuntimeCli.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** Surefire may run the tests from a manifest-only jar; it names the real class path separately. */
	private static String classPath() {
		String path = System.getProperty("surefire.test.class.path");
		return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
	}

	private static List<String> lines(Process process) throws Exception {
		return lines(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
	}

	private static List<String> lines(BufferedReader reader) throws Exception {
		List<String> lines = new ArrayList<>();
		for (String line; (line = reader.readLine()) != null;)
			lines.add(line);
		return lines;
	}
}
