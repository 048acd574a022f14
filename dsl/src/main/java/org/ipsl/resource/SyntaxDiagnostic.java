package org.ipsl.resource;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.util.LineAndColumn;

/**
 * A syntax error whose end is found even where Xtext 2.41 fails: at a lone carriage return that
 * ends the text, Xtext reads one character past it (StringIndexOutOfBoundsException), its validator
 * logs the stack trace and drops the error, and a broken file checks clean. Everywhere else the end is
 * Xtext's own.
 */
final class SyntaxDiagnostic extends XtextSyntaxDiagnostic {

	SyntaxDiagnostic(INode node) {
		super(node);
	}

	@Override
	public int getLineEnd() {
		try {
			return super.getLineEnd();
		} catch (IndexOutOfBoundsException e) {
			return end().getLine();
		}
	}

	@Override
	public int getColumnEnd() {
		try {
			return super.getColumnEnd();
		} catch (IndexOutOfBoundsException e) {
			return end().getColumn();
		}
	}

	/** Line and column after the error, counting line breaks as Xtext does: CR LF, LF or a lone CR. */
	private LineAndColumn end() {
		String text = getNode().getRootNode().getText();
		int end = Math.min(getOffset() + getLength(), text.length());
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
