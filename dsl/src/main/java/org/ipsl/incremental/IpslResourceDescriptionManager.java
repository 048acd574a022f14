package org.ipsl.incremental;

import java.util.Collection;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;
import org.ipsl.ipsl.IpslPackage;

import com.google.inject.Singleton;

/**
 * Tells the builder which files to validate again after a change. Peers find each other by
 * address, not by a name Xtext could follow, and a host's diagnostics depend on its peers' whole
 * content: so any change to a file with declarations affects every file with a host. Only the
 * index is consulted, which keeps the decision cheap. A file's description finds its references
 * with a faster walk ({@link IpslResourceDescription}).
 */
@Singleton
public class IpslResourceDescriptionManager extends DefaultResourceDescriptionManager
		implements IResourceDescription.Manager.AllChangeAware {

	@Override
	public boolean isAffectedByAny(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate,
			IResourceDescriptions context) {
		if (isAffected(deltas, candidate, context))
			return true;
		if (!exports(candidate, IpslPackage.Literals.HOST))
			return false;
		for (IResourceDescription.Delta delta : deltas)
			if (exports(delta.getOld(), IpslPackage.Literals.DECLARATION)
					|| exports(delta.getNew(), IpslPackage.Literals.DECLARATION))
				return true;
		return false;
	}

	@Override
	protected IResourceDescription internalGetResourceDescription(Resource resource,
			IDefaultResourceDescriptionStrategy strategy) {
		return new IpslResourceDescription(resource, strategy, getCache());
	}

	private static boolean exports(IResourceDescription description, EClass type) {
		return description != null && description.getExportedObjectsByType(type).iterator().hasNext();
	}
}
