package org.ipsl.incremental;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;

/**
 * Xtext's description of a file for the index, whose references to other files are found as
 * Xtext finds them, in the same order, over a faster walk of the file ({@link ContentWalk}): the
 * server describes the edited file after every edit.
 */
class IpslResourceDescription extends DefaultResourceDescription {
	private final IDefaultResourceDescriptionStrategy strategy;

	IpslResourceDescription(Resource resource, IDefaultResourceDescriptionStrategy strategy,
			IResourceScopeCache cache) {
		super(resource, strategy, cache);
		this.strategy = strategy;
	}

	@Override
	protected List<IReferenceDescription> computeReferenceDescriptions() {
		if (!Caches.enabled())
			return super.computeReferenceDescriptions();
		List<IReferenceDescription> references = new ArrayList<>();
		EcoreUtil2.resolveLazyCrossReferences(getResource(), CancelIndicator.NullImpl);
		Map<EObject, IEObjectDescription> exported = createEObject2ExportedEObjectsMap(getExportedObjects());
		// An object of a class without cross-references has nothing to describe (Xtext looks at its
		// references and finds none); most of a file's hundred thousand objects are such.
		ContentWalk.visit(getResource().getContents(), object -> ContentWalk.crossReferences(object) == null
				|| strategy.createReferenceDescriptions(object, findExportedContainerURI(object, exported),
						references::add));
		return references;
	}
}
