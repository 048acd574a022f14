package org.ipsl.tests.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM: {@code jcmd PID GC.class_histogram} runs a full collection and
 * counts what is left, whatever the collector, so two samples compare what the process keeps.
 */
final class LiveHeap {
	private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

	/** Bytes reachable after a full collection, with the histogram's first lines to show what holds them. */
	record Sample(long bytes, String top) {
	}

	private LiveHeap() {
	}

	static Sample of(long pid) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
				.redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0)
			throw new AssertionError("jcmd " + pid + " GC.class_histogram failed:\n" + output);
		Matcher total = TOTAL.matcher(output);
		if (!total.find())
			throw new AssertionError("no Total line in jcmd's histogram:\n" + output);
		String top = output.lines().limit(15).reduce("", (a, b) -> a + b + "\n");
		return new Sample(Long.parseLong(total.group(2)), top);
	}
}
