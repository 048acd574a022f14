package org.ipsl.scoping;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;
import org.eclipse.xtext.scoping.impl.MultimapBasedSelectable;
import org.ipsl.resource.IpslResource;

/**
 * Names of a file as Xtext's local scope sees them, limited to what a reference can name
 * ({@link IpslResource#referable}). The default names every object of the file, which for a host
 * of 10,000 policies costs a visit and a qualified name per object on every link.
 */
public class IpslLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

	@Override
	protected ISelectable internalGetAllDescriptions(Resource resource) {
		return new MultimapBasedSelectable(
				Scopes.scopedElementsFor(IpslResource.referable(resource), getQualifiedNameProvider()));
	}
}
