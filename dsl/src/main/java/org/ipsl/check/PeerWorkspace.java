package org.ipsl.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.ipsl.analysis.ikev2.SwanHosts;
import org.ipsl.analysis.peers.PeerAnalysis;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.PeerFinding;
import org.ipsl.analysis.peers.Session;
import org.ipsl.ast.HostRules;
import org.ipsl.ast.PeerHosts;
import org.ipsl.ipsl.Host;
import org.ipsl.incremental.Caches;
import org.ipsl.ipsl.IpslPackage;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The peer analysis of the workspace a resource set holds: every host the index knows, analysed
 * once and kept on the resource set until a resource of it changes, is added or goes (for a
 * workspace loaded to be read, {@link Unchanging}, without comparing the resources again). Validating
 * each file then only picks the findings on its hosts, and the session table costs nothing more.
 * A host analysed again after an edit reuses its policy database as regions from the last analysis
 * for the policies that did not change ({@link org.ipsl.analysis.peers.PeerHost#follows}).
 */
@Singleton
public class PeerWorkspace {
	private static final Object STAMP = new Object();

	@Inject
	private ResourceDescriptionsProvider index;

	@Inject
	private IResourceScopeCache cache;

	/** A finding placed in a file: the node it starts at, and the peers' places that explain it. */
	public record Located(PeerFinding finding, PeerHosts.Location location, List<RelatedPlace> related) {
	}

	public record RelatedPlace(PeerHosts.Location location, String message) {
	}

	/** The analysed workspace. */
	public static final class Snapshot {
		private final List<PeerHosts.Built> hosts;
		private final Map<Host, Integer> positions = new IdentityHashMap<>();
		private final PeerAnalysis.Report report;
		private final SwanHosts.Prediction prediction;

		/** @param previous the workspace's analysis before a change, whose judged pairs are reused; or null */
		Snapshot(List<PeerHosts.Built> hosts, Snapshot previous) {
			this.hosts = hosts;
			for (int h = 0; h < hosts.size(); h++)
				positions.put(hosts.get(h).host(), h);
			List<PeerHost> models = hosts.stream().map(PeerHosts.Built::model).toList();
			this.report = PeerAnalysis.analyse(models, previous == null ? null : previous.report);
			this.prediction = SwanHosts.predict(models);
		}

		public List<Session> sessions() {
			return report.sessions();
		}

		/** What strongSwan would negotiate between the hosts (docs/peers.md, "The prediction, in strongSwan's words"). */
		public SwanHosts.Prediction prediction() {
			return prediction;
		}

		/** Every host of the workspace, by file and then position in it. */
		public List<PeerHosts.Built> hosts() {
			return hosts;
		}

		/** The findings that start on one host; none for a host the index does not know. */
		public List<Located> findingsOn(Host host) {
			Integer h = positions.get(host);
			if (h == null)
				return List.of();
			List<Located> result = new ArrayList<>();
			List<PeerFinding> findings = new ArrayList<>(report.on(h));
			prediction.findings().stream().filter(f -> f.place().host() == h).forEach(findings::add);
			for (PeerFinding finding : findings)
				result.add(new Located(finding, locate(finding.place()), finding.related().stream()
						.map(r -> new RelatedPlace(locate(r.place()), r.message())).toList()));
			return result;
		}

		private PeerHosts.Location locate(org.ipsl.analysis.peers.Place place) {
			return hosts.get(place.host()).locate(place);
		}
	}

	/** Kept on the resource set with the state of its resources it was computed from. */
	private static final class Cached extends AdapterImpl {
		final List<Object> stamps;
		final Snapshot snapshot;

		Cached(List<Object> stamps, Snapshot snapshot) {
			this.stamps = stamps;
			this.snapshot = snapshot;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Cached.class;
		}
	}

	public synchronized Snapshot of(ResourceSet resourceSet) {
		if (!Caches.enabled())
			return new Snapshot(hosts(resourceSet).stream().map(host -> PeerHosts.of(HostRules.of(host))).toList(),
					null);
		Cached cached = (Cached) EcoreUtil.getExistingAdapter(resourceSet, Cached.class);
		if (cached != null && (Unchanging.of(resourceSet) || sameStamps(cached.stamps, stamps(resourceSet))))
			return cached.snapshot;
		// A host's model is kept until its file changes: the pairs of the hosts no change reached are not judged again.
		List<PeerHosts.Built> hosts = hosts(resourceSet).stream().map(host -> cache
				.get(Tuples.create(PeerHosts.class, host), host.eResource(),
						() -> PeerHosts.of(HostRules.of(host, cache))))
				.toList();
		if (cached != null)
			for (PeerHosts.Built built : hosts) {
				Integer before = cached.snapshot.positions.get(built.host());
				if (before != null && cached.snapshot.hosts.get(before) != built)
					built.model().follows(cached.snapshot.hosts.get(before).model());
			}
		Snapshot snapshot = new Snapshot(hosts, cached == null ? null : cached.snapshot);
		resourceSet.eAdapters().remove(cached);
		// Stamped after the analysis: resolving the hosts may have loaded more resources.
		resourceSet.eAdapters().add(new Cached(stamps(resourceSet), snapshot));
		return snapshot;
	}

	/**
	 * One token per resource, renewed whenever the resource changes (the scope cache is cleared on
	 * every change): a replaced, added, removed or edited resource gives another list.
	 */
	private List<Object> stamps(ResourceSet resourceSet) {
		List<Object> stamps = new ArrayList<>();
		for (Resource resource : List.copyOf(resourceSet.getResources()))
			stamps.add(cache.get(STAMP, resource, Object::new));
		return stamps;
	}

	private static boolean sameStamps(List<Object> a, List<Object> b) {
		if (a.size() != b.size())
			return false;
		for (int i = 0; i < a.size(); i++)
			if (a.get(i) != b.get(i))
				return false;
		return true;
	}

	/** Every host of the workspace, in a stable order: by file, then by position in it. */
	private List<Host> hosts(ResourceSet resourceSet) {
		IResourceDescriptions descriptions = index.getResourceDescriptions(resourceSet);
		List<IEObjectDescription> found = new ArrayList<>();
		descriptions.getExportedObjectsByType(IpslPackage.Literals.HOST).forEach(found::add);
		found.sort(Comparator.comparing((IEObjectDescription d) -> d.getEObjectURI().trimFragment().toString())
				.thenComparing(d -> d.getEObjectURI().fragment()));
		Set<Host> hosts = Collections.newSetFromMap(new LinkedHashMap<>());
		for (IEObjectDescription description : found) {
			EObject resolved = EcoreUtil.resolve(description.getEObjectOrProxy(), resourceSet);
			if (resolved instanceof Host host && !host.eIsProxy())
				hosts.add(host);
		}
		return List.copyOf(hosts);
	}
}
