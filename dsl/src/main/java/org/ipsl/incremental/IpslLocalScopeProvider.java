package org.ipsl.incremental;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;
import org.eclipse.xtext.scoping.impl.MultimapBasedSelectable;
import org.ipsl.ipsl.Declaration;

/**
 * Names of a file as Xtext's local scope sees them, limited to what a reference can name
 * ({@link IncrementalResource#referable}). The default names every object of the file, which for a host
 * of 10,000 policies costs a visit and a qualified name per object on every link.
 * <p>
 * Only declarations make a name relative: inside host {@code gw}, {@code sa1} is first
 * {@code gw.sa1}. A name is one word and the names a reference can reach have at most two parts
 * (host, then manual SA or IKE policy), so the three-part names a policy, IKE policy or manual SA
 * would add never exist: those levels, and the imports the language does not have, are left out of every link's
 * scope.
 */
public class IpslLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

	@Override
	protected ISelectable internalGetAllDescriptions(Resource resource) {
		if (!Caches.enabled())
			return super.internalGetAllDescriptions(resource);
		return new MultimapBasedSelectable(
				Scopes.scopedElementsFor(IncrementalResource.referable(resource), getQualifiedNameProvider()));
	}

	@Override
	protected IScope getLocalElementsScope(IScope parent, EObject context, EReference reference) {
		return !Caches.enabled() || context instanceof Declaration
				? super.getLocalElementsScope(parent, context, reference)
				: parent;
	}

	@Override
	protected List<ImportNormalizer> getImportedNamespaceResolvers(EObject context, boolean ignoreCase) {
		return Caches.enabled() ? List.of() : super.getImportedNamespaceResolvers(context, ignoreCase);
	}
}
