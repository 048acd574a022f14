package org.ipsl.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real language server, {@code java -jar ipsl.jar lsp}, started as a separate process and
 * driven over its standard streams with LSP4J's client launcher: for tests of the process and its
 * connection. Tests of what the server does use {@link LspSession#inProcess}.
 */
public final class LspProcess extends LspSession {
	private final Process process;
	private final Path stderr;

	private LspProcess(Process process, Path stderr) {
		super(process.getInputStream(), process.getOutputStream());
		this.process = process;
		this.stderr = stderr;
	}

	public static Path jar() {
		Path jar = Path.of(System.getProperty("ipsl.jar", "../dsl.ide/target/ipsl.jar")).toAbsolutePath().normalize();
		if (!Files.isRegularFile(jar))
			throw new IllegalStateException("the server jar is not built: " + jar);
		return jar;
	}

	/** Starts the server and initializes it on {@code workspace}. */
	public static LspProcess start(Path workspace) throws Exception {
		return start(workspace, List.of());
	}

	/**
	 * Starts the server with {@code jvmOptions} (e.g. {@code -Xmx256m}) and initializes it on
	 * {@code workspace}. The system property {@code ipsl.server.jvm} adds more options (e.g. a flight
	 * recording). Unless the options choose a garbage collector, the server gets the one the VS Code
	 * extension starts it with (client/java.js).
	 */
	public static LspProcess start(Path workspace, List<String> jvmOptions) throws Exception {
		return start(workspace, jvmOptions, null);
	}

	/** Starts the server and initializes it on {@code workspace} with the client's {@code initializationOptions}. */
	public static LspProcess start(Path workspace, List<String> jvmOptions, Object initializationOptions)
			throws Exception {
		Path stderr = Files.createTempFile("ipsl-lsp", ".log");
		List<String> options = new ArrayList<>(jvmOptions);
		String moreOptions = System.getProperty("ipsl.server.jvm", "").strip();
		if (!moreOptions.isEmpty())
			options.addAll(List.of(moreOptions.split("\\s+")));
		List<String> command = new ArrayList<>(List.of(javaBinary()));
		if (options.stream().noneMatch(option -> option.matches("-XX:\\+Use\\w*GC")))
			command.add("-XX:+UseSerialGC");
		command.addAll(options);
		command.addAll(List.of("-jar", jar().toString(), "lsp"));
		Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
		LspProcess lsp = new LspProcess(process, stderr);
		lsp.initialize(workspace, initializationOptions);
		return lsp;
	}

	public static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The server's process id, for {@code jcmd}. */
	public long pid() {
		return process.pid();
	}

	/** CPU time the server process has used so far, all its threads. */
	public Duration cpuTime() {
		return process.toHandle().info().totalCpuDuration().orElseThrow();
	}

	@Override
	public boolean isAlive() {
		return process.isAlive();
	}

	@Override
	public String log() {
		try {
			return Files.readString(stderr);
		} catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	@Override
	public void close() throws Exception {
		try {
			server().shutdown().get(20, TimeUnit.SECONDS);
			server().exit();
			process.waitFor(20, TimeUnit.SECONDS);
		} finally {
			process.destroyForcibly();
			Files.deleteIfExists(stderr);
		}
	}
}
