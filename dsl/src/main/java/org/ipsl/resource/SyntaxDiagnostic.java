package org.ipsl.resource;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextSyntaxDiagnostic;
import org.eclipse.xtext.util.LineAndColumn;

/**
 * A syntax error whose end is found even where Xtext 2.41 fails ({@link TextPositions}): dropped, the
 * error would leave a broken file checking clean. Everywhere else the end is Xtext's own.
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

	private LineAndColumn end() {
		return TextPositions.of(getNode().getRootNode().getText(), getOffset() + getLength());
	}
}
