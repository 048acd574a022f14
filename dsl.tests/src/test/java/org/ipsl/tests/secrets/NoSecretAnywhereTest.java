package org.ipsl.tests.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.tests.secrets.MarkedWorkspace.ALL;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.tests.secrets.MarkedWorkspace.Marker;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Every output of the product over a workspace whose secrets are markers ({@link MarkedWorkspace}):
 * each command line, on the valid workspace and on one with mistakes about its secrets, and the
 * language server (diagnostics and their related messages, hovers at every position of every line
 * with a secret, completions, symbols, code lenses, code actions, its commands, its messages and
 * log), and the runtime's commands over the generated runtime.json (their output and the packets
 * they capture). No marker shows anywhere, in any form or part, except in the generated files that must hold
 * it, which must be owner-only and hold it outside comments.
 */
class NoSecretAnywhereTest {
	private static final String WORKSPACE = "{workspace}";
	private static final String OUT = "{out}";
	/**
	 * Every command line, run once over each workspace: {@value #WORKSPACE} is the workspace folder,
	 * {@value #OUT} a fresh output folder whose files are checked like every generated file.
	 */
	static final List<List<String>> COMMANDS = List.of(
			List.of("check", WORKSPACE),
			List.of("check", "--peers", WORKSPACE),
			List.of("check", "--peers", "--format", "json", WORKSPACE),
			List.of("generate", WORKSPACE, "--target", "all", "--out", OUT),
			List.of("generate", WORKSPACE, "--target", "all", "--hpux-release", "A.03.00", "--ike-version", "2",
					"--out", OUT));
	private static final String GENERATED = "{generated}";
	private static final String PCAP = "{pcap}";
	/**
	 * The runtime's commands, over the files generated from the valid workspace ({@value #GENERATED});
	 * {@value #PCAP} is a fresh capture whose bytes are searched too (a key would show as its text).
	 */
	static final List<List<String>> RUNTIME_COMMANDS = List.of(
			List.of("runtime", "report", "--config", GENERATED + "/gw1/runtime.json", "--all", "--send",
					"tcp 192.0.2.1:40000 -> 192.0.2.2:443"),
			List.of("runtime", "report", "--config", GENERATED + "/m1/runtime.json", "--all", "--send",
					"udp 192.0.2.11:40000 -> 192.0.2.12:514"),
			List.of("runtime", "policy", "--config", GENERATED + "/gw1/runtime.json", "--src", "192.0.2.1", "--dst",
					"192.0.2.2",
					"--proto", "tcp", "--sport", "40000", "--dport", "443", "--dir", "out"),
			List.of("runtime", "trace", "--config", GENERATED + "/gw1/runtime.json", "--config",
					GENERATED + "/gw2/runtime.json",
					"--packet", "tcp 192.0.2.1:40000 -> 192.0.2.2:443", "--pcap", PCAP),
			List.of("runtime", "trace", "--config", GENERATED + "/m1/runtime.json", "--config",
					GENERATED + "/m2/runtime.json",
					"--packet", "udp 192.0.2.11:40000 -> 192.0.2.12:514", "--pcap", PCAP));
	/** The diagnostics about secrets that the broken workspace must show (without showing them). */
	private static final Map<String, List<String>> BROKEN_CODES = Map.of(
			MarkedWorkspace.GATEWAYS, List.of("ike-auth-mismatch", "low-entropy-key"),
			MarkedWorkspace.MANUAL, List.of("manual-sa-mismatch", "key-length"));

	/** Something the product showed, and where. */
	private record Shown(String where, String text) {
	}

	@TempDir
	Path dir;

	private final List<Shown> shown = new ArrayList<>();
	private final List<Path> outputs = new ArrayList<>();

