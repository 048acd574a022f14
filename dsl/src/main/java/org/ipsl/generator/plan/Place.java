package org.ipsl.generator.plan;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;
import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;
import org.ipsl.resource.TextPositions;

/** Where a construct is written (1-based), so that a generator can name it in a diagnostic. */
public record Place(Path file, int line, int column, int endLine, int endColumn) {

	/** The whole object, from its first token (a policy's {@code policy} keyword) to its last. */
	public static Place of(EObject object) {
		return at(object, NodeModelUtils.findActualNodeFor(object));
	}

	/** One feature's text, e.g. a port or a transform name; the whole object when the feature has no text. */
	public static Place of(EObject object, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		return nodes.isEmpty() ? of(object) : at(object, nodes.get(0));
	}

	private static Place at(EObject object, INode node) {
		Path file = Path.of(object.eResource().getURI().toFileString());
		LineAndColumn start = TextPositions.of(node, node.getOffset());
		LineAndColumn end = TextPositions.of(node, node.getEndOffset());
		return new Place(file, start.getLine(), start.getColumn(), end.getLine(), end.getColumn());
	}

	public Diagnostic error(DiagnosticCode code, String message) {
		return new Diagnostic(file, line, column, endLine, endColumn, Severity.ERROR, code, message,
				List.of());
	}
}
