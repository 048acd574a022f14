package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.ipsl.tests.support.LspSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code ipsl.hosts} and {@code ipsl.trace} over LSP, the server in process: the trace the editor shows is
 * the runtime's, on configurations built in memory from the saved files; what stops it is an error.
 */
class TraceOverLspTest {
	@TempDir
	static Path dir;
	static LspSession lsp;
	static Path workspace;

	@BeforeAll
	static void start() throws Exception {
		workspace = LspSession.copyExample("site-to-site", dir.resolve("site-to-site"));
		Files.writeString(workspace.resolve("gamma.ipsl"), "host gamma {\n    address 10.3.3.30\n    bogus\n}\n");
		lsp = LspSession.inProcess(workspace);
		lsp.awaitDiagnostics(workspace.resolve("alpha.ipsl"), d -> true);
	}

	@AfterAll
	static void stop() throws Exception {
		if (lsp != null)
			lsp.close();
	}

	static JsonObject trace(LspSession server, String from, String to, String packet) throws Exception {
		JsonObject request = new JsonObject();
		request.addProperty("from", from);
		request.addProperty("to", to);
		request.addProperty("packet", packet);
		return server.executeCommand("ipsl.trace", request).getAsJsonObject();
	}

	private static List<String> lines(JsonObject answer) {
		return answer.getAsJsonArray("lines").asList().stream().map(JsonElement::getAsString).toList();
	}

	@Test
	void hostsAreListedWithTheirAddresses() throws Exception {
		JsonElement hosts = lsp.executeCommand("ipsl.hosts");
		assertThat(hosts.getAsJsonArray().asList()).extracting(h -> h.getAsJsonObject().get("name").getAsString())
				.containsExactly("alpha", "beta", "gamma");
		assertThat(hosts.getAsJsonArray().get(0).getAsJsonObject().getAsJsonArray("addresses").get(0).getAsString())
				.isEqualTo("10.1.1.10");
	}

	/** The same lines as {@code ipsl runtime trace} on the generated runtime.json files (RuntimeCliTest). */
	@Test
	void aPacketBetweenTheSitesIsDeliveredThroughTheTunnel() throws Exception {
		JsonObject answer = trace(lsp, "alpha", "beta", "udp 10.1.5.5:4000 -> 10.2.7.7:53");
		assertThat(answer.get("delivered").getAsBoolean()).as(answer.toString()).isTrue();
		assertThat(answer.get("outcome").getAsString()).isEqualTo("ESTABLISHED");
		assertThat(lines(answer)).contains(
				"packet: udp 10.1.5.5:4000 -> 10.2.7.7:53 (alpha -> beta)",
				"alpha SPD, outbound: policy `sites` (priority 20), cookie 3: Dynamic key SA -> SAs needed with 10.2.2.20",
				"negotiation alpha -> beta: ESTABLISHED, proposal aes128-sha1-modp1024, transform esp-aes128-hmac-sha1",
				"verdict: delivered to beta: udp 10.1.5.5:4000 -> 10.2.7.7:53");
		assertThat(answer.toString()).doesNotContain("Vq3#mZ8");
	}

	@Test
	void anUnknownHostIsRefusedWithTheHostsThereAre() {
		assertThatThrownBy(() -> trace(lsp, "alpha", "delta", "udp 10.1.5.5:4000 -> 10.2.7.7:53"))
				.cause().isInstanceOf(ResponseErrorException.class)
				.hasMessage("no host 'delta' in the workspace (its hosts: alpha, beta, gamma)");
	}

	@Test
	void aMalformedPacketIsRefused() {
		assertThatThrownBy(() -> trace(lsp, "alpha", "beta", "udp 10.1.5.5 to 10.2.7.7"))
				.cause().isInstanceOf(ResponseErrorException.class).hasMessageStartingWith("the packet: ");
	}

	@Test
	void aHostWhoseFileHasAnErrorIsRefusedWithTheErrorsPlace() {
		assertThatThrownBy(() -> trace(lsp, "alpha", "gamma", "udp 10.1.1.10:4000 -> 10.3.3.30:53"))
				.cause().isInstanceOf(ResponseErrorException.class)
				.hasMessageStartingWith("gamma.ipsl:3:5: ")
				.hasMessageEndingWith("fix the errors of the hosts' files first");
	}

	/** Disagreements between peers are what a trace shows: they do not stop it. */
	@Test
	void hostsThatDisagreeAreTracedToTheFailureTheSessionTablePredicts() throws Exception {
		Path peers = LspSession.copyExample("peers", dir.resolve("peers"));
		try (LspSession server = LspSession.inProcess(peers)) {
			JsonObject answer = trace(server, "hq", "b1", "tcp 10.0.0.1:40000 -> 10.0.1.1:22");
			assertThat(answer.get("delivered").getAsBoolean()).isFalse();
			assertThat(answer.get("outcome").getAsString()).isEqualTo("IKE_PHASE1_FAILED");
			assertThat(answer.get("verdict").getAsString())
					.startsWith("dropped by hq, not sent: no SA: IKE_PHASE1_FAILED");
		}
	}
}
