package org.ipsl.incremental;

import java.util.List;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.impl.EClassImpl;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * Every object of a file in the order of EMF's walk of the contents (each object, then its
 * containment features' values in feature order), without EMF's iterators: each build walks a
 * 10,000-policy file's hundred thousand objects to resolve its links and to describe its
 * references, and the iterators' allocation per object was most of those walks' cost. The
 * language has no cross-resource containment and no containment proxies, so the proper contents
 * and the resolved contents are these.
 */
public final class ContentWalk {
	private ContentWalk() {
	}

	/** Visits each object; the visitor answers whether to visit the object's contents too. */
	public static void visit(List<EObject> roots, Predicate<EObject> visitor) {
		for (int i = 0; i < roots.size(); i++)
			visit(roots.get(i), visitor);
	}

	/** The cross-references of the object's class (neither containments nor containers); null for none. */
	public static EStructuralFeature[] crossReferences(EObject object) {
		return ((EClassImpl.FeatureSubsetSupplier) object.eClass().getEAllStructuralFeatures()).crossReferences();
	}

	private static void visit(EObject object, Predicate<EObject> visitor) {
		if (!visitor.test(object))
			return;
		EStructuralFeature[] containments = ((EClassImpl.FeatureSubsetSupplier) object.eClass()
				.getEAllStructuralFeatures()).containments();
		if (containments == null)
			return;
		for (EStructuralFeature containment : containments) {
			Object value = object.eGet(containment, false);
			if (containment.isMany()) {
				InternalEList<?> children = (InternalEList<?>) value;
				for (int i = 0; i < children.size(); i++)
					visit((EObject) children.basicGet(i), visitor);
			} else if (value != null)
				visit((EObject) value, visitor);
		}
	}
}
