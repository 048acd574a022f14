package org.ipsl.cli;

import org.ipsl.runtime.cli.RuntimeCli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ipsl} command line. */
@Command(name = "ipsl", mixinStandardHelpOptions = true, versionProvider = IpslMain.Version.class,
		description = "IPSL, the IPsec Policy Specification Language: check policies, generate configurations, serve editors.",
		subcommands = { CheckCommand.class, DiffCommand.class, GenerateCommand.class, ImportCommand.class, LspCommand.class })
public class IpslMain implements Runnable {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the command line and returns its exit code: 0 clean, 1 errors found, 2 usage or I/O failure. */
	public static int run(String... args) {
		CommandLine cli = new CommandLine(new IpslMain());
		cli.addSubcommand("runtime", RuntimeCli.commandLine());
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			// A bug must still give one clear line, never a stack trace.
			commandLine.getErr().println("ipsl: internal error: " + e);
			return 2;
		});
		return cli.execute(args);
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed: check, diff, generate, import, lsp or runtime");
	}

	static class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String version = IpslMain.class.getPackage().getImplementationVersion();
			return new String[] { "ipsl " + (version == null ? "development build" : version) };
		}
	}
}