	@Test
	void noMarkerShowsAnywhereAndTheFilesThatHoldThemAreOwnerOnly() throws Exception {
		Path valid = GeneratedWorkspaces.workspace(dir.resolve("valid"), MarkedWorkspace.valid());
		Path broken = GeneratedWorkspaces.workspace(dir.resolve("broken"), MarkedWorkspace.broken());
		IpslRun check = runCommands(valid).get(0);
		assertThat(check.exitCode()).as("the markers are valid secrets and keys: %s", check.stdout()).isZero();
		runRuntimeCommands(outputs.get(0));
		IpslRun brokenCheck = runCommands(broken).get(0);
		BROKEN_CODES.values().forEach(codes -> assertThat(brokenCheck.stdout())
				.contains(codes.stream().map(c -> "[" + c + "]").toList()));

		Path server = GeneratedWorkspaces.workspace(dir.resolve("server"), MarkedWorkspace.valid());
		useTheServer(server);
		outputs.add(server.resolve("generated"));

		for (Shown s : shown)
			assertThat(MarkedWorkspace.shownIn(s.text(), ALL)).as("secrets shown by %s:%n%s", s.where(), s.text())
					.isEmpty();
		assertThat(shown.size()).as("outputs examined").isGreaterThan(1000);
		int holders = 0;
		for (Path out : outputs)
			holders += checkGenerated(out);
		assertThat(holders).as("generated files holding secrets, over %s", outputs)
				.isEqualTo(MarkedWorkspace.HOLDERS.size() * outputs.size());
		System.out.printf("secrets: %d outputs examined, %d generated files holding secrets%n", shown.size(), holders);
	}

	/** Runs {@link #COMMANDS} over {@code workspace}; answers their runs, in order. */
	private List<IpslRun> runCommands(Path workspace) throws Exception {
		List<IpslRun> runs = new ArrayList<>();
		for (List<String> command : COMMANDS) {
			Path out = dir.resolve("out-" + workspace.getFileName() + "-" + runs.size());
			String[] args = command.stream()
					.map(a -> a.replace(WORKSPACE, workspace.toString()).replace(OUT, out.toString()))
					.toArray(String[]::new);
			IpslRun run = IpslRun.run(dir, args);
			runs.add(run);
			assertThat(run.exitCode()).as("ipsl %s: %s", command, run.stderr()).isBetween(0, 1);
			shown.add(new Shown("ipsl " + String.join(" ", args), run.stdout() + run.stderr()));
			if (command.contains(OUT) && workspace.getFileName().toString().equals("valid"))
				outputs.add(out);
			else if (command.contains(OUT))
				assertThat(out).as("nothing generated from a workspace with errors").doesNotExist();
		}
		return runs;
	}

	/** Runs {@link #RUNTIME_COMMANDS} over the output generated in {@code generated}; each must deliver its packet. */
	private void runRuntimeCommands(Path generated) throws Exception {
		for (List<String> command : RUNTIME_COMMANDS) {
			Path pcap = dir.resolve("trace-" + shown.size() + ".pcap");
			String[] args = command.stream()
					.map(a -> a.replace(GENERATED, generated.toString()).replace(PCAP, pcap.toString()))
					.toArray(String[]::new);
			IpslRun run = IpslRun.run(dir, args);
			assertThat(run.exitCode()).as("ipsl %s: %s%s", command, run.stdout(), run.stderr()).isZero();
			shown.add(new Shown("ipsl " + String.join(" ", args), run.stdout() + run.stderr()));
			if (command.contains(PCAP))
				shown.add(new Shown("the capture of ipsl " + String.join(" ", args),
						new String(Files.readAllBytes(pcap), StandardCharsets.ISO_8859_1)));
		}
	}

