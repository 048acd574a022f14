package org.ipsl.ast;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Whether the parser met a syntax error inside an element's text. The parser recovers and goes on,
 * but what it skipped is unknown: a host with such an error may have lost a policy, so nothing that
 * depends on its whole policy database (its ordering, its peers' traffic) is judged.
 */
public final class SyntaxErrors {

	private SyntaxErrors() {
	}

	public static boolean inside(EObject object) {
		if (!(object.eResource() instanceof XtextResource resource))
			return false;
		IParseResult result = resource.getParseResult();
		if (result == null || !result.hasSyntaxErrors())
			return false;
		ICompositeNode node = NodeModelUtils.getNode(object);
		if (node == null)
			return true;
		for (INode error : result.getSyntaxErrors())
			if (error.getTotalOffset() >= node.getTotalOffset() && error.getTotalOffset() < node.getTotalEndOffset())
				return true;
		return false;
	}
}
