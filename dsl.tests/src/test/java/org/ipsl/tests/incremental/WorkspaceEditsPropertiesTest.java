package org.ipsl.tests.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ipsl.incremental.Caches;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.InProcessServer;

import com.google.inject.Injector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * The caches are proven, not trusted: the language server's builds after random edit sequences, with
 * every cache on (what {@code ipsl lsp} does: partial reparse, kept results, analyses built from
 * their previous versions, only the files an edit affects validated again), leave every file of the
 * workspace with exactly the diagnostics a fresh full check with every cache off
 * ({@link Caches}) gives the same texts, after every edit. The workspaces are the repository's
 * examples under random text edits, and random multi-file workspaces of peers under edits that
 * rename a host, change its address, add or remove an IKE policy or a policy, change a policy or a
 * network, and break and repair the syntax.
 */
class WorkspaceEditsPropertiesTest {
	private final List<Path> folders = new ArrayList<>();

	@AfterProperty
	void deleteFolders() throws IOException {
		for (Path folder : folders)
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList())
					Files.delete(file);
			}
		folders.clear();
	}

	// ---- the examples under random text edits ------------------------------------------------

	private static final List<String> INSERTS = List.of("", " ", "\n", "{", "}", "0", "80", "443..1024", "any",
			"discard", "pass", "protect corp-esp", "policy extra priority 15 {", "alpha", "beta", "site-a",
			"network site-c = 10.3.0.0/16\n", "10.2.2.20", "10.1.1.10", "ike x { remote beta }", "/*", "\"");

	/** One text edit of one file: replace {@code length} characters at {@code at} (a fraction of the text). */
	record TextEdit(int file, double at, int length, String insert) {
		String applyTo(String text) {
			int start = (int) (at * text.length());
			return text.substring(0, start) + insert + text.substring(Math.min(text.length(), start + length));
		}
	}

	@Provide
	Arbitrary<List<TextEdit>> textEdits() {
		return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.doubles().between(0, 1),
				Arbitraries.integers().between(0, 12), Arbitraries.of(INSERTS)).as(TextEdit::new).list().ofMinSize(1)
				.ofMaxSize(5);
	}

	@Property(tries = 12)
	void theExamplesAfterEveryTextEdit(@ForAll("textEdits") List<TextEdit> edits) throws IOException {
		Path folder = folder();
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> examples = Files.walk(Checker.examples())) {
			for (Path file : examples.filter(f -> f.toString().endsWith(".ipsl")).toList())
				files.put(Checker.examples().relativize(file).toString().replace('/', '-'), Files.readString(file));
		}
		files.forEach((name, text) -> Checker.write(folder.resolve(name), text));
		InProcessServer server = new InProcessServer(InProcessServer.injector(), folder);
		List<String> names = List.copyOf(files.keySet());
		for (TextEdit edit : edits) {
			String name = names.get(edit.file() % names.size());
			String text = edit.applyTo(files.get(name));
			files.put(name, text);
			Checker.write(folder.resolve(name), text);
			server.edit(folder.resolve(name), text);
			assertSameAsAFreshCheck(server, folder, edit);
		}
	}

	// ---- random workspaces of peers under edits of hosts ---------------------------------------

	@Provide
	Arbitrary<RandomWorkspace> workspaces() {
		return RandomWorkspace.arbitrary();
	}

	@Provide
	Arbitrary<List<RandomWorkspace.Edit>> workspaceEdits() {
		return RandomWorkspace.edits().list().ofMinSize(1).ofMaxSize(6);
	}

	@Property(tries = 15)
	void randomWorkspacesOfPeersAfterEveryEdit(@ForAll("workspaces") RandomWorkspace workspace,
			@ForAll("workspaceEdits") List<RandomWorkspace.Edit> edits) {
		Path folder = folder();
		Map<String, String> files = workspace.render();
		files.forEach((name, text) -> Checker.write(folder.resolve(name), text));
		InProcessServer server = new InProcessServer(InProcessServer.injector(), folder);
		assertSameAsAFreshCheck(server, folder, "the first build");
		for (RandomWorkspace.Edit edit : edits) {
			edit.applyTo(workspace);
			Map<String, String> now = workspace.render();
			for (Map.Entry<String, String> file : now.entrySet())
				if (!file.getValue().equals(files.get(file.getKey()))) {
					Checker.write(folder.resolve(file.getKey()), file.getValue());
					server.edit(folder.resolve(file.getKey()), file.getValue());
				}
			files = now;
			Statistics.label("files published again after an edit")
					.collect(server.publishedByLastBuild().size() < files.size() ? "some" : "all");
			assertSameAsAFreshCheck(server, folder, edit);
		}
	}

	// ---- the comparison -----------------------------------------------------------------------

	/** The fresh check's server: one for all tries, initialized again on the folder for each check. */
	private static Injector freshInjector;

	private static void assertSameAsAFreshCheck(InProcessServer server, Path folder, Object after) {
		Map<String, List<String>> fresh;
		Caches.set(false);
		try {
			if (freshInjector == null)
				freshInjector = InProcessServer.injector();
			fresh = new InProcessServer(freshInjector, folder).diagnostics();
		} finally {
			Caches.set(true);
		}
		assertThat(fresh).as("the fresh check publishes every file").isNotEmpty();
		for (Map.Entry<String, List<String>> file : fresh.entrySet())
			assertThat(server.diagnostics().get(file.getKey())).as("%s after %s", file.getKey(), after)
					.isEqualTo(file.getValue());
	}

	private Path folder() {
		try {
			Path folder = Files.createTempDirectory("ipsl-edits");
			folders.add(folder);
			return folder;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
