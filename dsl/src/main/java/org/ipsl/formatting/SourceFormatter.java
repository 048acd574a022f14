package org.ipsl.formatting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * One file's text in the canonical layout, by the same formatter and request the language server's
 * formatting uses ({@link IpslFormatter}); for {@code ipsl fmt}. Formatting needs no linking, so
 * each file is parsed alone.
 */
public class SourceFormatter {
	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private Provider<IFormatter2> formatters;

	@Inject
	private Provider<FormatterRequest> requests;

	@Inject
	private TextRegionAccessBuilder regionAccess;

	/** The formatted text, or empty when the text has syntax errors (the formatter leaves such a file as written). */
	public Optional<String> format(String text) {
		XtextResource resource = (XtextResource) resourceSets.get().createResource(URI.createURI("memory:/fmt.ipsl"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new UncheckedIOException("reading from memory cannot fail", e);
		}
		if (resource.getParseResult().hasSyntaxErrors())
			return Optional.empty();
		ITextRegionAccess regions = regionAccess.forNodeModel(resource).create();
		FormatterRequest request = requests.get();
		request.setTextRegionAccess(regions);
		return Optional.of(regions.getRewriter().renderToString(formatters.get().format(request)));
	}
}
