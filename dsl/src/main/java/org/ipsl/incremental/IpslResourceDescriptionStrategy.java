package org.ipsl.incremental;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;

/**
 * Exports what other places can name: the top-level declarations and the manual SAs of hosts.
 * Policies are never referenced, so a host with thousands of them adds nothing to the index.
 */
public class IpslResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		if (object instanceof Model)
			return true;
		if (object instanceof Declaration || object instanceof ManualSa)
			super.createEObjectDescriptions(object, acceptor);
		return object instanceof Host;
	}
}
