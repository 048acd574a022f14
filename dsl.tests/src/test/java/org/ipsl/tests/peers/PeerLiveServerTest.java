package org.ipsl.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.ipsl.tests.support.LspSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over LSP, in process, on the peers example: editing hq's buffer, without
 * saving, changes the diagnostics published for the branches' file, and {@code ipsl.peers} answers
 * with the session table of the unsaved text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerLiveServerTest {
	/** b3-web in branches.ipsl: the line of hq's transform and PFS mismatch (0-based). */
	private static final int B3_WEB = 41;

	@TempDir
	static Path dir;
	static LspSession lsp;
	static Path hq, branches;
	static String hqText;

	@BeforeAll
	static void start() throws Exception {
		Path workspace = LspSession.copyExample("peers", dir.resolve("peers"));
		hq = workspace.resolve("hq.ipsl");
		branches = workspace.resolve("branches.ipsl");
		hqText = Files.readString(hq);
		lsp = LspSession.inProcess(workspace);
	}

	@AfterAll
	static void stop() throws Exception {
		if (lsp != null)
			lsp.close();
	}

	private static Predicate<List<Diagnostic>> codesAtB3Web(String... codes) {
		return diagnostics -> diagnostics.stream().filter(d -> d.getRange().getStart().getLine() == B3_WEB)
				.map(d -> d.getCode().getLeft()).sorted().toList().equals(List.of(codes));
	}

	private static void change(String text, int version) {
		lsp.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(LspSession.uri(hq), version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	@Test
	@Order(1)
	void peerDiagnosticsArePublishedWithTheirRelatedPlaceInThePeersFile() throws Exception {
		List<Diagnostic> published = lsp.awaitDiagnostics(branches, codesAtB3Web("pfs-mismatch", "transform-mismatch"));
		Diagnostic transform = published.stream().filter(d -> d.getCode().getLeft().equals("transform-mismatch"))
				.findFirst().orElseThrow();
		// The policy's head is underlined; its whole block (lines 42-45) comes first among the related places.
		assertThat(transform.getRange().getEnd().getLine()).isEqualTo(B3_WEB);
		assertThat(transform.getRelatedInformation()).hasSize(2);
		assertThat(transform.getRelatedInformation().get(0).getLocation().getUri()).endsWith("branches.ipsl");
		assertThat(transform.getRelatedInformation().get(0).getLocation().getRange().getEnd().getLine())
				.isEqualTo(B3_WEB + 3);
		assertThat(transform.getRelatedInformation().get(1).getLocation().getUri()).endsWith("hq.ipsl");
		assertThat(transform.getRelatedInformation().get(1).getLocation().getRange().getStart().getLine())
				.isEqualTo(28);
	}

	@Test
	@Order(2)
	void editingHqsTransformUpdatesTheBranchesFileWithoutSaving() throws Exception {
		lsp.open(hq, hqText);
		change(hqText.replace("protect esp-aes256-gcm16\n        pfs modp2048", "protect esp-aes128-hmac-sha1"), 2);
		lsp.awaitDiagnostics(branches, codesAtB3Web());
		assertThat(Files.readString(hq)).isEqualTo(hqText);
		change(hqText.replace("protect esp-aes256-gcm16", "protect esp-aes128-hmac-sha1"), 3);
		lsp.awaitDiagnostics(branches, codesAtB3Web("pfs-mismatch"));
	}

	@Test
	@Order(3)
	void thePeersCommandAnswersTheSessionTableOfTheUnsavedText() throws Exception {
		change(hqText.replace("protect esp-aes256-gcm16\n        pfs modp2048", "protect esp-aes128-hmac-sha1"), 4);
		lsp.awaitDiagnostics(branches, codesAtB3Web());
		Object answer;
		try {
			answer = lsp.server().getWorkspaceService()
					.executeCommand(new ExecuteCommandParams("ipsl.peers", List.of()))
					.get(60, TimeUnit.SECONDS);
		} catch (ExecutionException e) {
			throw new AssertionError("ipsl.peers failed; server log:\n" + lsp.log(), e);
		}
		// A list of flat objects, which the extension shows as a table.
		assertThat(answer).isInstanceOf(List.class);
		List<?> rows = (List<?>) answer;
		assertThat(rows).hasSize(8);
		for (Object row : rows)
			assertThat(columns(row).keySet()).containsExactly("initiator", "responder", "outcome", "proposal",
					"transform", "audit");
		assertThat(row(rows, "b3", "hq")).containsEntry("outcome", "ESTABLISHED")
				.containsEntry("transform", "esp-aes128-hmac-sha1").containsEntry("audit", "");
		assertThat(row(rows, "hq", "b3")).containsEntry("outcome", "IPSEC_PHASE2_FAILED");
		assertThat(row(rows, "hq", "b1")).containsEntry("outcome", "IKE_PHASE1_FAILED")
				.containsEntry("audit", "MM negotiation timeout");
	}

	private static Map<String, String> row(List<?> rows, String initiator, String responder) {
		for (Object row : rows) {
			Map<String, String> columns = columns(row);
			if (initiator.equals(columns.get("initiator")) && responder.equals(columns.get("responder")))
				return columns;
		}
		throw new AssertionError("no row " + initiator + " -> " + responder + " in " + rows);
	}

	/** A row as the client received it: a JSON object, its columns in order. */
	private static Map<String, String> columns(Object row) {
		Map<String, String> columns = new LinkedHashMap<>();
		((Map<?, ?>) row).forEach((key, value) -> columns.put(String.valueOf(key), String.valueOf(value)));
		return columns;
	}
}
