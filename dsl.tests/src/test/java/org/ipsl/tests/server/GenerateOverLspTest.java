package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.ipsl.tests.support.LspSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** The {@code ipsl.generate} command and the code lenses on hosts, over LSP, the server in process. */
class GenerateOverLspTest {
	@TempDir
	static Path dir;
	static LspSession lsp;
	static Path workspace;

	@BeforeAll
	static void start() throws Exception {
		workspace = LspSession.copyExample("site-to-site", dir.resolve("site-to-site"));
		lsp = LspSession.inProcess(workspace);
		lsp.awaitDiagnostics(workspace.resolve("alpha.ipsl"), d -> true);
	}

	@AfterAll
	static void stop() throws Exception {
		if (lsp != null)
			lsp.close();
	}

	private static JsonObject execute(Object... arguments) throws Exception {
		return lsp.executeCommand("ipsl.generate", arguments).getAsJsonObject();
	}

	@Test
	void generatesEveryTargetIntoTheGivenFolder() throws Exception {
		Path out = dir.resolve("out");
		JsonObject answer = execute("all", out.toString());
		assertThat(answer.get("exitCode").getAsInt()).as(answer.toString()).isZero();
		assertThat(answer.getAsJsonArray("written")).hasSize(10);
		assertThat(out.resolve("alpha/ipsec_config.batch")).exists();
		assertThat(out.resolve("beta/swanctl.conf")).exists();
		assertThat(answer.get("message").getAsString()).isEqualTo("IPSL: 10 files written to " + out);
		assertThat(lsp.messages()).contains("IPSL: 10 files written to " + out);
		assertThat(answer.toString()).doesNotContain("Vq3#mZ8");
	}

	/** The VS Code extension's form: one object with the chosen targets and the folder. */
	@Test
	void acceptsTheExtensionsArgumentObject() throws Exception {
		Path out = dir.resolve("from-vscode");
		JsonObject request = new JsonObject();
		JsonArray targets = new JsonArray();
		targets.add("xfrm");
		targets.add("runtime");
		request.add("targets", targets);
		request.addProperty("outputFolder", out.toString());
		JsonObject answer = execute(request);
		assertThat(answer.get("exitCode").getAsInt()).as(answer.toString()).isZero();
		assertThat(out.resolve("alpha/xfrm.sh")).exists();
		assertThat(out.resolve("beta/runtime.json")).exists();
		assertThat(out.resolve("alpha/swanctl.conf")).doesNotExist();
	}

	@Test
	void eachHostHasOneLensPerTarget() throws Exception {
		List<? extends CodeLens> lenses = lsp.server().getTextDocumentService()
				.codeLens(
						new CodeLensParams(new TextDocumentIdentifier(LspSession.uri(workspace.resolve("alpha.ipsl")))))
				.get(60, TimeUnit.SECONDS);
		assertThat(lenses).extracting(l -> l.getCommand().getTitle())
				.containsExactly("Generate: HP-UX", "strongSwan", "Linux", "runtime");
		assertThat(lenses).allSatisfy(l -> {
			assertThat(l.getRange().getStart().getLine()).isEqualTo(1); // "host alpha {" is the second line
			assertThat(l.getCommand().getCommand()).isEqualTo("ipsl.generate");
		});
		assertThat(lenses.get(2).getCommand().getArguments()).extracting(String::valueOf)
				.containsExactly("\"xfrm\"", "\"generated\"", "\"alpha\"");

		// running a lens's command generates that target for that host only, under the workspace
		List<Object> arguments = lenses.get(2).getCommand().getArguments();
		JsonObject answer = execute(arguments.stream().map(a -> new JsonPrimitive(((JsonPrimitive) a).getAsString()))
				.toArray());
		assertThat(answer.get("exitCode").getAsInt()).isZero();
		assertThat(workspace.resolve("generated/alpha/xfrm.sh")).exists();
		assertThat(workspace.resolve("generated/beta")).doesNotExist();
		assertThat(Files.list(workspace.resolve("generated/alpha")).toList()).hasSize(1);
	}

	/** The message names the folder even when it is the workspace folder itself. */
	@Test
	void theMessageNamesTheFolder() throws Exception {
		Path out = dir.resolve("named");
		LspSession.copyExample("site-to-site", out);
		try (LspSession rooted = LspSession.inProcess(out)) {
			rooted.awaitDiagnostics(out.resolve("alpha.ipsl"), d -> true);
			assertThat(rooted.executeCommand("ipsl.generate", "xfrm", out.toString()).getAsJsonObject().get("message")
					.getAsString()).isEqualTo("IPSL: 2 files written to " + out);
			assertThat(rooted.executeCommand("ipsl.generate", "xfrm").getAsJsonObject().get("message").getAsString())
					.isEqualTo("IPSL: 2 files written to generated");
			assertThat(out.resolve("generated/beta/xfrm.sh")).exists();
		}
	}

	@Test
	void aWrongTargetIsAnInvalidParamsError() {
		assertThatThrownBy(() -> execute("cisco")).isInstanceOf(ExecutionException.class)
				.cause().isInstanceOf(ResponseErrorException.class)
				.hasMessageContaining("'cisco' is not a target: hpux, runtime, strongswan, xfrm or all");
	}
}
