package org.ipsl.ide.commands;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.Target;
import org.ipsl.ide.server.ClientSettings;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.inject.Inject;

/**
 * The workspace command {@code ipsl.generate}: arguments {@code target} (hpux, runtime, strongswan,
 * xfrm or all), then optionally the output folder (default {@code generated}, relative to the
 * workspace folder) and one host's name. It generates from the files as saved, as
 * {@code ipsl generate} does, with the default HP-UX release and IKE version, and answers
 * {@code {exitCode, written, diagnostics, message}}; the message is also shown to the user.
 */
public class IpslCommandService implements IExecutableCommandService {
	public static final String GENERATE = "ipsl.generate";
	/** Where the editor generates when no output folder is given: under the workspace folder. */
	public static final String DEFAULT_OUT = "generated";

	@Inject
	private Generation generation;

	@Override
	public List<String> initialize() {
		return List.of(GENERATE);
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancelIndicator) {
		if (!GENERATE.equals(params.getCommand()))
			throw invalid("unknown command " + params.getCommand());
		List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
		// The VS Code extension sends one object {targets: [...], outputFolder}; other clients and
		// the code lenses send the strings target, output folder, host.
		if (!args.isEmpty() && args.get(0) instanceof JsonObject object)
			args = fromObject(object);
		String targetArg = text(args, 0);
		if (targetArg == null)
			throw invalid(GENERATE + " needs a target: hpux, runtime, strongswan, xfrm or all");
		Set<Target> targets = EnumSet.noneOf(Target.class);
		for (String one : targetArg.split(","))
			targets.addAll(one.equals("all")
					? EnumSet.allOf(Target.class)
					: Target.byKeyword(one).map(EnumSet::of).orElseThrow(() -> invalid(
							"'" + one + "' is not a target: hpux, runtime, strongswan, xfrm or all")));
		Path root = workspaceRoot(access.getInitializeParams());
		String outArg = text(args, 1);
		Path out = root.resolve(outArg == null || outArg.isBlank() ? Path.of(DEFAULT_OUT) : path(outArg)).normalize();
		String host = text(args, 2);

		Generation.Result result = generation.run(new Generation.Request(List.of(root), targets,
				GenerateOptions.DEFAULT, out, false, host), LocalDate.now(ZoneOffset.UTC),
				ClientSettings.of(access.getInitializeParams()).allowOutside());
		String message = message(result, out, root);
		access.getLanguageClient().showMessage(new MessageParams(
				result.exitCode() == 0 ? MessageType.Info : MessageType.Error, message));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("exitCode", result.exitCode());
		answer.put("written", result.written().stream().map(Path::toString).toList());
		List<String> diagnostics = new ArrayList<>();
		for (Diagnostic d : result.diagnostics())
			diagnostics.add(relative(d.file(), root) + ":" + d.line() + ":" + d.column() + ": " + d.severity().label()
					+ ": " + d.message() + " [" + d.code().id() + "]");
		answer.put("diagnostics", diagnostics);
		answer.put("message", message);
		return answer;
	}

	private static String message(Generation.Result result, Path out, Path root) {
		if (result.failure() != null)
			return "IPSL: " + result.failure().path()
					+ (result.failure().line() > 0
							? ":" + result.failure().line() + ":" + result.failure().column()
							: "")
					+ ": " + result.failure().reason() + "; "
					+ Generation.writtenBeforeFailure(result.written().size());
		if (result.blocked())
			return "IPSL: nothing generated: the workspace has errors (see the Problems view)";
		String written = "IPSL: " + result.written().size() + " files written to " + folder(out, root);
		long unsupported = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
		return unsupported == 0
				? written
				: written + "; " + unsupported
						+ " constructs the target cannot express (nothing written for their hosts): "
						+ result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
								.map(Diagnostic::message).findFirst().orElse("");
	}

	/** The output folder as the user knows it: relative to the workspace folder, or absolute outside it and for the folder itself. */
	private static String folder(Path out, Path root) {
		String relative = relative(out, root);
		return relative.isEmpty() ? out.toString() : relative;
	}

	private static String relative(Path path, Path root) {
		return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
	}

	/** The first workspace folder, else the root URI the client sent. */
	static Path workspaceRoot(InitializeParams init) {
		String uri = null;
		if (init != null && init.getWorkspaceFolders() != null && !init.getWorkspaceFolders().isEmpty())
			uri = init.getWorkspaceFolders().get(0).getUri();
		else if (init != null)
			uri = init.getRootUri();
		if (uri == null)
			throw invalid("the client opened no workspace folder to generate from");
		return Path.of(URI.create(uri)).toAbsolutePath().normalize();
	}

	private static Path path(String written) {
		try {
			return written.startsWith("file:") ? Path.of(URI.create(written)) : Path.of(written);
		} catch (IllegalArgumentException e) { // InvalidPathException is one
			throw invalid("'" + written + "' is not a folder path");
		}
	}

	/** {targets: ["hpux", ...], outputFolder: "...", host: "..."} as the positional arguments. */
	private static List<Object> fromObject(JsonObject object) {
		List<String> targets = new ArrayList<>();
		if (object.get("targets") instanceof JsonArray array)
			array.forEach(t -> targets.add(t.isJsonPrimitive() ? t.getAsString() : t.toString()));
		ArrayList<Object> positional = new ArrayList<>();
		positional.add(targets.isEmpty() ? null : String.join(",", targets));
		positional.add(object.get("outputFolder"));
		positional.add(object.get("host"));
		return positional;
	}

	/** Arguments arrive as JSON: a string, or JSON null / absent for "not given". */
	private static String text(List<Object> args, int index) {
		if (index >= args.size() || args.get(index) == null || args.get(index) instanceof JsonNull)
			return null;
		Object arg = args.get(index);
		if (arg instanceof JsonPrimitive p && p.isString())
			return p.getAsString();
		if (arg instanceof String s)
			return s;
		if (arg instanceof JsonElement)
			throw invalid("argument " + (index + 1) + " of " + GENERATE + " must be a string");
		return arg.toString();
	}

	static ResponseErrorException invalid(String message) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
	}
}
