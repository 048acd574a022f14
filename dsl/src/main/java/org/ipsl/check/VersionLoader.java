package org.ipsl.check;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.resource.Resource;
import org.ipsl.analysis.diff.PolicyDiff;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.Session;
import org.ipsl.ast.PeerHosts;
import org.ipsl.diagnostics.Category;
import org.ipsl.diagnostics.Severity;

import com.google.inject.Inject;

/**
 * One version of a workspace for {@code ipsl diff}, loaded as {@code ipsl check} loads a path: a
 * folder is a whole workspace; a file is linked with its folder tree, and only its hosts and the
 * sessions they start or answer are compared.
 */
public class VersionLoader {
	@Inject
	private WorkspaceChecker checker;

	@Inject
	private PeerWorkspace peers;

	/**
	 * The version's hosts and sessions, and why they cannot be compared: the errors in any file of
	 * its workspace that leave the meaning of some text unknown (syntax, names and values:
	 * {@link Category#LANGUAGE}; the analyses leave such an element out), and
	 * the hosts with an element the analyses left out (a session with such a host is not judged). Findings about complete text (a mismatch between peers) do not stop a
	 * comparison: how they change is what it shows.
	 */
	public record Version(PolicyDiff.Side side, List<Diagnostic> errors, List<String> incompleteHosts) {
		public boolean comparable() {
			return errors.isEmpty() && incompleteHosts.isEmpty();
		}
	}

	public Version load(Path path, LocalDate day) throws PathFailure {
		WorkspaceChecker.Workspace workspace = checker.load(List.of(path), day).get(0);
		List<Diagnostic> errors = checker.diagnostics(wholeOf(workspace)).stream()
				.filter(d -> d.severity() == Severity.ERROR && d.code().category() == Category.LANGUAGE).toList();
		PeerWorkspace.Snapshot snapshot = peers.of(workspace.resourceSet());
		Set<Resource> reported = Set.copyOf(workspace.reported().values());
		List<PeerHost> hosts = snapshot.hosts().stream().filter(h -> reported.contains(h.host().eResource()))
				.map(PeerHosts.Built::model).toList();
		Set<String> names = hosts.stream().map(PeerHost::name).collect(Collectors.toSet());
		List<Session> sessions = snapshot.sessions().stream()
				.filter(s -> names.contains(s.initiator()) || names.contains(s.responder())).toList();
		List<String> incomplete = snapshot.hosts().stream().map(PeerHosts.Built::model)
				.filter(h -> !h.rulesComplete() || !h.ikeComplete()).map(PeerHost::name).toList();
		return new Version(new PolicyDiff.Side(hosts, sessions), errors, incomplete);
	}

	/** The workspace with every file reported: an error in any file may change what the compared hosts do. */
	private static WorkspaceChecker.Workspace wholeOf(WorkspaceChecker.Workspace workspace) {
		Map<Path, Resource> all = new LinkedHashMap<>();
		for (Resource resource : List.copyOf(workspace.resourceSet().getResources()))
			if (resource.getURI().isFile())
				all.put(Path.of(resource.getURI().toFileString()), resource);
		return new WorkspaceChecker.Workspace(workspace.root(), workspace.resourceSet(), all);
	}
}
