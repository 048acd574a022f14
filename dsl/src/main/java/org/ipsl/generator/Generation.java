package org.ipsl.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;
import org.ipsl.check.PathFailure;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.check.WorkspaceChecker.Workspace;
import org.ipsl.diagnostics.Severity;
import org.ipsl.generator.hpux.HpuxGenerator;
import org.ipsl.generator.output.OutputWriter;
import org.ipsl.generator.output.OutputWriter.Planned;
import org.ipsl.generator.plan.HostPlan;
import org.ipsl.generator.plan.HostPlans;
import org.ipsl.generator.plan.SecretFileFailure;
import org.ipsl.generator.runtime.RuntimeGenerator;
import org.ipsl.generator.strongswan.StrongswanGenerator;
import org.ipsl.generator.xfrm.XfrmGenerator;
import org.ipsl.ipsl.Host;

import com.google.inject.Inject;

/**
 * {@code ipsl generate}: check the workspaces, refuse while they have errors, plan every host,
 * run each target, and write one folder per host under the output folder. A target that cannot
 * express a host writes nothing for that host and reports {@code target-unsupported} errors; the
 * other hosts and targets are written.
 */
public class Generation {
	@Inject
	private WorkspaceChecker checker;

	private static final List<HostGenerator> GENERATORS = List.of(new HpuxGenerator(), new RuntimeGenerator(),
			new StrongswanGenerator(), new XfrmGenerator());

	/**
	 * @param host only this host, or null for every host of the workspaces
	 */
	public record Request(List<Path> paths, Set<Target> targets, GenerateOptions options, Path out, boolean force,
			String host) {
	}

	/**
	 * @param diagnostics the workspace's own, then the targets' {@code target-unsupported} errors
	 * @param blocked     the workspace has errors: nothing was generated
	 * @param written     the files written, in order
	 * @param failure     an input or output that could not be read or written ({@code path: reason}), or null
	 */
	public record Result(List<Diagnostic> diagnostics, boolean blocked, List<Path> written, Failure failure) {
		public boolean hasErrors() {
			return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
		}

		/** 0: written; 1: errors (nothing written, or not for every host and target); 2: I/O failure. */
		public int exitCode() {
			return failure != null ? 2 : hasErrors() ? 1 : 0;
		}
	}

	/** What could not be read or written, never with any content; {@code line} 0 when no place in the file. */
	public record Failure(Path path, int line, int column, String reason) {
		Failure(Path path, String reason) {
			this(path, 0, 0, reason);
		}
	}

	/**
	 * How a failure's message ends: files are written one by one, each whole or not at all, so the
	 * ones before the failure are in place.
	 */
	public static String writtenBeforeFailure(int written) {
		return written == 0
				? "nothing written"
				: "stopped after writing " + written + (written == 1 ? " file" : " files");
	}

	public Result run(Request request, LocalDate day) {
		return run(request, day, List.of());
	}

	/** The run, where the workspace may name files inside {@code allowOutside} as well as its own. */
	public Result run(Request request, LocalDate day, List<Path> allowOutside) {
		List<Workspace> workspaces;
		List<Diagnostic> diagnostics;
		try {
			workspaces = checker.load(request.paths(), day, allowOutside);
			diagnostics = new ArrayList<>();
			for (Workspace workspace : workspaces)
				diagnostics.addAll(checker.diagnostics(workspace));
		} catch (PathFailure e) {
			return new Result(List.of(), true, List.of(), new Failure(e.path(), e.reason()));
		}
		if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR))
			return new Result(diagnostics, true, List.of(), null);

		List<Planned> planned = new ArrayList<>();
		Map<String, Path> hostFiles = new HashMap<>();
		try {
			for (Workspace workspace : workspaces)
				for (Map.Entry<Path, Resource> file : workspace.reported().entrySet())
					for (Host host : hosts(file.getValue())) {
						if (request.host() != null && !request.host().equals(host.getName()))
							continue;
						Path earlier = hostFiles.putIfAbsent(host.getName(), file.getKey());
						if (earlier != null)
							return new Result(diagnostics, false, List.of(), new Failure(file.getKey(), "host '"
									+ host.getName() + "' is also declared in " + earlier + ": both would write "
									+ request.out().resolve(host.getName())));
						HostPlan plan = HostPlans.of(host, workspace.root());
						for (HostGenerator generator : GENERATORS)
							if (request.targets().contains(generator.target()))
								generate(generator, plan, request, diagnostics, planned);
					}
		} catch (SecretFileFailure e) {
			return new Result(diagnostics, false, List.of(), new Failure(e.place().file(), e.place().line(),
					e.place().column(), e.getMessage()));
		}
		OutputWriter writer = new OutputWriter(request.force());
		List<Path> written = new ArrayList<>();
		try {
			writer.check(planned);
			writer.write(planned, written);
		} catch (PathFailure e) {
			return new Result(diagnostics, false, List.copyOf(written), new Failure(e.path(), e.reason()));
		}
		return new Result(diagnostics, false, List.copyOf(written), null);
	}

	private static void generate(HostGenerator generator, HostPlan plan, Request request, List<Diagnostic> diagnostics,
			List<Planned> planned) {
		Problems problems = new Problems(plan.name(), generator.describe(request.options()));
		List<GeneratedFile> files = generator.generate(plan, request.options(), problems);
		if (problems.any()) {
			diagnostics.addAll(problems.diagnostics());
			return;
		}
		Path folder = request.out().resolve(plan.name());
		files.forEach(f -> planned.add(new Planned(folder.resolve(f.name()), f)));
	}

	private static List<Host> hosts(Resource resource) {
		List<Host> hosts = new ArrayList<>();
		resource.getContents().forEach(root -> root.eContents().stream().filter(Host.class::isInstance)
				.map(Host.class::cast).forEach(hosts::add));
		return hosts;
	}
}
