package org.ipsl.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.LineAndColumn;
import org.ipsl.resource.TextPositions;

/**
 * LSP positions even where Xtext 2.41 cannot give them ({@link TextPositions}): at the end of a text
 * ending in a lone CR, a symbol's or a hover's range would otherwise fail the whole request.
 */
public class IpslDocumentExtensions extends DocumentExtensions {

	@Override
	public Position newPosition(Resource resource, int offset) {
		try {
			return super.newPosition(resource, offset);
		} catch (IndexOutOfBoundsException e) {
			LineAndColumn place = TextPositions.of(((XtextResource) resource).getParseResult().getRootNode().getText(),
					offset);
			return new Position(place.getLine() - 1, place.getColumn() - 1);
		}
	}
}
