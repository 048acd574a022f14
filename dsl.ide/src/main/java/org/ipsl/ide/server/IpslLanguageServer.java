package org.ipsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.validation.Issue;
import org.ipsl.check.RelatedData;
import org.ipsl.incremental.Caches;
import org.ipsl.incremental.ReparsingBuilder;
import org.ipsl.diagnostics.Severity;
import org.ipsl.validation.IssueSeverity;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * Xtext's language server with IPSL's diagnostics: related places (the policies that take a
 * shadowed policy's packets, the peer's line) and hints; its workspace commands for every client;
 * builds that reparse only what an edit changed ({@link ReparsingBuilder}).
 */
public class IpslLanguageServer extends LanguageServerImpl {

	/** Starts a server on the given streams; the future ends when the client disconnects. */
	public static Future<Void> serve(InputStream in, OutputStream out) {
		Injector injector = Guice.createInjector(module());
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = new Launcher.Builder<LanguageClient>() {
			@Override
			protected MessageJsonHandler createJsonHandler() {
				return new ChunkedJsonHandler(getSupportedMethods());
			}
		}.setLocalService(server).setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).create();
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}

	/** Xtext's server with this server's parts: what {@link #serve} runs, and what tests run in-process. */
	public static Module module() {
		return Modules.override(new ServerModule()).with(binder -> {
			binder.bind(LanguageServerImpl.class).to(IpslLanguageServer.class);
			binder.bind(IncrementalBuilder.InternalStatefulIncrementalBuilder.class).to(ReparsingBuilder.class);
			binder.bind(DocumentExtensions.class).to(IpslDocumentExtensions.class);
			binder.bind(ProjectManager.class).to(FileAccessProjectManager.class);
		});
	}

	@Inject
	private ClientSettings.Current settings;

	/** Keeps what the client allows ({@code initializationOptions}) for the projects' resource sets. */
	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		settings.set(ClientSettings.of(params));
		if (settings.get().cachesOff())
			Caches.set(false);
		return super.initialize(params);
	}

	/**
	 * Xtext registers the workspace commands ({@code ipsl.generate}) only for a client that announces
	 * executeCommand; a client that does not still runs code lens commands, so they are always there.
	 */
	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		ClientCapabilities client = params.getCapabilities() != null
				? params.getCapabilities()
				: new ClientCapabilities();
		WorkspaceClientCapabilities workspace = client.getWorkspace() != null
				? client.getWorkspace()
				: new WorkspaceClientCapabilities();
		if (workspace.getExecuteCommand() == null)
			workspace.setExecuteCommand(new ExecuteCommandCapabilities(false));
		client.setWorkspace(workspace);
		params.setCapabilities(client);
		return super.createServerCapabilities(params);
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setSource("ipsl");
		if (IssueSeverity.of(issue) == Severity.HINT)
			diagnostic.setSeverity(DiagnosticSeverity.Hint);
		List<RelatedData.Location> related = RelatedData.decode(issue.getData());
		if (!related.isEmpty())
			diagnostic.setRelatedInformation(related.stream()
					.map(r -> new DiagnosticRelatedInformation(new Location(r.uri().toString(),
							new Range(new Position(r.line() - 1, r.column() - 1),
									new Position(r.endLine() - 1, r.endColumn() - 1))),
							r.message()))
					.toList());
		return diagnostic;
	}
}
