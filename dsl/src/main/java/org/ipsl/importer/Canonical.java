package org.ipsl.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Grammar;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;

import com.google.inject.Injector;

/** IPSL text in the language server's one layout, and which words the grammar takes as names. */
public final class Canonical {
	/** The grammar's WORD terminal. */
	private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

	private final Injector injector;
	private final Set<String> reserved;

	public Canonical(Injector injector) {
		this.injector = injector;
		Grammar grammar = injector.getInstance(IGrammarAccess.class).getGrammar();
		reserved = new HashSet<>(GrammarUtil.getAllKeywords(grammar));
		AbstractRule name = GrammarUtil.findRuleForName(grammar, "Name");
		for (Keyword allowed : EcoreUtil2.getAllContentsOfType(name, Keyword.class))
			reserved.remove(allowed.getValue());
	}

	/** Whether the word can stand as a host, policy, IKE policy or manual-sa name. */
	public boolean validName(String word) {
		return WORD.matcher(word).matches() && !reserved.contains(word);
	}

	/**
	 * The text formatted. The importer writes only text the grammar reads; anything else is a bug,
	 * reported without the text, which may hold keys.
	 */
	public String format(String text) {
		XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class)
				.createResource(URI.createURI("memory:/import.ipsl"));
		try {
			resource.load(new StringInputStream(text), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!resource.getErrors().isEmpty())
			throw new IllegalStateException("the importer wrote IPSL text with a syntax error at line "
					+ resource.getErrors().get(0).getLine());
		ITextRegionAccess regions = injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = injector.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(regions);
		String formatted = regions.getRewriter()
				.renderToString(injector.getInstance(IFormatter2.class).format(request));
		return formatted.endsWith("\n") ? formatted : formatted + "\n";
	}
}
