package org.ipsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.FilteringScope;
import org.ipsl.ipsl.IpslPackage;

/** An endpoint names a host or a network; proposals and transforms name their own kind of list. */
public class IpslScopeProvider extends AbstractIpslScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		IScope scope = super.getScope(context, reference);
		if (reference == IpslPackage.Literals.NAMED_ENDPOINT__REF)
			return new FilteringScope(scope, d -> d.getEClass() == IpslPackage.Literals.HOST
					|| d.getEClass() == IpslPackage.Literals.NETWORK);
		return scope;
	}
}
