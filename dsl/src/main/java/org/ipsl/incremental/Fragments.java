package org.ipsl.incremental;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * The URI fragments of a file's objects, the ones EMF gives (the language's classes have no ID
 * attributes and no keys), without EMF's searches of every list on the path: each diagnostic on one
 * of 10,000 policies searched the host's members. The positions of a long list are kept and checked
 * on each use, so a list that changed since is indexed again rather than misread; they are
 * forgotten whenever the file is linked or unloaded.
 */
final class Fragments {
	/** Below this length a list is searched, as EMF does. */
	private static final int INDEXED_LIST_LENGTH = 32;

	private final Resource file;
	private final Map<List<?>, Map<Object, Integer>> positions = new IdentityHashMap<>();

	Fragments(Resource file) {
		this.file = file;
	}

	/** The fragment EMF gives an object of this file; null for an object outside it. */
	String of(EObject object) {
		List<String> segments = new ArrayList<>();
		InternalEObject current = (InternalEObject) object;
		for (InternalEObject container = current.eInternalContainer(); container != null; container = current
				.eInternalContainer()) {
			EReference containment = current.eContainmentFeature();
			segments.add(containment.isMany()
					? "@" + containment.getName() + "."
							+ position((List<?>) container.eGet(containment, false), current)
					: "@" + containment.getName());
			current = container;
		}
		if (current.eDirectResource() != file)
			return null;
		List<EObject> roots = file.getContents();
		StringBuilder fragment = new StringBuilder("/");
		if (roots.size() > 1)
			fragment.append(roots.indexOf(current));
		for (int i = segments.size() - 1; i >= 0; i--)
			fragment.append('/').append(segments.get(i));
		return fragment.toString();
	}

	private int position(List<?> list, Object element) {
		if (list.size() < INDEXED_LIST_LENGTH || !Caches.enabled())
			return list.indexOf(element);
		synchronized (positions) {
			Map<Object, Integer> indexed = positions.get(list);
			Integer position = indexed == null ? null : indexed.get(element);
			if (position == null || position >= list.size()
					|| ((InternalEList<?>) list).basicGet(position) != element) {
				indexed = new IdentityHashMap<>();
				for (int i = 0; i < list.size(); i++)
					indexed.put(((InternalEList<?>) list).basicGet(i), i);
				positions.put(list, indexed);
				position = indexed.getOrDefault(element, -1);
			}
			return position;
		}
	}

	void forget() {
		synchronized (positions) {
			positions.clear();
		}
	}

	/**
	 * The fragment of every object of the file, such as {@code //@members.3/@selector}, in one walk
	 * that counts the positions (unloading asks for every object's, which EMF's searches make n²).
	 */
	static Map<EObject, String> ofAllContents(Resource file) {
		Map<EObject, String> fragments = new IdentityHashMap<>();
		List<EObject> roots = file.getContents();
		for (int i = 0; i < roots.size(); i++)
			add(roots.get(i), roots.size() > 1 ? "/" + i : "/", fragments);
		return fragments;
	}

	private static void add(EObject object, String fragment, Map<EObject, String> fragments) {
		fragments.put(object, fragment);
		for (EReference containment : object.eClass().getEAllContainments()) {
			if (!object.eIsSet(containment))
				continue;
			String segment = fragment + "/@" + containment.getName();
			if (containment.isMany()) {
				List<?> children = (List<?>) object.eGet(containment, false);
				for (int i = 0; i < children.size(); i++)
					add((EObject) children.get(i), segment + "." + i, fragments);
			} else
				add((EObject) object.eGet(containment, false), segment, fragments);
		}
	}
}
