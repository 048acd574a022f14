package org.ipsl.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.ipsl.ide.server.IpslLanguageServer;
import org.ipsl.incremental.Caches;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipsl lsp}: the language server on standard input and output. */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the language server over standard input and output (LSP).")
public class LspCommand implements Callable<Integer> {

	@Option(names = "--no-caches", description = "Compute everything again after every edit, reusing nothing "
			+ "(slow; to compare with the incremental results).")
	private boolean noCaches;

	@Override
	public Integer call() throws InterruptedException {
		if (noCaches)
			Caches.set(false);
		InputStream in = System.in;
		PrintStream out = System.out;
		// Standard output carries the protocol: anything else printed goes to standard error.
		System.setOut(System.err);
		try {
			IpslLanguageServer.serve(in, out).get();
		} catch (ExecutionException e) {
			System.err.println("ipsl lsp: connection closed: " + e.getCause());
		}
		return 0;
	}
}
