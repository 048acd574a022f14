package org.ipsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.check.PathFailure;
import org.ipsl.importer.hpux.HpuxImporter;
import org.ipsl.importer.strongswan.StrongswanImporter;
import org.ipsl.importer.ImportProblem;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipsl import hpux|strongswan FILE... --out DIR [options]}. */
@Command(name = "import", mixinStandardHelpOptions = true, subcommands = {ImportCommand.Hpux.class,
		ImportCommand.Strongswan.class}, description = "Read another system's configuration into an IPSL workspace.")
public class ImportCommand implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(spec.commandLine(), "a source is needed: hpux or strongswan");
	}

	@Command(name = "hpux", mixinStandardHelpOptions = true, description = "HP-UX IPSec ipsec_config batch files (one per host) to IPSL: one HOST.ipsl per file under "
			+ "--out, each preshared secret in secrets/HOST-AUTH.psk (0600).%n"
			+ "A line that cannot be read or expressed is an error (file:line:col); then nothing is written, "
			+ "unless --partial.%n"
			+ "Exit 0: written; 1: errors (nothing written; with --partial the rest is written); "
			+ "2: usage or I/O failure.")
	static class Hpux implements Callable<Integer> {
		@Parameters(arity = "1..*", paramLabel = "FILE", description = "ipsec_config batch files, one per host")
		List<Path> files;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "the workspace folder to write")
		Path out;

		@Option(names = "--address", split = ",", paramLabel = "ADDRESS", description = "the host's addresses (one FILE only); by default the single -source addresses, "
				+ "-tsource addresses and bypass entries of the batch")
		List<String> addresses = new ArrayList<>();

		@Option(names = "--partial", description = "write what can be imported and list what is left out")
		boolean partial;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			List<IpAddress> parsed = addresses();
			PrintWriter stdout = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			HpuxImporter importer = new HpuxImporter(new IpslStandaloneSetup().createInjectorAndDoEMFRegistration());
			HpuxImporter.Result result = importer.run(new HpuxImporter.Request(files, parsed, out, partial));
			return report(stdout, err, partial, result.problems(), List.of(), result.notes(), result.written(),
					result.failure(), result.exitCode());
		}

		private List<IpAddress> addresses() {
			if (!addresses.isEmpty() && files.size() != 1)
				throw new ParameterException(spec.commandLine(), "--address names one host's addresses: give one FILE");
			return parseAddresses(spec, addresses);
		}
	}

	@Command(name = "strongswan", mixinStandardHelpOptions = true, description = "strongSwan configurations (a swanctl.conf with its secrets section, or a legacy ipsec.conf with "
			+ "ipsec.secrets beside it), one per machine, to IPSL: one HOST.ipsl per machine under --out, "
			+ "shared.ipsl for what several machines use, each preshared key in secrets/HOST-CONNECTION.psk (0600).%n"
			+ "A setting that cannot be read or expressed is an error (file:line:col); then nothing is written, "
			+ "unless --partial. Settings ignored on purpose (updown, dpd_*, rekey times...) are listed and "
			+ "do not stop the import.%n"
			+ "Exit 0: written; 1: errors (nothing written; with --partial the rest is written); "
			+ "2: usage or I/O failure.")
	static class Strongswan implements Callable<Integer> {
		@Parameters(arity = "1..*", paramLabel = "CONFIG", description = "swanctl.conf or ipsec.conf files, one per machine")
		List<Path> files;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "the workspace folder to write")
		Path out;

		@Option(names = "--host", paramLabel = "NAME", description = "the host's name (one CONFIG only); by default the folder above the configuration's etc/")
		String host;

		@Option(names = "--address", split = ",", paramLabel = "ADDRESS", description = "the host's addresses (one CONFIG only); by default those of --interfaces")
		List<String> addresses = new ArrayList<>();

		@Option(names = "--interfaces", paramLabel = "FILE", description = "a network/interfaces file giving the host's addresses (one CONFIG only); by default "
				+ "etc/network/interfaces beside the configuration")
		Path interfaces;

		@Option(names = "--secrets", paramLabel = "FILE", description = "the ipsec.secrets of a legacy ipsec.conf (one CONFIG only); by default the one beside it")
		Path secrets;

		@Option(names = "--initiate", split = ",", paramLabel = "NAME", description = "children or connections this host initiates (as swanctl --initiate or ipsec up would), "
				+ "whatever their start action says (one CONFIG only)")
		List<String> initiate = new ArrayList<>();

		@Option(names = "--resolve", split = ",", paramLabel = "NAME=ADDRESS", description = "a DNS name the configurations use (remote_addrs = sun.example.org) and its address")
		List<String> resolve = new ArrayList<>();

		@Option(names = "--partial", description = "write what can be imported and list what is left out")
		boolean partial;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			boolean perHost = host != null || !addresses.isEmpty() || interfaces != null || secrets != null
					|| !initiate.isEmpty();
			if (perHost && files.size() != 1)
				throw new ParameterException(spec.commandLine(),
						"--host, --address, --interfaces, --secrets and --initiate describe one machine: give one CONFIG");
			List<IpAddress> own = parseAddresses(spec, addresses);
			List<StrongswanImporter.Source> sources = new ArrayList<>();
			for (Path file : files)
				sources.add(new StrongswanImporter.Source(file, host, own, interfaces, secrets, Set.copyOf(initiate)));
			Map<String, String> names = new LinkedHashMap<>();
			for (String entry : resolve) {
				int eq = entry.indexOf('=');
				if (eq <= 0 || !IpAddress.parse(entry.substring(eq + 1)).ok())
					throw new ParameterException(spec.commandLine(),
							"--resolve " + entry + ": NAME=ADDRESS was expected");
				names.put(entry.substring(0, eq), entry.substring(eq + 1));
			}
			PrintWriter stdout = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			StrongswanImporter importer = new StrongswanImporter(
					new IpslStandaloneSetup().createInjectorAndDoEMFRegistration());
			StrongswanImporter.Result result = importer
					.run(new StrongswanImporter.Request(sources, names, out, partial));
			return report(stdout, err, partial, result.problems(), result.ignored(), result.notes(), result.written(),
					result.failure(), result.exitCode());
		}
	}

	/** Prints an import's outcome: problems, settings ignored on purpose, notes, files written, and a last word on stderr. */
	static int report(PrintWriter stdout, PrintWriter err, boolean partial, List<ImportProblem> problems,
			List<ImportProblem> ignored, List<String> notes, List<Path> written, PathFailure failure, int exitCode) {
		Path cwd = Path.of("").toAbsolutePath();
		for (ImportProblem problem : problems)
			stdout.println(problem.text(cwd) + (partial ? " (left out)" : ""));
		for (ImportProblem problem : ignored)
			stdout.println(problem.text(cwd));
		notes.forEach(stdout::println);
		written.forEach(p -> stdout.println("wrote " + DiagnosticPrinter.relative(p, cwd)));
		stdout.flush();
		if (failure != null)
			err.println("ipsl: " + DiagnosticPrinter.relative(failure.path(), cwd) + ": " + failure.reason()
					+ (written.isEmpty() ? "; nothing written" : "; the files listed above were written"));
		else if (!problems.isEmpty()) {
			String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
			err.println(partial
					? "ipsl: " + count + " left out (listed above); the rest is written"
					: "ipsl: nothing written: " + count + " above (--partial writes the rest)");
		}
		err.flush();
		return exitCode;
	}

	private static List<IpAddress> parseAddresses(CommandSpec spec, List<String> addresses) {
		List<IpAddress> parsed = new ArrayList<>();
		for (String text : addresses) {
			Parsed<IpAddress> address = IpAddress.parse(text);
			if (!address.ok() || !address.value().isHost())
				throw new ParameterException(spec.commandLine(), "'" + text + "' is not an address"
						+ (address.ok() ? " (a prefix)" : ": " + address.error()));
			parsed.add(address.value());
		}
		return parsed;
	}
}
