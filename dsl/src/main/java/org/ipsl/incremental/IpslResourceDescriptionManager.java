package org.ipsl.incremental;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.model.IpRange;

import com.google.inject.Singleton;

/**
 * Tells the builder which files to validate again after a change: besides the files that name what
 * changed (Xtext's rule), the files whose hosts' diagnostics between peers may change. Peers find
 * each other by address, not by a name Xtext could follow, so the index says what each host reaches
 * and where it is ({@link PeerReach}), and an edit of a host affects the files of the hosts it
 * reaches or that reach it, before or after the edit, and of the hosts that name it (their policies
 * hold its addresses); every other file keeps its diagnostics. A change to what many hosts may read
 * at once (a network, a transform-set or IKE proposal set, a declaration added, removed or renamed)
 * affects every file with a host. Only the index is consulted, which keeps the decision cheap. A
 * file's description finds its references with a faster walk ({@link IpslResourceDescription}).
 * With {@link Caches} off, every change affects every file.
 */
@Singleton
public class IpslResourceDescriptionManager extends DefaultResourceDescriptionManager
		implements
			IResourceDescription.Manager.AllChangeAware {

	/** What one set of deltas changed between peers; decided once for all candidates of a build. */
	private Change last;

	@Override
	public boolean isAffectedByAny(Collection<IResourceDescription.Delta> deltas, IResourceDescription candidate,
			IResourceDescriptions context) {
		if (!Caches.enabled() || isAffected(deltas, candidate, context))
			return true;
		if (!exports(candidate, IpslPackage.Literals.HOST))
			return false;
		return change(deltas, context).affects(candidate);
	}

	private synchronized Change change(Collection<IResourceDescription.Delta> deltas, IResourceDescriptions context) {
		if (last == null || last.deltas != deltas || last.context != context)
			last = new Change(deltas, context);
		return last;
	}

	/** The hosts a set of deltas changed, each as it was and as it is, and the hosts that name them. */
	private static final class Change {
		final Collection<IResourceDescription.Delta> deltas;
		final IResourceDescriptions context;
		/** Every file with a host is affected. */
		boolean everyHost;
		/** Host entries (before and after) whose peers are affected. */
		final List<IEObjectDescription> changedHosts = new ArrayList<>();
		/** The addresses a name stood for before the deltas, for the declarations they changed. */
		final Map<QualifiedName, List<IpRange>> addressesBefore = new HashMap<>();
		final Set<QualifiedName> changedHostNames = new HashSet<>();

		Change(Collection<IResourceDescription.Delta> deltas, IResourceDescriptions context) {
			this.deltas = deltas;
			this.context = context;
			for (IResourceDescription.Delta delta : deltas)
				compare(delta.getOld(), delta.getNew());
			if (everyHost || changedHostNames.isEmpty())
				return;
			// The hosts whose policies name a changed host hold its addresses: they changed too. (The
			// changed files' new entries do not say what they import before they are built.)
			Set<URI> changedFiles = new HashSet<>();
			deltas.forEach(delta -> changedFiles.add(delta.getUri()));
			for (IResourceDescription description : context.getAllResourceDescriptions())
				if (!changedFiles.contains(description.getURI()) && names(description, changedHostNames))
					description.getExportedObjectsByType(IpslPackage.Literals.HOST).forEach(changedHosts::add);
		}

		private void compare(IResourceDescription before, IResourceDescription after) {
			Map<QualifiedName, IEObjectDescription> old = declarations(before), now = declarations(after);
			if (!old.keySet().equals(now.keySet())) {
				everyHost = true;
				return;
			}
			old.forEach((name, was) -> {
				IEObjectDescription is = now.get(name);
				if (PeerReach.fingerprint(was).equals(PeerReach.fingerprint(is))
						&& was.getEObjectURI().equals(is.getEObjectURI()))
					return;
				if (was.getEClass() != IpslPackage.Literals.HOST || is.getEClass() != IpslPackage.Literals.HOST) {
					everyHost = true;
					return;
				}
				changedHosts.add(was);
				changedHosts.add(is);
				changedHostNames.add(name);
				addressesBefore.put(name, PeerReach.addresses(was));
			});
		}

		/** A file's top-level declarations by name (its manual SAs are parts of its hosts). */
		private static Map<QualifiedName, IEObjectDescription> declarations(IResourceDescription description) {
			Map<QualifiedName, IEObjectDescription> declarations = new HashMap<>();
			if (description != null)
				description.getExportedObjectsByType(IpslPackage.Literals.DECLARATION)
						.forEach(d -> declarations.putIfAbsent(d.getName(), d));
			return declarations;
		}

		private static boolean names(IResourceDescription description, Set<QualifiedName> names) {
			for (QualifiedName imported : description.getImportedNames())
				if (names.contains(imported))
					return true;
			return false;
		}

		/** Whether a file's host reaches a changed host, or a changed host reaches it. */
		boolean affects(IResourceDescription candidate) {
			if (everyHost)
				return true;
			for (IEObjectDescription host : candidate.getExportedObjectsByType(IpslPackage.Literals.HOST)) {
				List<IpRange> addresses = PeerReach.addresses(host);
				PeerReach.Reach reach = PeerReach.Reach.of(host);
				for (IEObjectDescription changed : changedHosts)
					if (reaches(reach, PeerReach.addresses(changed))
							|| reaches(PeerReach.Reach.of(changed), addresses))
						return true;
			}
			return false;
		}

		/** Whether a reach covers some of the addresses: a name stands for its addresses before and after. */
		private boolean reaches(PeerReach.Reach reach, List<IpRange> addresses) {
			if (addresses.isEmpty())
				return false;
			if (reach.any() || PeerReach.overlap(reach.ranges(), addresses))
				return true;
			for (String name : reach.names()) {
				QualifiedName qualified = QualifiedName.create(name);
				for (IEObjectDescription named : context.getExportedObjects(IpslPackage.Literals.DECLARATION,
						qualified, false))
					if (standsFor(PeerReach.addresses(named), addresses))
						return true;
				List<IpRange> before = addressesBefore.get(qualified);
				if (before != null && standsFor(before, addresses))
					return true;
			}
			return false;
		}
	}

	/** Whether a name with these addresses reaches some of {@code addresses}: a name without any stands for any. */
	private static boolean standsFor(List<IpRange> named, List<IpRange> addresses) {
		return named.isEmpty() || PeerReach.overlap(named, addresses);
	}

	@Override
	protected IResourceDescription internalGetResourceDescription(Resource resource,
			IDefaultResourceDescriptionStrategy strategy) {
		return new IpslResourceDescription(resource, strategy, getCache());
	}

	private static boolean exports(IResourceDescription description, EClass type) {
		return description != null && description.getExportedObjectsByType(type).iterator().hasNext();
	}
}
