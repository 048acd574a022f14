package org.ipsl.tests.realtools;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The real tools of ../shared/reference/real-tools.md (iproute2, strongSwan's charon and swanctl)
 * run as processes. A test that cannot run here (not root, a tool missing) is reported as skipped,
 * with the reason; under CI ({@code CI=true}) it fails instead, since CI installs the tools with
 * .ci/install-tools.
 */
public final class RealTools {
	public static final Path IP = Path.of("/usr/sbin/ip"), SWANCTL = Path.of("/usr/sbin/swanctl"),
			CHARON = Path.of("/usr/lib/ipsec/charon"), UNSHARE = Path.of("/usr/bin/unshare"),
			PING = Path.of("/usr/bin/ping");
	/** charon's userspace ESP (real-tools.md §3b): the plugin and the TUN device it opens. */
	public static final Path KERNEL_LIBIPSEC = Path.of("/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so"),
			TUN = Path.of("/dev/net/tun");

	public record Run(int exit, String out, String err) {
		public String both() {
			return out + err;
		}
	}

	private RealTools() {
	}

	/**
	 * Root and these tools (executables; a plugin or a device need only exist), or the test is
	 * skipped (fails, under CI).
	 */
	public static void require(Path... tools) {
		List<String> missing = new ArrayList<>();
		if (!root())
			missing.add("root (network namespaces)");
		for (Path tool : tools)
			if (!(tool.startsWith("/dev") || tool.toString().endsWith(".so")
					? Files.exists(tool)
					: Files.isExecutable(tool)))
				missing.add(tool.toString());
		assumeAvailable(missing.isEmpty(), "real-tools test not run: missing " + String.join(", ", missing)
				+ " (install with .ci/install-tools, run as root)");
	}

	/**
	 * Skips the test with {@code reason} unless {@code available}; under CI ({@code CI=true}), which
	 * installs the tools, a missing one fails the test instead.
	 */
	public static void assumeAvailable(boolean available, String reason) {
		if (!available && "true".equalsIgnoreCase(System.getenv("CI")))
			fail(reason + "; CI=true, so this is a failure");
		Assumptions.assumeTrue(available, reason);
	}

	private static boolean root() {
		try {
			return run(Map.of(), 10, "id", "-u").out().trim().equals("0");
		} catch (RuntimeException e) {
			return false;
		}
	}

	/** Runs a command to its end (or {@code seconds}), collecting both outputs. */
	public static Run run(Map<String, String> env, int seconds, String... command) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().putAll(env);
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
				throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
			}
			return new Run(process.exitValue(), out.get(), err.get());
		} catch (IOException e) {
			throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		} catch (java.util.concurrent.ExecutionException e) {
			throw new AssertionError(e);
		}
	}

	public static Run run(String... command) {
		return run(Map.of(), 60, command);
	}

	/** Like {@link #run(String...)}, failing the test unless the command exits 0. */
	public static Run ok(String... command) {
		Run run = run(command);
		if (run.exit() != 0)
			throw new AssertionError(String.join(" ", command) + " exited " + run.exit() + ":\n" + run.both());
		return run;
	}

	private static String read(InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return "";
		}
	}
}
