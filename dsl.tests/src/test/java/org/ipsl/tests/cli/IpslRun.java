package org.ipsl.tests.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.ipsl.tests.support.LspProcess;

/** One run of the real {@code ipsl} jar as a separate process. */
public record IpslRun(int exitCode, String stdout, String stderr) {

	public static IpslRun run(Path workingDirectory, String... args) throws Exception {
		return run(workingDirectory, List.of(), args);
	}

	/** Runs the jar under {@code wrapper} (e.g. {@code unshare -m ...}), which ends by running its arguments. */
	public static IpslRun run(Path workingDirectory, List<String> wrapper, String... args) throws Exception {
		List<String> command = new ArrayList<>(wrapper);
		command.addAll(List.of(LspProcess.javaBinary(), "-jar", LspProcess.jar().toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
		process.getOutputStream().close();
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("ipsl " + String.join(" ", args) + " did not finish");
		}
		return new IpslRun(process.exitValue(), out.get(), err.get());
	}

	private static String read(java.io.InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
