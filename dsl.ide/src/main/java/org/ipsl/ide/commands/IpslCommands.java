package org.ipsl.ide.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.ide.server.ClientSettings;

import com.google.inject.Inject;

/**
 * The language's workspace commands: Xtext takes one command service per language, so this one
 * hands each command to the service that declares it ({@code ipsl.generate}, {@code ipsl.peers},
 * {@code ipsl.trace}, {@code ipsl.hosts}). In a restricted workspace ({@link ClientSettings}) it runs none.
 */
public class IpslCommands implements IExecutableCommandService {
	private final List<IExecutableCommandService> services;

	@Inject
	public IpslCommands(IpslCommandService generate, PeerSessionsCommand peers, TraceCommand trace) {
		this.services = List.of(generate, peers, trace);
	}

	@Override
	public List<String> initialize() {
		List<String> commands = new ArrayList<>();
		services.forEach(service -> commands.addAll(service.initialize()));
		return commands;
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
		if (ClientSettings.of(access.getInitializeParams()).restricted())
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "IPSL runs no "
					+ "command in a restricted workspace: it generates nothing and reads no file the policies name. "
					+ "Trust the workspace first (VS Code: Manage Workspace Trust).", null));
		for (IExecutableCommandService service : services)
			if (service.initialize().contains(params.getCommand()))
				return service.execute(params, access, cancelIndicator);
		throw new ResponseErrorException(
				new ResponseError(ResponseErrorCode.InvalidParams, "unknown command " + params.getCommand(), null));
	}
}
