package org.ipsl.ide.commands;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.trace.WorkspaceTrace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.Inject;

/**
 * {@code ipsl.hosts} (no arguments): the hosts of the workspace folder, {@code [{name, addresses, file}]},
 * to choose a trace's ends from. {@code ipsl.trace} (one argument {@code {from, to, packet}}): the
 * packet traced from host {@code from} to host {@code to}, from the files as saved, answered as
 * {@code {from, to, packet, delivered, outcome, verdict, lines}}. A trace that cannot run is an
 * error response naming why.
 */
public class TraceCommand implements IExecutableCommandService {
	public static final String TRACE = "ipsl.trace";
	public static final String HOSTS = "ipsl.hosts";

	@Inject
	private WorkspaceTrace trace;

	@Override
	public List<String> initialize() {
		return List.of(TRACE, HOSTS);
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try {
			if (HOSTS.equals(params.getCommand()))
				return trace.hosts(IpslCommandService.workspaceRoot(access.getInitializeParams()), today).stream()
						.map(h -> new Host(h.name(), h.addresses(), h.file().toString())).toList();
			JsonObject args = params.getArguments() != null && params.getArguments().size() == 1
					&& params.getArguments().get(0) instanceof JsonObject object ? object : null;
			if (args == null)
				throw IpslCommandService.invalid(TRACE + " takes one argument {from, to, packet}");
			return trace.run(IpslCommandService.workspaceRoot(access.getInitializeParams()), text(args, "from"),
					text(args, "to"), text(args, "packet"), today);
		} catch (WorkspaceTrace.Refused e) {
			throw IpslCommandService.invalid(e.getMessage());
		}
	}

	/** What {@code ipsl.hosts} answers for one host. */
	record Host(String name, List<String> addresses, String file) {
	}

	private static String text(JsonObject args, String name) {
		JsonElement value = args.get(name);
		if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString())
			throw IpslCommandService.invalid(TRACE + " needs '" + name + "' as a string");
		return value.getAsString();
	}
}
