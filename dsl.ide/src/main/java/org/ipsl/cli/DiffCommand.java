package org.ipsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.analysis.diff.PolicyDiff;
import org.ipsl.check.PathFailure;
import org.ipsl.check.VersionLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ipsl diff OLD NEW [--format text|json]}. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Which packets change fate between two versions of a workspace (or of one file): per host, "
		+ "the packets whose decision changes, the policies deciding them before and after, and the "
		+ "sessions between peers whose outcome changes.%n"
		+ "Exit 0: nothing changes; 1: something changes; 2: a version has errors, or a usage or I/O failure.")
public class DiffCommand implements java.util.concurrent.Callable<Integer> {

	@Parameters(index = "0", paramLabel = "OLD", description = "the old version: a folder (a workspace) or a file")
	Path old;

	@Parameters(index = "1", paramLabel = "NEW", description = "the new version: a folder (a workspace) or a file")
	Path now;

	@Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
	CheckCommand.Format format;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		VersionLoader loader = new IpslStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(VersionLoader.class);
		Path cwd = Path.of("").toAbsolutePath();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		VersionLoader.Version before, after;
		try {
			before = loader.load(old, today);
			after = loader.load(now, today);
		} catch (PathFailure failure) {
			err.println("ipsl: " + DiagnosticPrinter.relative(failure.path(), cwd) + ": " + failure.reason());
			return 2;
		}
		if (!before.comparable() || !after.comparable()) {
			reportErrors(err, old, before, cwd);
			reportErrors(err, now, after, cwd);
			err.flush();
			return 2;
		}
		PolicyDiff.Report report = PolicyDiff.compare(before.side(), after.side());
		out.print(format == CheckCommand.Format.json ? DiffPrinter.json(report) + "\n" : DiffPrinter.text(report));
		out.flush();
		return report.isEmpty() ? 0 : 1;
	}

	/** A version with errors that hide what some text means is not compared: what its policies do is not known. */
	private static void reportErrors(PrintWriter err, Path path, VersionLoader.Version version, Path cwd) {
		if (version.comparable())
			return;
		err.println("ipsl: " + DiagnosticPrinter.relative(path, cwd)
				+ " has errors that leave what it does unknown, so nothing is compared:");
		version.errors().forEach(d -> err.println(DiagnosticPrinter.text(d, cwd)));
		version.incompleteHosts().forEach(host -> err.println(
				"host " + host
						+ ": a policy or IKE policy could not be read (`ipsl check` on its workspace tells why)"));
	}
}
