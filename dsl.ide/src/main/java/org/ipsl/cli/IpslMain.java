package org.ipsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.ipsl.runtime.cli.RuntimeCli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ipsl} command line. */
@Command(name = "ipsl", mixinStandardHelpOptions = true, versionProvider = IpslMain.Version.class, description = "IPSL, the IPsec Policy Specification Language: check policies, generate configurations, serve editors.", subcommands = {
		CheckCommand.class, DiffCommand.class, FmtCommand.class, GenerateCommand.class, ImportCommand.class,
		LspCommand.class})
public class IpslMain implements Runnable {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/** Runs the command line and returns its exit code: 0 clean, 1 errors found, 2 usage or I/O failure. */
	public static int run(String... args) {
		return commandLine().execute(args);
	}

	/** The whole command line with every subcommand; also what the release's man pages and shell completion describe. */
	public static CommandLine commandLine() {
		CommandLine cli = new CommandLine(new IpslMain());
		// Renamed, so that its usage lines read "ipsl runtime ..." (standalone it is ipsl-runtime).
		cli.addSubcommand(RuntimeCli.commandLine().setCommandName("runtime"));
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			// A bug must still give one clear line, never a stack trace.
			commandLine.getErr().println("ipsl: internal error: " + e);
			return 2;
		});
		return cli;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(new CommandLine(this),
				"a command is needed: check, diff, fmt, generate, import, lsp or runtime");
	}

	/** The version and the git commit the build recorded in {@code build.properties} ({@code unknown} outside git). */
	static class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			Properties build = new Properties();
			try (InputStream in = IpslMain.class.getResourceAsStream("build.properties")) {
				if (in != null)
					build.load(in);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return new String[]{"ipsl " + build.getProperty("version", "development build") + " (commit "
					+ build.getProperty("commit", "unknown") + ")"};
		}
	}
}
