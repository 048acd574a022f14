package org.ipsl.tests.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.ipsl.bench.PolicyTextGenerator;
import org.ipsl.incremental.IpslTokenRegionProvider;
import org.ipsl.incremental.ContentWalk;
import org.ipsl.resource.IpslResource;
import org.ipsl.tests.support.Checker;

import com.google.common.collect.ImmutableList;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A file brought to a new text in place ({@link IpslResource#reparseTo}, what the server does on
 * an edit) gives exactly the diagnostics of the same text loaded afresh, in that file and in a file
 * whose host names its declarations and is its peer, over random sequences of edits (many of them
 * syntax errors). The faster walk of both files' objects ({@link ContentWalk}, for resolving links
 * and describing references) visits what EMF's visits in the same order, and the files' index
 * entries hold the references Xtext's own description finds. The edited region widened to whole
 * tokens is Xtext's.
 */
class ReparsePropertiesTest {
	private static final String EDITED = text("site-to-site/common.ipsl") + text("site-to-site/alpha.ipsl")
			+ text("keys/vault.ipsl") + PolicyTextGenerator.host(25, 11L);
	private static final String OTHER = text("site-to-site/beta.ipsl");
	private static final List<String> INSERTS = List.of("", " ", "\n", "{", "}", "0", "80", "443..1024", "any",
			"discard", "pass", "protect corp-esp", "protect manual to-archive", "policy extra priority 15 {", "alpha",
			"site-a", "network site-c = 10.3.0.0/16\n", "manual-sa", "/*", "//", "\"", "esp spi 513");

	/** One edit: replace {@code length} characters at {@code at} (a fraction of the text) by a piece. */
	record Edit(double at, int length, String insert) {
		String applyTo(String text) {
			int start = (int) (at * text.length());
			return text.substring(0, start) + insert + text.substring(Math.min(text.length(), start + length));
		}
	}

	@Provide
	Arbitrary<List<Edit>> edits() {
		Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1),
				Arbitraries.integers().between(0, 12), Arbitraries.of(INSERTS)).as(Edit::new);
		return edit.list().ofMinSize(1).ofMaxSize(4);
	}

	@Property(tries = 100)
	void reparsedInPlaceGivesTheDiagnosticsOfAFreshLoad(@ForAll("edits") List<Edit> edits) {
		XtextResourceSet live = resourceSet();
		IpslResource edited = (IpslResource) load(live, "a.ipsl", EDITED);
		Resource loadedOther = load(live, "b.ipsl", OTHER);
		issues(loadedOther);
		issues(edited);
		assertThat(references(Checker.injector().getInstance(IResourceDescription.Manager.class)
				.getResourceDescription(loadedOther))).as("the other file names the edited one's declarations")
				.isNotEmpty();
		String text = EDITED;
		for (Edit edit : edits) {
			text = edit.applyTo(text);
			edited.reparseTo(text);
			// The server's build reloads every file with a host after a change to declarations.
			Resource other = live.getResource(URI.createFileURI("/reparse/b.ipsl"), false);
			live.getResources().remove(other);
			other.unload();
			other = load(live, "b.ipsl", OTHER);
			XtextResourceSet fresh = resourceSet();
			Resource freshEdited = load(fresh, "a.ipsl", text);
			Resource freshOther = load(fresh, "b.ipsl", OTHER);
			assertThat(issues(edited)).as("edited file after %s", edit).isEqualTo(issues(freshEdited));
			assertThat(issues(other)).as("other file after %s", edit).isEqualTo(issues(freshOther));
			for (Resource file : List.of(edited, other)) {
				List<EObject> walked = new ArrayList<>();
				ContentWalk.visit(file.getContents(), walked::add);
				assertThat(walked).as("walk after %s", edit).isEqualTo(ImmutableList.copyOf(file.getAllContents()));
				assertThat(references(Checker.injector().getInstance(IResourceDescription.Manager.class)
						.getResourceDescription(file))).as("references after %s", edit)
						.isEqualTo(references(new DefaultResourceDescription(file,
								Checker.injector().getInstance(IDefaultResourceDescriptionStrategy.class),
								IResourceScopeCache.NullImpl.INSTANCE))); // not the shared cache: computed here
			}
		}
	}

	/**
	 * The region of each edit widened to whole tokens, with the lexing resumed where the previous
	 * texts allow ({@link IpslTokenRegionProvider}, what the partial reparse asks), is the region
	 * Xtext's lexing from the start gives.
	 */
	@Property(tries = 200)
	void tokenRegionsAreXtextsAfterEveryEdit(@ForAll("edits") List<Edit> edits) {
		IpslTokenRegionProvider resuming = Checker.injector().getInstance(IpslTokenRegionProvider.class);
		TokenRegionProvider fromTheStart = new TokenRegionProvider();
		Checker.injector().injectMembers(fromTheStart);
		String text = EDITED;
		resuming.getTokenRegion(text, new TextRegion(text.length() / 2, 0));
		for (Edit edit : edits) {
			String edited = edit.applyTo(text);
			ITextRegion region = new TextRegion((int) (edit.at() * text.length()), edit.insert().length());
			ITextRegion expected = fromTheStart.getTokenRegion(edited, region);
			ITextRegion found = resuming.getTokenRegion(edited, region);
			assertThat(found.getOffset() + "+" + found.getLength()).as("after %s", edit)
					.isEqualTo(expected.getOffset() + "+" + expected.getLength());
			text = edited;
		}
	}

	/** Every reference to another file the index entry holds, with all it says, in order. */
	private static List<String> references(IResourceDescription description) {
		List<String> references = new ArrayList<>();
		for (IReferenceDescription r : description.getReferenceDescriptions())
			references.add(r.getSourceEObjectUri() + " " + r.getEReference().getName() + "[" + r.getIndexInList() + "] "
					+ r.getTargetEObjectUri() + " in " + r.getContainerEObjectURI());
		return references;
	}

	static XtextResourceSet resourceSet() {
		return Checker.injector().getInstance(XtextResourceSet.class);
	}

	/** Loads {@code text} as the file {@code /reparse/name} of the resource set. */
	static Resource load(XtextResourceSet resourceSet, String name, String text) {
		Resource resource = resourceSet.createResource(URI.createFileURI("/reparse/" + name));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}

	/** Every diagnostic with all it says: severity, code, place, message and data (related places). */
	static List<String> issues(Resource resource) {
		EcoreUtil2.resolveAll(resource.getResourceSet());
		List<Issue> issues = Checker.injector().getInstance(IResourceValidator.class).validate(resource,
				CheckMode.ALL, CancelIndicator.NullImpl);
		return issues.stream().map(i -> i.getSeverity() + " " + i.getCode() + " " + i.getLineNumber() + ":"
				+ i.getColumn() + " " + i.getOffset() + "+" + i.getLength() + " " + i.getMessage() + " "
				+ (i.getData() == null ? "" : String.join("|", i.getData()))).sorted().toList();
	}

	private static String text(String example) {
		try {
			return Files.readString(Checker.examples().resolve(example));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
