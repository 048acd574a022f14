package org.ipsl.incremental;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;

/**
 * Xtext's file in memory with the incremental machinery's three jobs on it:
 * <ul>
 * <li>{@link #reparseTo}: a loaded file brought to a new text by reparsing only the region that
 * changed (Xtext's partial parsing), as the server's build does after an edit;</li>
 * <li>links resolved once per linking: one build resolves the file's lazy links four times (the
 * builder, the imported names and the reference descriptions of the index entry, the validator),
 * each a walk of every object; only linking installs lazy links, so after one complete resolution
 * the next ones are skipped until the file is linked again, and during a resolution a name is looked
 * up once per scope ({@link #linkedDuringResolution});</li>
 * <li>URI fragments without EMF's list searches ({@link Fragments}): unloading and every diagnostic
 * ask for them, which EMF's searches make n² for a host of n policies.</li>
 * </ul>
 * With {@link Caches} off, each is Xtext's own.
 */
public class IncrementalResource extends LazyLinkingResource {
	private final Fragments fragments = new Fragments(this);
	/** Every object's fragment while the file unloads; null otherwise. */
	private Map<EObject, String> unloadingFragments;
	private boolean lazyLinksResolved;
	/** The links looked up during the current resolution of every lazy link; null outside one. */
	private Map<Object, List<EObject>> lookups;

	@Override
	protected void doLinking() {
		lazyLinksResolved = false;
		fragments.forget();
		super.doLinking();
	}

	/**
	 * Xtext's resolution of every lazy link, in the same order, over a faster walk
	 * ({@link ContentWalk}), where a name is looked up once per scope ({@link #linkedDuringResolution}).
	 */
	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
		if (!Caches.enabled()) {
			super.resolveLazyCrossReferences(monitor);
			return;
		}
		if (lazyLinksResolved)
			return;
		CancelIndicator cancel = monitor == null ? CancelIndicator.NullImpl : monitor;
		synchronized (this) {
			lookups = new HashMap<>();
		}
		try {
			ContentWalk.visit(getContents(), object -> {
				operationCanceledManager.checkCanceled(cancel); // throws: the resolution stays incomplete
				EStructuralFeature[] crossReferences = ContentWalk.crossReferences(object);
				if (crossReferences != null)
					for (EStructuralFeature crossReference : crossReferences) {
						operationCanceledManager.checkCanceled(cancel);
						resolveLazyCrossReference((InternalEObject) object, crossReference);
					}
				return true;
			});
		} finally {
			synchronized (this) {
				lookups = null;
			}
		}
		lazyLinksResolved = true;
	}

	/**
	 * The objects a link names, from {@code linking}; during {@link #resolveLazyCrossReferences},
	 * when neither this file nor the index changes, the result of an earlier equal {@code lookup}
	 * (what decides a lookup's result: its scope and the name).
	 */
	public synchronized List<EObject> linkedDuringResolution(Object lookup, Supplier<List<EObject>> linking) {
		if (lookups == null)
			return linking.get();
		List<EObject> linked = lookups.get(lookup);
		if (linked == null) {
			linked = linking.get();
			lookups.put(lookup, linked);
		}
		return linked;
	}

	/**
	 * Whether {@code proxy} is a lazy link of this file that this linking of it already failed to
	 * resolve (a built-in transform or suite name, or a mistake): resolving it again gives the proxy
	 * back, as Xtext keeps such links until the file is linked again, but only after decoding its
	 * node and looking the failure up.
	 */
	public synchronized boolean isKnownUnresolvable(EObject proxy) {
		URI uri = ((InternalEObject) proxy).eProxyURI();
		return uri != null && getURI().equals(uri.trimFragment())
				&& getUnresolvableURIFragments().contains(uri.fragment());
	}

	@Override
	protected void doUnload() {
		lazyLinksResolved = false;
		fragments.forget();
		unloadingFragments = Caches.enabled() ? Fragments.ofAllContents(this) : null;
		try {
			super.doUnload();
		} finally {
			unloadingFragments = null;
		}
	}

	@Override
	public String getURIFragment(EObject object) {
		if (!Caches.enabled())
			return super.getURIFragment(object);
		String fragment = unloadingFragments != null ? unloadingFragments.get(object) : fragments.of(object);
		return fragment != null ? fragment : super.getURIFragment(object);
	}

	/** The fragment of every object of this resource, such as {@code //@members.3/@selector}. */
	public Map<EObject, String> fragmentsOfAllContents() {
		return Fragments.ofAllContents(this);
	}

	/**
	 * What a reference can name: the declarations and the hosts' manual SAs and IKE policies (every
	 * cross-reference of the grammar targets one of those), in file order.
	 */
	public static List<EObject> referable(Resource resource) {
		List<EObject> referable = new ArrayList<>();
		for (EObject root : resource.getContents())
			if (root instanceof Model model)
				for (Declaration declaration : model.getDeclarations()) {
					referable.add(declaration);
					if (declaration instanceof Host host)
						for (HostMember member : host.getMembers())
							if (member instanceof ManualSa || member instanceof IkePolicy)
								referable.add(member);
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
		Map<EObject, String> referableFragments = new IdentityHashMap<>();
		for (EObject object : referable(this))
			referableFragments.put(object, getURIFragment(object));
		return referableFragments;
	}
}
