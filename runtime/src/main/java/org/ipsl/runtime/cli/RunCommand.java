package org.ipsl.runtime.cli;

import org.ipsl.runtime.config.RuntimeConfigException;

import picocli.CommandLine.Command;

/** {@code run}: the live mode. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Live mode (not yet).")
class RunCommand extends HostCommand {
	@Override
	int execute() throws Failure, RuntimeConfigException {
		throw new Failure("run: not yet");
	}
}
