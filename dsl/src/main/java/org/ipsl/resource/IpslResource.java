package org.ipsl.resource;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * An IPSL file in memory. Unloading turns every object into a proxy named by its URI fragment; EMF
 * finds each fragment's list positions by searching the lists, which for a host of n policies costs
 * n² (seconds at 10,000 policies, on every edit in the server, which unloads the old version of the
 * file). Here the fragments are computed in one walk that counts the positions instead. They are
 * the fragments EMF would give (the language's classes have no ID attributes and no keys).
 */
public class IpslResource extends LazyLinkingResource {
	private Map<EObject, String> unloadingFragments;

	@Override
	protected void doUnload() {
		unloadingFragments = fragmentsOfAllContents();
		try {
			super.doUnload();
		} finally {
			unloadingFragments = null;
		}
	}

	@Override
	public String getURIFragment(EObject object) {
		String fragment = unloadingFragments == null ? null : unloadingFragments.get(object);
		return fragment != null ? fragment : super.getURIFragment(object);
	}

	/** The fragment of every object of this resource, such as {@code //@members.3/@selector}. */
	public Map<EObject, String> fragmentsOfAllContents() {
		Map<EObject, String> fragments = new IdentityHashMap<>();
		List<EObject> roots = getContents();
		for (int i = 0; i < roots.size(); i++)
			addFragments(roots.get(i), roots.size() > 1 ? "/" + i : "/", fragments);
		return fragments;
	}

	private static void addFragments(EObject object, String fragment, Map<EObject, String> fragments) {
		fragments.put(object, fragment);
		for (EReference containment : object.eClass().getEAllContainments()) {
			if (!object.eIsSet(containment))
				continue;
			String segment = fragment + "/@" + containment.getName();
			if (containment.isMany()) {
				List<?> children = (List<?>) object.eGet(containment, false);
				for (int i = 0; i < children.size(); i++)
					addFragments((EObject) children.get(i), segment + "." + i, fragments);
			} else
				addFragments((EObject) object.eGet(containment, false), segment, fragments);
		}
	}
}
