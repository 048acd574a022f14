package org.ipsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.ISelectable;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;
import org.eclipse.xtext.scoping.impl.MultimapBasedSelectable;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;

/**
 * Names of a file as Xtext's local scope sees them, limited to what a reference can name: the
 * declarations and the hosts' manual SAs (every cross-reference of the grammar targets one of
 * those). The default names every object of the file, which for a host of 10,000 policies costs a
 * visit and a qualified name per object on every link.
 */
public class IpslLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

	@Override
	protected ISelectable internalGetAllDescriptions(Resource resource) {
		List<EObject> referable = new ArrayList<>();
		for (EObject root : resource.getContents())
			if (root instanceof Model model)
				for (Declaration declaration : model.getDeclarations()) {
					referable.add(declaration);
					if (declaration instanceof Host host)
						for (HostMember member : host.getMembers())
							if (member instanceof ManualSa sa)
								referable.add(sa);
				}
		return new MultimapBasedSelectable(Scopes.scopedElementsFor(referable, getQualifiedNameProvider()));
	}
}
