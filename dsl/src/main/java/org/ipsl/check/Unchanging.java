package org.ipsl.check;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Marks a resource set whose files are loaded once and then only read ({@link WorkspaceChecker#load}):
 * what is computed from all its files stays true, and is not checked against every file again on
 * each use (which, once per file, costs files² for a workspace).
 */
final class Unchanging extends AdapterImpl {
	private Unchanging() {
	}

	static void mark(ResourceSet resourceSet) {
		if (!of(resourceSet))
			resourceSet.eAdapters().add(new Unchanging());
	}

	static boolean of(ResourceSet resourceSet) {
		return EcoreUtil.getExistingAdapter(resourceSet, Unchanging.class) != null;
	}

	@Override
	public boolean isAdapterForType(Object type) {
		return type == Unchanging.class;
	}
}
