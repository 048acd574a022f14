package org.ipsl.resource;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;

/**
 * Lines and columns of offsets in a text, for the places where Xtext 2.41 fails to give them: at a
 * lone carriage return that ends the text, Xtext reads one character past it
 * (StringIndexOutOfBoundsException), logs the stack trace and drops the diagnostic.
 */
public final class TextPositions {
	private TextPositions() {
	}

	/**
	 * 1-based line and column of an offset in the file of {@code node}: Xtext's answer (from its
	 * node model's line counts), except at the end of a text that ends in a lone carriage return,
	 * the one offset where Xtext reads past the text.
	 */
	public static LineAndColumn of(INode node, int offset) {
		String text = node.getRootNode().getText();
		if (offset == text.length() && offset > 0 && text.charAt(offset - 1) == '\r') {
			return of(text, offset);
		}
		return NodeModelUtils.getLineAndColumn(node, offset);
	}

	/** 1-based line and column of an offset, counting line breaks as Xtext does: CR LF, LF or a lone CR. */
	public static LineAndColumn of(String text, int offset) {
		int end = Math.max(0, Math.min(offset, text.length()));
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			boolean crBeforeLf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
			if (c == '\n' || (c == '\r' && !crBeforeLf)) {
				line++;
				lineStart = i + 1;
			}
		}
		return LineAndColumn.from(line, end - lineStart + 1);
	}
}
