package org.ipsl.check;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;
import org.ipsl.resource.TextPositions;

/**
 * Carries "related" places of a diagnostic (LSP relatedInformation, JSON {@code related}) through
 * Xtext's issue data, which holds strings only. Positions are 1-based.
 */
public final class RelatedData {
	private static final String PREFIX = "ipsl.related\t";

	public record Location(URI uri, int line, int column, int endLine, int endColumn, String message) {
	}

	private RelatedData() {
	}

	/** The place of {@code target}, from its first to its last token, with a short message. */
	public static String encode(EObject target, String message) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(target);
		LineAndColumn start = TextPositions.of(node, node.getOffset());
		LineAndColumn end = TextPositions.of(node, node.getEndOffset());
		return PREFIX + target.eResource().getURI() + "\t" + start.getLine() + "\t" + start.getColumn() + "\t"
				+ end.getLine() + "\t" + end.getColumn() + "\t" + message.replace('\t', ' ');
	}

	public static List<Location> decode(String[] data) {
		List<Location> result = new ArrayList<>();
		if (data == null)
			return result;
		for (String entry : data) {
			if (entry == null || !entry.startsWith(PREFIX))
				continue;
			String[] f = entry.substring(PREFIX.length()).split("\t", 6);
			result.add(new Location(URI.createURI(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
					Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5]));
		}
		return result;
	}
}
