package org.ipsl.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.ipsl.ide.server.IpslLanguageServer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;

/**
 * A test's LSP client of the IPSL language server: what the server published and said, and the
 * requests tests make. The server runs either in this JVM ({@link #inProcess}: the same server,
 * launcher and JSON messages, over in-memory pipes; for testing what the server does) or as the
 * real jar in a separate process ({@link LspProcess}: for testing the process and its connection).
 */
public abstract class LspSession implements AutoCloseable {
	private final LanguageServer server;
	private final Future<Void> listening;
	private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
	private final Map<String, Integer> publications = new ConcurrentHashMap<>();
	private final List<String> messages = new ArrayList<>();

	/** A client reading the server's messages from {@code fromServer} and writing its own to {@code toServer}. */
	protected LspSession(InputStream fromServer, OutputStream toServer) {
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Client(), fromServer, toServer);
		listening = launcher.startListening();
		this.server = launcher.getRemoteProxy();
	}

	/** Starts the server in this JVM and initializes it on {@code workspace}. */
	public static LspSession inProcess(Path workspace) throws Exception {
		return inProcess(workspace, null);
	}

	/** Starts the server in this JVM and initializes it on {@code workspace} with {@code initializationOptions}. */
	public static LspSession inProcess(Path workspace, Object initializationOptions) throws Exception {
		InProcess lsp = new InProcess(Pipe.open(), Pipe.open());
		lsp.initialize(workspace, initializationOptions);
		return lsp;
	}

	/** Initializes the server on {@code workspace} as the VS Code extension does, with hierarchical symbols. */
	protected void initialize(Path workspace, Object initializationOptions) throws Exception {
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
		server.initialize(init).get(300, TimeUnit.SECONDS); // a large workspace on a loaded machine
		server.initialized(new InitializedParams());
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
	public List<Diagnostic> awaitDiagnostics(Path file, Predicate<List<Diagnostic>> condition)
			throws InterruptedException {
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

	/** Whether the server still answers: its process runs, or it still reads its connection. */
	public abstract boolean isAlive();

	/** What the server wrote to its standard error, where it can be told apart from the tests'. */
	public abstract String log();

	public List<String> messages() {
		synchronized (messages) {
			return List.copyOf(messages);
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

	/**
	 * The server of {@code ipsl lsp}, {@link IpslLanguageServer#serve}, on two in-memory pipes. Closing
	 * asks it to shut down and ends its input, never {@code exit}: Xtext's exit ends the JVM.
	 */
	private static final class InProcess extends LspSession {
		private final Pipe toServer, fromServer;
		private final Future<Void> serving;

		private InProcess(Pipe toServer, Pipe fromServer) {
			this(toServer, fromServer, IpslLanguageServer.serve(Channels.newInputStream(toServer.source()),
					Channels.newOutputStream(fromServer.sink())));
		}

		private InProcess(Pipe toServer, Pipe fromServer, Future<Void> serving) {
			super(Channels.newInputStream(fromServer.source()), Channels.newOutputStream(toServer.sink()));
			this.toServer = toServer;
			this.fromServer = fromServer;
			this.serving = serving;
		}

		@Override
		public boolean isAlive() {
			return !serving.isDone();
		}

		@Override
		public String log() {
			return "(the server runs in the tests' JVM: its log is in the tests' output)";
		}

		@Override
		public void close() throws Exception {
			try {
				server().shutdown().get(20, TimeUnit.SECONDS);
			} finally {
				// The end of its input ends the server's connection; the end of its output, the client's.
				toServer.sink().close();
				ended(serving);
				fromServer.sink().close();
				ended(super.listening);
				toServer.source().close();
				fromServer.source().close();
			}
		}
	}

	/** Waits for a connection's reading to end, however it ends. */
	private static void ended(Future<Void> reading) throws InterruptedException, TimeoutException {
		try {
			reading.get(20, TimeUnit.SECONDS);
		} catch (ExecutionException | CancellationException e) {
			// ended by the closed stream
		}
	}
}
