package org.ipsl.ide.symbols;

import java.util.Iterator;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;

import com.google.common.collect.Iterators;

/**
 * The outline: Xtext's, over only the objects that can be a symbol. A symbol needs a name, and only
 * objects with a {@code name} feature have one; Xtext computed the ranges and details of every
 * object of the file (selectors, addresses, ports...) before dropping the nameless, most of the work
 * for a host of 10,000 policies.
 */
public class IpslDocumentSymbolService extends HierarchicalDocumentSymbolService {
	@Override
	protected Iterator<Object> getAllContents(Resource resource) {
		return Iterators.filter(super.getAllContents(resource),
				object -> object instanceof EObject named && named.eClass().getEStructuralFeature("name") != null);
	}
}