	/**
	 * Checks every file of one output folder; answers how many hold secrets. Each holds exactly the
	 * markers {@link MarkedWorkspace#HOLDERS} says, whole, outside comments, and is owner-only.
	 */
	private static int checkGenerated(Path out) throws Exception {
		int holders = 0;
		List<Path> files;
		try (Stream<Path> walk = Files.walk(out)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		assertThat(files).as("files generated in %s", out).hasSizeGreaterThanOrEqualTo(MarkedWorkspace.HOLDERS.size());
		for (Path file : files) {
			String name = out.relativize(file).toString();
			String text = Files.readString(file);
			List<Marker> expected = MarkedWorkspace.HOLDERS.getOrDefault(name, List.of());
			assertThat(MarkedWorkspace.shownIn(text, ALL, expected)).as("secrets in %s", file)
					.containsExactlyInAnyOrderElementsOf(expected);
			String lower = text.toLowerCase(Locale.ROOT);
			for (Marker marker : expected)
				assertThat(marker.forms()).as("%s holds %s whole", file, marker.name()).anyMatch(lower::contains);
			for (String line : text.lines().toList())
				if (line.strip().startsWith("#") || line.strip().startsWith("//"))
					assertThat(MarkedWorkspace.shownIn(line, ALL)).as("a comment of %s", file).isEmpty();
			if (expected.isEmpty())
				continue;
			holders++;
			Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
			assertThat(mode).as("%s holds secrets: owner-only", file).doesNotContain(PosixFilePermission.GROUP_READ,
					PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
					PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
		}
		return holders;
	}

	private void useTheServer(Path workspace) throws Exception {
		Map<String, String> valid = MarkedWorkspace.valid();
		Map<String, String> broken = MarkedWorkspace.broken();
		try (LspProcess lsp = LspProcess.start(workspace)) {
			TextDocumentService documents = lsp.server().getTextDocumentService();
			for (String name : valid.keySet())
				lsp.open(workspace.resolve(name), valid.get(name));
			for (String name : valid.keySet())
				askAbout(lsp, workspace.resolve(name), valid.get(name),
						lsp.awaitDiagnostics(workspace.resolve(name), d -> true));
			runCommandsAndLenses(lsp, workspace, valid.keySet());

			for (String name : broken.keySet()) {
				Path file = workspace.resolve(name);
				documents.didChange(
						new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(LspProcess.uri(file), 2),
								List.of(new TextDocumentContentChangeEvent(broken.get(name)))));
			}
			for (String name : broken.keySet()) {
				Path file = workspace.resolve(name);
				List<Diagnostic> diagnostics = lsp.awaitDiagnostics(file,
						d -> d.stream().map(x -> x.getCode().getLeft())
								.toList().containsAll(BROKEN_CODES.get(name)));
				askAbout(lsp, file, broken.get(name), diagnostics);
			}
			Object peers = lsp.server().getWorkspaceService()
					.executeCommand(new ExecuteCommandParams("ipsl.peers", List.of()))
					.get(60, TimeUnit.SECONDS);
			shown.add(new Shown("ipsl.peers on unsaved mistakes", String.valueOf(peers)));
			shown.add(new Shown("the server's messages", String.join("\n", lsp.messages())));
			shown.add(new Shown("the server's log", lsp.log()));
		}
	}

	/** Diagnostics, hovers and completions on every line with a secret, symbols, code actions. */
	private void askAbout(LspProcess lsp, Path file, String text, List<Diagnostic> diagnostics) throws Exception {
		TextDocumentService documents = lsp.server().getTextDocumentService();
		TextDocumentIdentifier id = new TextDocumentIdentifier(LspProcess.uri(file));
		String where = file.getFileName() + ": ";
		for (Diagnostic d : diagnostics) {
			shown.add(new Shown(where + "diagnostic " + d.getCode(), d.getMessage()));
			if (d.getRelatedInformation() != null)
				for (DiagnosticRelatedInformation related : d.getRelatedInformation())
					shown.add(new Shown(where + "related to " + d.getCode(), related.getMessage()));
		}
		List<String> lines = text.lines().toList();
		for (int line = 0; line < lines.size(); line++) {
			if (MarkedWorkspace.shownIn(lines.get(line), ALL).isEmpty())
				continue;
			for (int column = 0; column <= lines.get(line).length(); column++) {
				Position position = new Position(line, column);
				Hover hover = documents.hover(new HoverParams(id, position)).get(30, TimeUnit.SECONDS);
				if (hover != null)
					shown.add(new Shown(where + "hover at " + position, String.valueOf(hover.getContents())));
				if (column % 8 == 0)
					shown.add(new Shown(where + "completion at " + position, String.valueOf(
							documents.completion(new CompletionParams(id, position)).get(30, TimeUnit.SECONDS))));
			}
			Range whole = new Range(new Position(line, 0), new Position(line, lines.get(line).length()));
			codeActions(lsp, id, whole, diagnostics, where + "code actions on line " + (line + 1));
		}
		for (Diagnostic d : diagnostics)
			codeActions(lsp, id, d.getRange(), List.of(d), where + "code actions for " + d.getCode());
		shown.add(new Shown(where + "symbols",
				String.valueOf(documents.documentSymbol(new DocumentSymbolParams(id)).get(30, TimeUnit.SECONDS))));
	}

	/**
	 * Titles, commands and diagnostics of the actions; not their edits, which put text into the
	 * document that already holds the secret (a fix that writes a new key writes a random one).
	 */
	private void codeActions(LspProcess lsp, TextDocumentIdentifier id, Range range, List<Diagnostic> diagnostics,
			String where) throws Exception {
		for (var action : lsp.server().getTextDocumentService()
				.codeAction(new CodeActionParams(id, range, new CodeActionContext(diagnostics)))
				.get(30, TimeUnit.SECONDS)) {
			if (action.isLeft()) {
				shown.add(new Shown(where, String.valueOf(action.getLeft())));
				continue;
			}
			CodeAction codeAction = action.getRight();
			shown.add(new Shown(where, codeAction.getTitle() + " " + codeAction.getCommand() + " "
					+ codeAction.getDiagnostics()));
		}
	}

	/**
	 * Every code lens, and the command each runs (ipsl.generate for one target and host), then
	 * ipsl.peers, ipsl.hosts and two traces.
	 */
	private void runCommandsAndLenses(LspProcess lsp, Path workspace, Set<String> names) throws Exception {
		for (String name : names) {
			List<? extends CodeLens> lenses = lsp.server().getTextDocumentService()
					.codeLens(new CodeLensParams(new TextDocumentIdentifier(LspProcess.uri(workspace.resolve(name)))))
					.get(30, TimeUnit.SECONDS);
			assertThat(lenses).isNotEmpty();
			for (CodeLens lens : lenses) {
				shown.add(new Shown(name + ": code lens", String.valueOf(lens)));
				Object answer = lsp.server().getWorkspaceService()
						.executeCommand(new ExecuteCommandParams(lens.getCommand().getCommand(),
								lens.getCommand().getArguments()))
						.get(60, TimeUnit.SECONDS);
				shown.add(new Shown(name + ": " + lens.getCommand().getTitle() + " " + lens.getCommand().getArguments(),
						String.valueOf(answer)));
			}
		}
		Object all = lsp.server().getWorkspaceService()
				.executeCommand(new ExecuteCommandParams("ipsl.generate", List.of("all"))).get(60, TimeUnit.SECONDS);
		shown.add(new Shown("ipsl.generate all", String.valueOf(all)));
		Object peers = lsp.server().getWorkspaceService()
				.executeCommand(new ExecuteCommandParams("ipsl.peers", List.of()))
				.get(60, TimeUnit.SECONDS);
		shown.add(new Shown("ipsl.peers", String.valueOf(peers)));
		shown.add(new Shown("ipsl.hosts", String.valueOf(lsp.executeCommand("ipsl.hosts"))));
		// A trace with dynamic keys (preshared secrets) and one with manual keys, both delivered.
		for (List<String> trace : List.of(List.of("gw1", "gw2", "tcp 192.0.2.1:40000 -> 192.0.2.2:443"),
				List.of("m1", "m2", "udp 192.0.2.11:40000 -> 192.0.2.12:514"))) {
			JsonObject request = new JsonObject();
			request.addProperty("from", trace.get(0));
			request.addProperty("to", trace.get(1));
			request.addProperty("packet", trace.get(2));
			JsonObject answer = lsp.executeCommand("ipsl.trace", request).getAsJsonObject();
			assertThat(answer.get("delivered").getAsBoolean()).as(answer.toString()).isTrue();
			shown.add(new Shown("ipsl.trace " + trace, answer.toString()));
		}
	}
}
