package org.ipsl.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * The real language server, {@code java -jar ipsl.jar lsp}, started as a separate process and
 * driven over its standard streams with LSP4J's client launcher.
 */
public final class LspProcess implements AutoCloseable {
	private final Process process;
	private final Path stderr;
	private final LanguageServer server;
	private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
	private final Map<String, Integer> publications = new ConcurrentHashMap<>();
	private final List<String> messages = new ArrayList<>();

	private LspProcess(Process process, Path stderr) {
		this.process = process;
		this.stderr = stderr;
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), process.getInputStream(),
				process.getOutputStream());
		launcher.startListening();
		this.server = launcher.getRemoteProxy();
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
		InitializeParams init = new InitializeParams();
		init.setProcessId((int) ProcessHandle.current().pid());
		init.setRootUri(uri(workspace));
		init.setWorkspaceFolders(List.of(new WorkspaceFolder(uri(workspace), "workspace")));
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		init.setCapabilities(new ClientCapabilities(null, text, null));
		init.setInitializationOptions(initializationOptions);
		lsp.server.initialize(init).get(300, TimeUnit.SECONDS); // a large workspace on a loaded machine
		lsp.server.initialized(new InitializedParams());
		return lsp;
	}

	public static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static String uri(Path path) {
		return path.toAbsolutePath().normalize().toUri().toString().replace("file:///", "file:/");
	}

	public LanguageServer server() {
		return server;
	}

	/**
	 * Runs a workspace command and returns its answer as JSON. An error response is thrown as the
	 * {@link ExecutionException} whose cause is the {@link ResponseErrorException}; an internal error
	 * of the server fails with the server's log.
	 */
	public JsonElement executeCommand(String command, Object... arguments) throws Exception {
		try {
			Object answer = server.getWorkspaceService()
					.executeCommand(new ExecuteCommandParams(command, List.of(arguments))).get(120, TimeUnit.SECONDS);
			return new Gson().toJsonTree(answer);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof ResponseErrorException r
					&& r.getResponseError().getCode() == ResponseErrorCode.InternalError.getValue())
				throw new AssertionError("internal error in the server running " + command + ":\n" + log(), e);
			throw e;
		}
	}

	public void open(Path file) throws IOException {
		open(file, Files.readString(file));
	}

	public void open(Path file, String text) {
		server.getTextDocumentService()
				.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(file), "ipsl", 1, text)));
	}

	/** How many times diagnostics were published for {@code file} so far. */
	public int publications(Path file) {
		return publications.getOrDefault(uri(file), 0);
	}

	/** Waits for a publication for {@code file} after the {@code seen}-th one, and returns it. */
	public List<Diagnostic> awaitNewDiagnostics(Path file, int seen) throws InterruptedException {
		return awaitDiagnostics(file, d -> publications(file) > seen);
	}

	/**
	 * Waits up to {@code timeout} for a publication for {@code file} after the {@code seen}-th one;
	 * false when none came.
	 */
	public boolean awaitNewDiagnostics(Path file, int seen, Duration timeout) throws InterruptedException {
		return await(file, d -> publications(file) > seen, timeout) != null;
	}

	/** How many files diagnostics were published for so far. */
	public int publishedFiles() {
		return publications.size();
	}

	/** Waits until the diagnostics published for {@code file} satisfy {@code condition}. */
	public List<Diagnostic> awaitDiagnostics(Path file, Predicate<List<Diagnostic>> condition) throws InterruptedException {
		List<Diagnostic> found = await(file, condition, Duration.ofSeconds(180));
		if (found == null)
			throw new AssertionError("no matching diagnostics for " + file + "; last: " + diagnostics.get(uri(file))
					+ "\nserver log:\n" + log());
		return found;
	}

	/** The diagnostics once they satisfy {@code condition}, or null after {@code timeout}. */
	private List<Diagnostic> await(Path file, Predicate<List<Diagnostic>> condition, Duration timeout)
			throws InterruptedException {
		String key = uri(file);
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (diagnostics) {
			while (true) {
				List<Diagnostic> current = diagnostics.get(key);
				if (current != null && condition.test(current))
					return current;
				long left = deadline - System.nanoTime();
				if (left <= 0)
					return null;
				diagnostics.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
	}

	/** The server's process id, for {@code jcmd}. */
	public long pid() {
		return process.pid();
	}

	/** CPU time the server process has used so far, all its threads. */
	public Duration cpuTime() {
		return process.toHandle().info().totalCpuDuration().orElseThrow();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public String log() {
		try {
			return Files.readString(stderr);
		} catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	public List<String> messages() {
		synchronized (messages) {
			return List.copyOf(messages);
		}
	}

	@Override
	public void close() throws Exception {
		try {
			server.shutdown().get(20, TimeUnit.SECONDS);
			server.exit();
			process.waitFor(20, TimeUnit.SECONDS);
		} finally {
			process.destroyForcibly();
			Files.deleteIfExists(stderr);
		}
	}

	private final class Client implements LanguageClient {
		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			synchronized (diagnostics) {
				String key = params.getUri().replace("file:///", "file:/");
				diagnostics.put(key, params.getDiagnostics());
				publications.merge(key, 1, Integer::sum);
				diagnostics.notifyAll();
			}
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams params) {
			synchronized (messages) {
				messages.add(params.getMessage());
			}
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			showMessage(params);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
			showMessage(params);
		}
	}

	/** Copies an example workspace into {@code target}. */
	public static Path copyExample(String name, Path target) throws IOException {
		Path source = Checker.examples().resolve(name);
		try (var files = Files.walk(source)) {
			for (Path p : files.toList()) {
				Path dest = target.resolve(source.relativize(p).toString());
				if (Files.isDirectory(p))
					Files.createDirectories(dest);
				else
					Files.copy(p, dest);
			}
		}
		return target;
	}
}
