package org.ipsl.resource;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.validation.DiagnosticConverterImpl;

/**
 * Places a validation diagnostic even where Xtext 2.41 cannot ({@link TextPositions}), so that no
 * check's finding is dropped; everywhere else the place is Xtext's own.
 */
public class IpslDiagnosticConverter extends DiagnosticConverterImpl {

	@Override
	protected IssueLocation getLocationForNode(INode node) {
		try {
			return super.getLocationForNode(node);
		} catch (IndexOutOfBoundsException e) {
			return location(node, node.getOffset(), node.getLength());
		}
	}

	@Override
	protected IssueLocation getLocationForNode(INode node, int offset, int length) {
		try {
			return super.getLocationForNode(node, offset, length);
		} catch (IndexOutOfBoundsException e) {
			return location(node, offset, length);
		}
	}

	private static IssueLocation location(INode node, int offset, int length) {
		String text = node.getRootNode().getText();
		IssueLocation location = new IssueLocation();
		location.offset = offset;
		location.length = length;
		var start = TextPositions.of(text, offset);
		location.lineNumber = start.getLine();
		location.column = start.getColumn();
		var end = TextPositions.of(text, offset + length);
		location.lineNumberEnd = end.getLine();
		location.columnEnd = end.getColumn();
		return location;
	}
}
