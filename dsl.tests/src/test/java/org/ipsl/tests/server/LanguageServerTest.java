package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.ipsl.tests.support.LspSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server answers, over LSP with the server in process, on the site-to-site example. The
 * real jar as a separate process is tested by BadInputServerTest, SecretsServerTest and the peers'
 * and recovery tests over processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageServerTest {
	@TempDir
	static Path dir;
	static LspSession lsp;
	static Path alpha, beta, common;

	@BeforeAll
	static void start() throws Exception {
		Path workspace = LspSession.copyExample("site-to-site", dir.resolve("site-to-site"));
		alpha = workspace.resolve("alpha.ipsl");
		beta = workspace.resolve("beta.ipsl");
		common = workspace.resolve("common.ipsl");
		lsp = LspSession.inProcess(workspace);
	}

	@AfterAll
	static void stop() throws Exception {
		if (lsp != null)
			lsp.close();
	}

	private static TextDocumentService docs() {
		return lsp.server().getTextDocumentService();
	}

	private static TextDocumentIdentifier id(Path file) {
		return new TextDocumentIdentifier(LspSession.uri(file));
	}

	/** The position of the first occurrence of {@code text} in {@code file}, plus {@code shift} characters. */
	private static Position at(Path file, String text, int shift) throws Exception {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			int column = lines.get(i).indexOf(text);
			if (column >= 0)
				return new Position(i, column + shift);
		}
		throw new AssertionError(text + " not in " + file);
	}

	private static String hoverText(Path file, String text) throws Exception {
		Hover hover = docs().hover(new HoverParams(id(file), at(file, text, 1))).get(30, TimeUnit.SECONDS);
		return hover == null || hover.getContents() == null ? "" : hover.getContents().getRight().getValue();
	}

	@Test
	@Order(1)
	void publishesDiagnosticsForEveryFileOpenOrNot() throws Exception {
		for (Path file : List.of(alpha, beta, common))
			assertThat(lsp.awaitDiagnostics(file, d -> true)).isEmpty();
	}

	@Test
	@Order(2)
	void hoverShowsAddressesAndAlgorithms() throws Exception {
		lsp.open(alpha);
		assertThat(hoverText(alpha, "remote beta")).isEmpty(); // on the keyword: nothing to say
		Position onBeta = at(alpha, "remote beta", 8);
		Hover hover = docs().hover(new HoverParams(id(alpha), onBeta)).get(30, TimeUnit.SECONDS);
		assertThat(hover.getContents().getRight().getValue()).contains("host").contains("10.2.2.20");
		assertThat(hoverText(alpha, "main")).contains("Main Mode");
		assertThat(hoverText(common, "aes128-sha1-modp1024")).contains("AES").contains("weak");
		assertThat(hoverText(common, "esp-3des-hmac-sha1")).contains("3DES").contains("legacy");
		assertThat(hoverText(alpha, "corp-esp")).contains("esp-aes128-hmac-sha1").contains("esp-3des-hmac-sha1");
		assertThat(hoverText(alpha, "site-a")).contains("10.1.0.0/16");
		assertThat(docs().hover(new HoverParams(id(alpha), at(alpha, "port ssh", 6))).get(30, TimeUnit.SECONDS)
				.getContents().getRight().getValue()).contains("22");
	}

	@Test
	@Order(3)
	void hoverNeverShowsTheSecret() throws Exception {
		assertThat(hoverText(alpha, "Vq3#mZ8")).doesNotContain("Vq3#mZ8").doesNotContain("pL2@xR7");
		assertThat(hoverText(alpha, "preshared")).doesNotContain("Vq3#mZ8");
	}

	@Test
	@Order(4)
	void definitionAcrossFiles() throws Exception {
		List<? extends Location> locations = docs()
				.definition(new DefinitionParams(id(alpha), at(alpha, "corp-esp", 2))).get(30, TimeUnit.SECONDS)
				.getLeft();
		assertThat(locations).hasSize(1);
		assertThat(locations.get(0).getUri()).endsWith("common.ipsl");
		assertThat(locations.get(0).getRange().getStart().getLine()).isEqualTo(5);
		List<? extends Location> toHost = docs()
				.definition(new DefinitionParams(id(alpha), at(alpha, "remote beta", 8)))
				.get(30, TimeUnit.SECONDS).getLeft();
		assertThat(toHost.get(0).getUri()).endsWith("beta.ipsl");
	}

	@Test
	@Order(5)
	void referencesAcrossFiles() throws Exception {
		List<? extends Location> refs = docs().references(new ReferenceParams(id(common),
				at(common, "site-a", 2), new ReferenceContext(false))).get(30, TimeUnit.SECONDS);
		assertThat(refs).extracting(l -> Path.of(java.net.URI.create(l.getUri())).getFileName().toString())
				.containsExactlyInAnyOrder("alpha.ipsl", "beta.ipsl");
	}

	@Test
	@Order(6)
	void completionOffersKeywordsNamesAndAlgorithms() throws Exception {
		List<String> proposals = complete(alpha, at(alpha, "proposals corp-ike", 10));
		assertThat(proposals).contains("aes128-sha1-modp2048");
		assertThat(complete(alpha, at(alpha, "mode main", 5))).contains("main", "aggressive");
		List<String> transforms = complete(alpha, at(alpha, "protect corp-esp", 8));
		assertThat(transforms).contains("corp-esp", "esp-aes128-gcm16");
		List<String> remote = complete(alpha, at(alpha, "remote beta", 7));
		assertThat(remote).contains("beta", "alpha", "site-a");
		List<String> members = complete(alpha, at(alpha, "    default pass", 4));
		assertThat(members).contains("policy", "ike", "manual-sa", "default");
		List<String> ports = complete(alpha, at(alpha, "port ssh", 5));
		assertThat(ports).contains("ssh", "https", "syslog");
	}

	private static List<String> complete(Path file, Position position) throws Exception {
		Either<List<CompletionItem>, CompletionList> result = docs()
				.completion(new CompletionParams(id(file), position)).get(30, TimeUnit.SECONDS);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	@Test
	@Order(6)
	void manualSaAlgorithmsCompleteAndHover() throws Exception {
		Path keys = alpha.resolveSibling("keys.ipsl");
		String text = "host k {\n    manual-sa m {\n        peer 10.9.9.9\n        inbound esp spi 3000000 encryption aes128 0x3b1f6a0c9d2e4f5a6b7c8d9e0f1a2b3c authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f\n    }\n}\n";
		Files.writeString(keys, text);
		lsp.open(keys, text);
		assertThat(complete(keys, at(keys, "aes128 0x", 0))).contains("aes128", "3des", "aes256-gcm16")
				.doesNotContain("hmac-sha1");
		assertThat(complete(keys, at(keys, "hmac-sha1 0x", 0))).contains("hmac-sha1", "hmac-sha256")
				.doesNotContain("aes128");
		assertThat(hoverText(keys, "aes128 0x")).contains("32 hex digits").doesNotContain("3b1f6a0c");
	}

	@Test
	@Order(7)
	void documentSymbolsAreHostThenPolicies() throws Exception {
		var symbols = docs().documentSymbol(new DocumentSymbolParams(id(alpha))).get(30, TimeUnit.SECONDS);
		DocumentSymbol host = symbols.get(0).getRight();
		assertThat(host.getName()).isEqualTo("alpha");
		assertThat(host.getChildren()).extracting(DocumentSymbol::getName)
				.containsExactly("to-beta", "admin-ssh", "sites");
	}

	@Test
	@Order(8)
	void formattingGivesTheCanonicalLayout() throws Exception {
		Path messy = alpha.resolveSibling("messy.ipsl");
		String text = "host   messy{address 10.9.9.9\npolicy p priority 10 {tcp from 10.9.9.9 port 1024 .. 2000 to any discard}\n  default pass }\n";
		Files.writeString(messy, text);
		lsp.open(messy, text);
		List<? extends TextEdit> edits = docs().formatting(new DocumentFormattingParams(id(messy),
				new FormattingOptions(4, true))).get(30, TimeUnit.SECONDS);
		assertThat(apply(text, edits)).isEqualTo("""
				host messy {
				    address 10.9.9.9
				    policy p priority 10 {
				        tcp from 10.9.9.9 port 1024..2000 to any
				        discard
				    }
				    default pass
				}
				""");
	}

	@Test
	@Order(9)
	void renameChangesEveryFile() throws Exception {
		WorkspaceEdit edit = docs().rename(new RenameParams(id(common), at(common, "site-b", 2), "site-bravo"))
				.get(30, TimeUnit.SECONDS);
		Map<String, List<TextEdit>> changes = edit.getChanges() != null
				? edit.getChanges()
				: edit.getDocumentChanges().stream().map(Either::getLeft).collect(Collectors.toMap(
						c -> c.getTextDocument().getUri(), c -> c.getEdits()));
		assertThat(changes.keySet()).extracting(u -> u.substring(u.lastIndexOf('/') + 1))
				.containsExactlyInAnyOrder("common.ipsl", "alpha.ipsl", "beta.ipsl");
		assertThat(changes.values()).allSatisfy(edits -> assertThat(edits).allSatisfy(
				e -> assertThat(e.getNewText()).isEqualTo("site-bravo")));
	}

	@Test
	@Order(10)
	void editsRepublishDiagnosticsWithTheirCode() throws Exception {
		String text = Files.readString(alpha).replace("port ssh", "port 70000");
		docs().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(LspSession.uri(alpha), 2),
				List.of(new TextDocumentContentChangeEvent(text))));
		var diagnostics = lsp.awaitDiagnostics(alpha, d -> !d.isEmpty());
		assertThat(diagnostics).hasSize(1);
		assertThat(diagnostics.get(0).getCode().getLeft()).isEqualTo("invalid-value");
		assertThat(diagnostics.get(0).getRange().getStart()).isEqualTo(at(alpha, "port ssh", 5));
	}

	@Test
	@Order(11)
	void acceptsNullAndEmptySettings() throws Exception {
		lsp.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams());
		lsp.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(Map.of()));
		assertThat(hoverText(alpha, "site-a")).contains("10.1.0.0/16");
		assertThat(lsp.isAlive()).isTrue();
	}

	static String apply(String text, List<? extends TextEdit> edits) {
		StringBuilder result = new StringBuilder(text);
		List<? extends TextEdit> sorted = edits.stream().sorted((a, b) -> compare(b.getRange().getStart(),
				a.getRange().getStart())).toList();
		for (TextEdit edit : sorted)
			result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()),
					edit.getNewText());
		return result.toString();
	}

	private static int compare(Position a, Position b) {
		return a.getLine() != b.getLine()
				? Integer.compare(a.getLine(), b.getLine())
				: Integer.compare(a.getCharacter(), b.getCharacter());
	}

	private static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++)
			offset = text.indexOf('\n', offset) + 1;
		return offset + position.getCharacter();
	}
}
