package org.ipsl.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.host.HostOptions;
import org.ipsl.runtime.host.IpsecHost;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: starting hosts from {@code runtime.json} files, and turning a failure
 * into one line on standard error with exit code 2.
 */
abstract class HostCommand implements Callable<Integer> {
	static final int FAILURE = 2;

	@Spec
	CommandSpec spec;

	/** A failure the user can act on; the message names the file and what is wrong, never a secret. */
	static final class Failure extends Exception {
		private static final long serialVersionUID = 1L;

		Failure(String message) {
			super(message);
		}
	}

	@Override
	public final Integer call() {
		try {
			return execute();
		} catch (Failure | RuntimeConfigException e) {
			err().println("ipsl-runtime: " + e.getMessage());
			return FAILURE;
		}
	}

	abstract int execute() throws Failure, RuntimeConfigException;

	PrintWriter out() {
		return spec.commandLine().getOut();
	}

	PrintWriter err() {
		return spec.commandLine().getErr();
	}

	/** Starts the host of a file; audit entries go to {@code auditSink} as they are written. */
	static IpsecHost start(Path file, Consumer<String> auditSink) throws Failure, RuntimeConfigException {
		if (!Files.isRegularFile(file))
			throw new Failure(file + ": no such file");
		return IpsecHost.load(file, HostOptions.defaults().withAuditSink(auditSink));
	}
}
