package org.ipsl.trace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.resource.Resource;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.PathFailure;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.check.WorkspaceChecker.Workspace;
import org.ipsl.diagnostics.Category;
import org.ipsl.diagnostics.Severity;
import org.ipsl.generator.StrongswanOnlyConstructs;
import org.ipsl.generator.Problems;
import org.ipsl.generator.plan.HostPlan;
import org.ipsl.generator.plan.HostPlans;
import org.ipsl.generator.plan.SecretFileFailure;
import org.ipsl.generator.runtime.RuntimeGenerator;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostAddress;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.host.HostOptions;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.trace.Trace;
import org.ipsl.runtime.trace.TracePacket;

import com.google.inject.Inject;

/**
 * A packet traced between two hosts of a workspace, as saved: each host is planned and turned into
 * its runtime configuration in memory, as {@code ipsl generate --target runtime} would write it,
 * and the runtime's {@link Trace} follows the packet. The disagreements between peers are what a
 * trace shows, so only the other errors of the two hosts' files stop it.
 */
public class WorkspaceTrace {
	@Inject
	private WorkspaceChecker checker;

	/** Why a trace cannot run: one line naming the file and place, or the host, never a secret. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}
	}

	/** A host of the workspace, with its addresses as written, to choose the ends of a trace from. */
	public record HostEntry(String name, List<String> addresses, Path file) {
	}

	/** The trace's outcome and its report: the trace's lines, then the hosts' audit logs. */
	public record Report(String from, String to, String packet, boolean delivered, String outcome, String verdict,
			List<String> lines) {
	}

	/** The hosts of the workspace folder, in file order. */
	public List<HostEntry> hosts(Path root, LocalDate day) throws Refused {
		List<HostEntry> entries = new ArrayList<>();
		for (Map.Entry<Path, Host> host : hostsByFile(load(root, day)))
			entries.add(new HostEntry(host.getValue().getName(), addresses(host.getValue()), host.getKey()));
		return entries;
	}

	public Report run(Path root, String from, String to, String packetText, LocalDate day) throws Refused {
		TracePacket packet;
		try {
			packet = TracePacket.parse(packetText);
		} catch (IllegalArgumentException e) {
			throw new Refused("the packet: " + e.getMessage());
		}
		Workspace workspace = load(root, day);
		List<Map.Entry<Path, Host>> hosts = hostsByFile(workspace);
		Map.Entry<Path, Host> a = find(hosts, from), b = find(hosts, to);
		refuseOnErrors(workspace, a.getKey(), b.getKey());
		IpsecHost hostA = start(a.getValue(), root), hostB = start(b.getValue(), root);
		Trace.Result result;
		try {
			result = Trace.run(hostA, hostB, packet);
		} catch (IllegalArgumentException e) {
			throw new Refused(from + " -> " + to + ": " + e.getMessage());
		}
		return new Report(from, to, packet.toString(), result.delivered(), result.outcome(), result.verdict(),
				Trace.reportWithAuditLogs(result, hostA, hostB));
	}

	private Workspace load(Path root, LocalDate day) throws Refused {
		try {
			return checker.load(List.of(root), day).get(0);
		} catch (PathFailure e) {
			throw new Refused(e.path() + ": " + e.reason());
		}
	}

	private static List<Map.Entry<Path, Host>> hostsByFile(Workspace workspace) {
		List<Map.Entry<Path, Host>> hosts = new ArrayList<>();
		for (Map.Entry<Path, Resource> file : workspace.reported().entrySet())
			for (var root : file.getValue().getContents())
				for (var element : root.eContents())
					if (element instanceof Host host && host.getName() != null)
						hosts.add(Map.entry(file.getKey(), host));
		return hosts;
	}

	private static Map.Entry<Path, Host> find(List<Map.Entry<Path, Host>> hosts, String name) throws Refused {
		Optional<Map.Entry<Path, Host>> found = hosts.stream().filter(h -> h.getValue().getName().equals(name))
				.findFirst();
		if (found.isEmpty())
			throw new Refused("no host '" + name + "' in the workspace (its hosts: "
					+ hosts.stream().map(h -> h.getValue().getName()).collect(Collectors.joining(", ")) + ")");
		return found.get();
	}

	/** The first error of the hosts' files that is not a finding between peers, as file:line:column: message. */
	private void refuseOnErrors(Workspace workspace, Path... files) throws Refused {
		Map<Path, Resource> reported = new LinkedHashMap<>();
		for (Path file : files)
			reported.put(file, workspace.reported().get(file));
		Workspace hostFiles = new Workspace(workspace.root(), workspace.resourceSet(), reported);
		for (Diagnostic d : checker.diagnostics(hostFiles))
			if (d.severity() == Severity.ERROR && d.code().category() != Category.PEERS)
				throw new Refused(workspace.root().relativize(d.file()) + ":" + d.line() + ":" + d.column() + ": "
						+ d.message() + " [" + d.code().id() + "]; fix the errors of the hosts' files first");
	}

	private static IpsecHost start(Host host, Path root) throws Refused {
		try {
			HostPlan plan = HostPlans.of(host, root);
			Problems problems = new Problems(host.getName(), "ipsl trace");
			if (StrongswanOnlyConstructs.refuse(plan, problems, "the runtime")) {
				Diagnostic d = problems.diagnostics().get(0);
				throw new Refused(root.relativize(d.file()) + ":" + d.line() + ":" + d.column() + ": " + d.message());
			}
			return IpsecHost.start(RuntimeGenerator.config(plan, "ipsl trace"), host.getName(), HostOptions.defaults());
		} catch (SecretFileFailure e) {
			throw new Refused(e.place().file() + ":" + e.place().line() + ":" + e.place().column() + ": "
					+ e.getMessage());
		} catch (RuntimeConfigException e) {
			throw new Refused(host.getName() + ": " + e.getMessage());
		}
	}

	private static List<String> addresses(Host host) {
		List<String> addresses = new ArrayList<>();
		host.getMembers().stream().filter(HostAddress.class::isInstance).map(HostAddress.class::cast)
				.forEach(a -> a.getAddresses().forEach(address -> addresses.add(address.getValue())));
		return addresses;
	}
}
