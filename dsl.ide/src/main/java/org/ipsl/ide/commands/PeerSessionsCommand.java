package org.ipsl.ide.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.analysis.peers.Session;
import org.ipsl.check.PeerWorkspace;

import com.google.inject.Inject;

/**
 * {@code ipsl.peers} (workspace/executeCommand, no arguments): the session table of every workspace
 * folder, as a list of flat objects (initiator, responder, outcome, proposal, transform, audit),
 * which the editor extension shows as a table. Open documents count with their unsaved text.
 */
public class PeerSessionsCommand implements IExecutableCommandService {
	public static final String COMMAND = "ipsl.peers";

	@Inject
	private PeerWorkspace peers;

	@Inject
	private UriExtensions uris;

	@Override
	public List<String> initialize() {
		return List.of(COMMAND);
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
		if (!COMMAND.equals(params.getCommand()))
			return null;
		List<Map<String, String>> rows = new ArrayList<>();
		for (URI folder : folders(access.getInitializeParams()))
			for (Session session : peers.of(access.newLiveScopeResourceSet(folder)).sessions())
				rows.add(session.columns());
		return rows;
	}

	/** The workspace folders, else the root; as folder URIs the way Xtext's projects are keyed. */
	private List<URI> folders(InitializeParams init) {
		List<String> texts = new ArrayList<>();
		if (init.getWorkspaceFolders() != null && !init.getWorkspaceFolders().isEmpty())
			init.getWorkspaceFolders().stream().map(WorkspaceFolder::getUri).forEach(texts::add);
		else if (init.getRootUri() != null)
			texts.add(init.getRootUri());
		List<URI> result = new ArrayList<>();
		for (String text : texts) {
			URI uri = uris.toUri(text);
			result.add(uri.hasTrailingPathSeparator() ? uri : uri.appendSegment(""));
		}
		return result;
	}
}
