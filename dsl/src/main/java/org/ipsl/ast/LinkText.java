package org.ipsl.ast;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** The name as written at a reference, whether it resolved or not (built-in names never do). */
public final class LinkText {
	private LinkText() {
	}

	public static String of(EObject owner, EReference reference) {
		return NodeModelUtils.findNodesForFeature(owner, reference).stream().findFirst()
				.map(NodeModelUtils::getTokenText).orElse("");
	}
}
