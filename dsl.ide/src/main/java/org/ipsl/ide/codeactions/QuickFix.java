package org.ipsl.ide.codeactions;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/** The fixes for one diagnostic. */
@FunctionalInterface
interface QuickFix {
	List<CodeAction> fixes(Context context);

	/** The diagnostic and the document it is in. */
	record Context(Diagnostic diagnostic, XtextResource resource, Document document, String uri) {

		/** The innermost model element at the diagnostic's start. */
		EObject element() {
			int offset = document.getOffSet(diagnostic.getRange().getStart());
			ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
			return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		}

		Range range(INode node) {
			return new Range(document.getPosition(node.getOffset()), document.getPosition(node.getEndOffset()));
		}

		/** A quick fix that replaces a range of this document (or inserts, for an empty range). */
		CodeAction replace(String title, Range range, String text) {
			return edit(title, List.of(new TextEdit(range, text)));
		}

		/** A quick fix of several edits of this document, ranges as in the unedited text. */
		CodeAction edit(String title, List<TextEdit> edits) {
			CodeAction action = new CodeAction(title);
			action.setKind(CodeActionKind.QuickFix);
			action.setDiagnostics(List.of(diagnostic));
			action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
			return action;
		}
	}
}
