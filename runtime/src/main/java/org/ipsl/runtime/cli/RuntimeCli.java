package org.ipsl.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ipsl-runtime}, also {@code ipsl runtime}: the bundled runtime's command line. Exit codes:
 * 0 done (a trace delivered its packet), 1 a trace's packet was dropped or a live exchange lost
 * datagrams, 2 usage, file or configuration failure, always as one line naming the file and JSON path.
 */
@Command(name = "ipsl-runtime", mixinStandardHelpOptions = true, description = "Run runtime.json configurations: HP-UX-style reports and policy queries, packet traces "
		+ "between two hosts, and a live ESP-in-UDP exchange.", subcommands = {ReportCommand.class, PolicyCommand.class,
				TraceCommand.class, RunCommand.class})
public class RuntimeCli implements Runnable {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	public static int run(String... args) {
		return commandLine().execute(args);
	}

	/** The command line, for embedding as {@code ipsl runtime}. */
	public static CommandLine commandLine() {
		CommandLine cli = new CommandLine(new RuntimeCli());
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			// A bug must still give one clear line, never a stack trace.
			commandLine.getErr().println("ipsl-runtime: internal error: " + e.getClass().getSimpleName());
			return 2;
		});
		return cli;
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(new CommandLine(this),
				"a command is needed: report, policy, trace or run");
	}
}
