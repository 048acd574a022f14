package org.ipsl.resource;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;

/**
 * An IPSL file in memory.
 * <p>
 * Unloading turns every object into a proxy named by its URI fragment; EMF finds each fragment's
 * list positions by searching the lists, which for a host of n policies costs n² (seconds at
 * 10,000 policies). Here the fragments are computed in one walk that counts the positions instead.
 * They are the fragments EMF would give (the language's classes have no ID attributes and no keys).
 * <p>
 * {@link #reparseTo} brings a loaded file to a new text by reparsing only the region that changed.
 * Syntax errors are {@link SyntaxDiagnostic}s, whose end is found where Xtext's is not.
 * <p>
 * One build resolves the file's lazy links four times (the builder, the imported names and the
 * reference descriptions of the index entry, the validator): each a walk of every object. Only
 * linking installs lazy links, so after one complete resolution the next ones are skipped until
 * the file is linked again.
 */
public class IpslResource extends LazyLinkingResource {
	private Map<EObject, String> unloadingFragments;
	private boolean lazyLinksResolved;

	@Override
	protected void doLinking() {
		lazyLinksResolved = false;
		super.doLinking();
	}

	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
		if (lazyLinksResolved)
			return;
		super.resolveLazyCrossReferences(monitor); // a cancelled resolution throws and stays incomplete
		lazyLinksResolved = true;
	}

	@Override
	protected void addSyntaxDiagnostic(List<Resource.Diagnostic> diagnostics, INode node) {
		diagnostics.add(new SyntaxDiagnostic(node));
	}

	@Override
	protected void doUnload() {
		lazyLinksResolved = false;
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

	/**
	 * What a reference can name: the declarations and the hosts' manual SAs (every cross-reference
	 * of the grammar targets one of those), in file order.
	 */
	public static List<EObject> referable(Resource resource) {
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
		return referable;
	}

	/**
	 * Brings this loaded file to {@code text} as loading it would, but reparses only the region
	 * between the common start and end of the old and the new text (Xtext's partial parsing), then
	 * links the whole file again. What other files can name and the reparse replaced becomes a
	 * proxy with the fragment it had, as unloading would make it, so their references follow to the
	 * new objects.
	 */
	public void reparseTo(String text) {
		String old = getParseResult().getRootNode().getText();
		if (old.equals(text)) {
			relink();
			return;
		}
		int common = Math.min(old.length(), text.length());
		int start = 0;
		while (start < common && old.charAt(start) == text.charAt(start))
			start++;
		int end = 0;
		while (end < common - start && old.charAt(old.length() - 1 - end) == text.charAt(text.length() - 1 - end))
			end++;
		Map<EObject, String> before = fragmentsOfReferable();
		update(start, old.length() - end - start, text.substring(start, text.length() - end));
		before.forEach((object, fragment) -> {
			if (object.eResource() != this)
				((InternalEObject) object).eSetProxyURI(getURI().appendFragment(fragment));
		});
	}

	private Map<EObject, String> fragmentsOfReferable() {
		Map<EObject, String> fragments = new IdentityHashMap<>();
		for (EObject object : referable(this))
			fragments.put(object, getURIFragment(object));
		return fragments;
	}
}
