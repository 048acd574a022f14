package org.ipsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.importer.hpux.HpuxImporter;
import org.ipsl.importer.hpux.ImportProblem;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipsl import hpux FILE... --out DIR [--address A[,A...]] [--partial]}. */
@Command(name = "import", mixinStandardHelpOptions = true, subcommands = ImportCommand.Hpux.class,
		description = "Read another system's configuration into an IPSL workspace.")
public class ImportCommand implements Runnable {
	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(spec.commandLine(), "a source is needed: hpux");
	}

	@Command(name = "hpux", mixinStandardHelpOptions = true,
			description = "HP-UX IPSec ipsec_config batch files (one per host) to IPSL: one HOST.ipsl per file under "
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

		@Option(names = "--address", split = ",", paramLabel = "ADDRESS",
				description = "the host's addresses (one FILE only); by default the single -source addresses, "
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
			Path cwd = Path.of("").toAbsolutePath();
			for (ImportProblem problem : result.problems())
				stdout.println(problem.text(cwd) + (partial ? " (left out)" : ""));
			result.notes().forEach(stdout::println);
			result.written().forEach(p -> stdout.println("wrote " + DiagnosticPrinter.relative(p, cwd)));
			stdout.flush();
			if (result.failure() != null)
				err.println("ipsl: " + DiagnosticPrinter.relative(result.failure().path(), cwd) + ": "
						+ result.failure().reason() + (result.written().isEmpty() ? "; nothing written"
								: "; the files listed above were written"));
			else if (!result.problems().isEmpty())
				err.println(partial ? "ipsl: " + count(result) + " left out (listed above); the rest is written"
						: "ipsl: nothing written: " + count(result) + " above (--partial writes the rest)");
			err.flush();
			return result.exitCode();
		}

		private static String count(HpuxImporter.Result result) {
			int n = result.problems().size();
			return n == 1 ? "1 problem" : n + " problems";
		}

		private List<IpAddress> addresses() {
			if (!addresses.isEmpty() && files.size() != 1)
				throw new ParameterException(spec.commandLine(), "--address names one host's addresses: give one FILE");
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
}
