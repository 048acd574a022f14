package org.ipsl.resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.InternalEList;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IkePolicy;
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
 * <p>
 * A fragment names list positions, which EMF finds by searching each list: every diagnostic on one
 * of 10,000 policies searched the host's members. Here the positions of a long list are kept and
 * checked on each use, so a list that changed since is indexed again rather than misread.
 */
public class IpslResource extends LazyLinkingResource {
	/** Below this length a list is searched, as EMF does. */
	private static final int INDEXED_LIST_LENGTH = 32;

	private Map<EObject, String> unloadingFragments;
	private boolean lazyLinksResolved;
	/** The links looked up during the current resolution of every lazy link; null outside one. */
	private Map<Object, List<EObject>> lookups;
	private final Map<List<?>, Map<Object, Integer>> positions = new IdentityHashMap<>();

	@Override
	protected void doLinking() {
		lazyLinksResolved = false;
		forgetPositions();
		super.doLinking();
	}

	/**
	 * Xtext's resolution of every lazy link, in the same order, over a faster walk
	 * ({@link ContentWalk}), where a name is looked up once per scope ({@link #linkedDuringResolution}).
	 */
	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
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

	/**
	 * Reads the file as UTF-8; a file that is not gets an error at the first byte that is not
	 * ({@link NotUtf8}) and is read all the same, so that its names still link.
	 */
	@Override
	protected void doLoad(InputStream in, Map<?, ?> options) throws IOException {
		byte[] bytes = in.readAllBytes();
		String text = NotUtf8.decode(bytes);
		super.doLoad(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				withEncoding(options, StandardCharsets.UTF_8.name()));
		NotUtf8.find(bytes, text).ifPresent(getErrors()::add);
	}

	private static Map<Object, Object> withEncoding(Map<?, ?> options, String encoding) {
		Map<Object, Object> result = options == null ? new HashMap<>() : new HashMap<>(options);
		result.put(OPTION_ENCODING, encoding);
		return result;
	}

	@Override
	protected void addSyntaxDiagnostic(List<Resource.Diagnostic> diagnostics, INode node) {
		diagnostics.add(new SyntaxDiagnostic(node));
	}

	@Override
	protected void doUnload() {
		lazyLinksResolved = false;
		forgetPositions();
		unloadingFragments = fragmentsOfAllContents();
		try {
			super.doUnload();
		} finally {
			unloadingFragments = null;
		}
	}

	@Override
	public String getURIFragment(EObject object) {
		String fragment = unloadingFragments != null ? unloadingFragments.get(object) : pathFragment(object);
		return fragment != null ? fragment : super.getURIFragment(object);
	}

	/** The fragment EMF gives an object of this file; null for an object outside it. */
	private String pathFragment(EObject object) {
		List<String> segments = new ArrayList<>();
		InternalEObject current = (InternalEObject) object;
		for (InternalEObject container = current.eInternalContainer(); container != null; container = current
				.eInternalContainer()) {
			EReference containment = current.eContainmentFeature();
			segments.add(containment.isMany()
					? "@" + containment.getName() + "." + position((List<?>) container.eGet(containment, false), current)
					: "@" + containment.getName());
			current = container;
		}
		if (current.eDirectResource() != this)
			return null;
		List<EObject> roots = getContents();
		StringBuilder fragment = new StringBuilder("/");
		if (roots.size() > 1)
			fragment.append(roots.indexOf(current));
		for (int i = segments.size() - 1; i >= 0; i--)
			fragment.append('/').append(segments.get(i));
		return fragment.toString();
	}

	private int position(List<?> list, Object element) {
		if (list.size() < INDEXED_LIST_LENGTH)
			return list.indexOf(element);
		synchronized (positions) {
			Map<Object, Integer> indexed = positions.get(list);
			Integer position = indexed == null ? null : indexed.get(element);
			if (position == null || position >= list.size() || ((InternalEList<?>) list).basicGet(position) != element) {
				indexed = new IdentityHashMap<>();
				for (int i = 0; i < list.size(); i++)
					indexed.put(((InternalEList<?>) list).basicGet(i), i);
				positions.put(list, indexed);
				position = indexed.getOrDefault(element, -1);
			}
			return position;
		}
	}

	private void forgetPositions() {
		synchronized (positions) {
			positions.clear();
		}
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
		Map<EObject, String> fragments = new IdentityHashMap<>();
		for (EObject object : referable(this))
			fragments.put(object, getURIFragment(object));
		return fragments;
	}
}
