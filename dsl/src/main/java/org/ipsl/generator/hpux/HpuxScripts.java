package org.ipsl.generator.hpux;

import java.util.List;

import org.ipsl.generator.hpux.HpuxCommands.Command;

/**
 * Writes a host's commands as an {@code ipsec_config batch} file, and the shell script that loads
 * it. The batch file holds the commands only: no stored HP manual page shows a comment syntax for
 * batch files, so the header and the unconfirmed notes are comments of the script, where they are
 * certain. The script passes the file's name, never its content, so no preshared key or manual key
 * is ever on a command line (where {@code ps} shows it to every local user).
 */
final class HpuxScripts {
	private HpuxScripts() {
	}

	static String batch(List<Command> commands) {
		StringBuilder out = new StringBuilder();
		for (Command command : commands)
			out.append(String.join(" ", command.words().stream().map(HpuxScripts::batchWord).toList())).append('\n');
		return out.toString();
	}

	static String script(String header, List<String> notes) {
		StringBuilder out = new StringBuilder();
		out.append("#!/bin/sh\n");
		out.append("# ").append(header).append('\n');
		out.append("# Run as root on the HP-UX host: it loads ").append(HpuxGenerator.BATCH)
				.append(" (beside this script) with ipsec_config batch.\n");
		out.append(
				"# The batch file holds no comments: no HP-UX manual page shows a comment syntax for batch files.\n");
		if (!notes.isEmpty()) {
			out.append(
					"# Unconfirmed: no stored HP manual page states these for this release; check them against its ipsec_config(1M):\n");
			for (String note : notes)
				out.append("#   ").append(note).append('\n');
		}
		out.append("dir=$(dirname \"$0\")\n");
		out.append("exec ipsec_config batch \"$dir/").append(HpuxGenerator.BATCH).append("\"\n");
		return out.toString();
	}

	/** ipsec_config splits a batch line at whitespace; a value with spaces (an X.500 DN) is quoted, as HP-UX documents. */
	private static String batchWord(String word) {
		return word.chars().anyMatch(Character::isWhitespace) ? "\"" + word + "\"" : word;
	}
}
