package org.ipsl.incremental;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.linking.impl.DefaultLinkingService;
import org.eclipse.xtext.linking.impl.IllegalNodeException;
import org.eclipse.xtext.nodemodel.INode;
import org.ipsl.ipsl.Declaration;

/**
 * Xtext's linking, except that while a file resolves all its lazy links at once
 * ({@link IncrementalResource#resolveLazyCrossReferences}) a name looked up once is not looked up again from
 * the same scope: a 10,000-policy file names a handful of built-in transforms ten thousand times,
 * and each lookup built the scope anew (only to fail, as built-in names are no declarations).
 * <p>
 * A link's scope is decided by the reference and the innermost declaration around it (only
 * declarations add a level, {@link org.ipsl.incremental.IpslLocalScopeProvider}), and neither the file
 * nor the index changes during the walk; the first lookup of a name records it among the file's
 * imported names as every later one would.
 */
public class IpslLinkingService extends DefaultLinkingService {

	/** What decides a lookup's result during one resolution of a file's links. */
	private record Lookup(EObject scopeOwner, EReference reference, String written) {
	}

	@Override
	public List<EObject> getLinkedObjects(EObject context, EReference reference, INode node)
			throws IllegalNodeException {
		if (!(context.eResource() instanceof IncrementalResource file))
			return super.getLinkedObjects(context, reference, node);
		// The text as written: equal texts are equal names (the converse need not hold, it only
		// costs a lookup), and it is cheaper than the name's token text.
		return file.linkedDuringResolution(new Lookup(scopeOwner(context), reference, node.getText()),
				() -> super.getLinkedObjects(context, reference, node));
	}

	/** The innermost declaration holding {@code context} (itself included); the file's root outside any. */
	private static EObject scopeOwner(EObject context) {
		EObject current = context;
		while (!(current instanceof Declaration) && current.eContainer() != null)
			current = current.eContainer();
		return current;
	}
}
