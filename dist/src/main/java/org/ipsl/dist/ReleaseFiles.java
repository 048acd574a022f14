package org.ipsl.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ipsl.cli.IpslMain;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step of the release archive: the bash/zsh completion script and the AsciiDoc man pages
 * (one per command, converted to troff by Asciidoctor afterwards), both from the command line as
 * {@code ipsl} runs it, so they cannot drift from it.
 */
public final class ReleaseFiles {
	private ReleaseFiles() {
	}

	/** {@code ReleaseFiles COMPLETION_FILE MAN_PAGE_FOLDER}. */
	public static void main(String[] args) throws IOException {
		CommandLine ipsl = IpslMain.commandLine();
		Path completion = Path.of(args[0]);
		Files.createDirectories(completion.getParent());
		Files.writeString(completion, AutoComplete.bash("ipsl", ipsl), StandardCharsets.UTF_8);
		File manPages = new File(args[1]);
		Files.createDirectories(manPages.toPath());
		ManPageGenerator.generateManPage(manPages, null, new boolean[0], true, ipsl.getCommandSpec());
	}
}
