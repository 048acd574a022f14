package org.ipsl.generator.hpux;

import java.util.List;
import java.util.regex.Pattern;

import org.ipsl.generator.hpux.HpuxCommands.Command;

/** Writes a host's commands as an {@code ipsec_config batch} file and as a POSIX shell script. */
final class HpuxScripts {
	/** Words that need no quoting, in a batch file or in sh. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=+,@%^-]+");

	private HpuxScripts() {
	}

	static String batch(String header, List<Command> commands, List<String> notes) {
		StringBuilder out = new StringBuilder();
		out.append("# ").append(header).append('\n');
		out.append("# Load with: ipsec_config batch ipsec_config.batch -- all or nothing: one invalid line and nothing is added.\n");
		notes(out, notes);
		for (Command command : commands)
			out.append(String.join(" ", command.words().stream().map(HpuxScripts::batchWord).toList())).append('\n');
		return out.toString();
	}

	static String script(String header, List<Command> commands, List<String> notes) {
		StringBuilder out = new StringBuilder();
		out.append("#!/bin/sh\n");
		out.append("# ").append(header).append('\n');
		out.append("# The commands of ipsec_config.batch one at a time, as root; it stops at the first that fails.\n");
		notes(out, notes);
		// The message names the object only: later words may be a preshared secret or a key.
		out.append("run() {\n");
		out.append("    \"$@\" || {\n");
		out.append("        status=$?\n");
		out.append("        echo \"ipsec_config.sh: ipsec_config ${2-} ${3-} ${4-} failed (exit status $status)\" >&2\n");
		out.append("        exit \"$status\"\n");
		out.append("    }\n");
		out.append("}\n");
		for (Command command : commands)
			out.append("run ipsec_config ")
					.append(String.join(" ", command.words().stream().map(HpuxScripts::shellWord).toList()))
					.append('\n');
		return out.toString();
	}

	private static void notes(StringBuilder out, List<String> notes) {
		if (notes.isEmpty())
			return;
		out.append("# Unconfirmed: no HP-UX text for this release was found; check these against its ipsec_config(1M):\n");
		for (String note : notes)
			out.append("#   ").append(note).append('\n');
	}

	/** ipsec_config splits a batch line at whitespace; a value with spaces (an X.500 DN) is quoted, as HP-UX documents. */
	private static String batchWord(String word) {
		return word.chars().anyMatch(Character::isWhitespace) ? "\"" + word + "\"" : word;
	}

	private static String shellWord(String word) {
		return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
	}
}
