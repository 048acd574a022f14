package org.ipsl.incremental;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;

/**
 * Exports what other places can name: the top-level declarations, with what decides which files an
 * edit of them affects ({@link PeerReach}), and the manual SAs of hosts. Policies are never
 * referenced, so a host with thousands of them adds one entry to the index.
 */
public class IpslResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (object instanceof Model)
			return true;
		if (object instanceof Declaration declaration) {
			QualifiedName name = getQualifiedNameProvider().getFullyQualifiedName(declaration);
			if (name != null)
				acceptor.accept(EObjectDescription.create(name, declaration, PeerReach.userData(declaration)));
		} else if (object instanceof ManualSa)
			super.createEObjectDescriptions(object, acceptor);
		return object instanceof Host;
	}
}
