package org.ipsl.tests.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.ipsl.ide.server.IpslLanguageServer;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The language server's workspace and builds without the connection: the same bindings as
 * {@code ipsl lsp} ({@link IpslLanguageServer#module}), the same builds after opening and editing
 * documents, run in the calling thread; what a build publishes is kept per file, as a client keeps
 * the last publication.
 */
public final class InProcessServer {
	private final WorkspaceManager workspace;
	private final Map<String, List<String>> published = new TreeMap<>();
	private final Set<String> publishedByLastBuild = new LinkedHashSet<>();
	private final Map<URI, Integer> versions = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));

	/** A server of its own (its own language injector and singletons); build one per workspace compared. */
	public static Injector injector() {
		return Guice.createInjector(IpslLanguageServer.module());
	}

	/** Initializes {@code injector}'s workspace on {@code folder}: the full first build. */
	public InProcessServer(Injector injector, Path folder) {
		workspace = injector.getInstance(WorkspaceManager.class);
		workspace.initialize(uri(folder), this::accept,
				CancelIndicator.NullImpl);
	}

	private void accept(URI uri, Iterable<Issue> issues) {
		List<String> texts = new ArrayList<>();
		issues.forEach(issue -> texts.add(text(issue)));
		String name = uri.lastSegment();
		published.put(name, texts.stream().sorted().toList());
		publishedByLastBuild.add(name);
	}

	/** An issue with everything it says: severity, code, place, message and data (related places). */
	public static String text(Issue i) {
		return i.getSeverity() + " " + i.getCode() + " " + i.getLineNumber() + ":" + i.getColumn() + " " + i.getOffset()
				+ "+" + i.getLength() + " " + i.getMessage() + " "
				+ (i.getData() == null ? "" : String.join("|", i.getData()));
	}

	/** Opens {@code file} with {@code text} in the editor (a first edit opens it), or replaces its text. */
	public void edit(Path file, String text) {
		URI uri = uri(file);
		publishedByLastBuild.clear();
		Integer version = versions.merge(uri, 1, Integer::sum);
		if (version == 1)
			workspace.didOpen(uri, version, text).build(CancelIndicator.NullImpl);
		else
			workspace.didChangeTextDocumentContent(uri, version, List.of(new TextDocumentContentChangeEvent(text)))
					.build(CancelIndicator.NullImpl);
	}

	/** A file's URI as the server writes it ({@code file:///...}). */
	private static URI uri(Path file) {
		return new UriExtensions().toUri(file.toAbsolutePath().toUri().toString());
	}

	/** Each file's diagnostics as last published, by file name; a file never published has none. */
	public Map<String, List<String>> diagnostics() {
		return published;
	}

	/** The files the last build published diagnostics for. */
	public Set<String> publishedByLastBuild() {
		return publishedByLastBuild;
	}
}
