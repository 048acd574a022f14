package org.ipsl.importer.hpux;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.hpux.BatchReader.Line;
import org.ipsl.importer.hpux.BatchReader.Word;

/**
 * The {@code add} operations a batch file may hold and their options, from HP's manuals
 * (../shared/reference/hpux-ipsec-config.md §1–§6). Options are written in full; where a manual
 * prints an abbreviation ({@code -rem[ote]}) every spelling from the short form to the full one is
 * accepted. {@code -nocommit} and {@code -profile} are refused: the manuals forbid them inside a batch
 * file.
 */
final class BatchSyntax {
	/** Per object, its options as the manuals print them; {@code [..]} marks the optional tail. */
	private static final Map<String, List<String>> OPTIONS = Map.of(
			"host", List.of("-source", "-destination", "-protocol", "-priority", "-action", "-flags", "-tunnel", "-in",
					"-out"),
			"tunnel", List.of("-source", "-destination", "-protocol", "-action", "-tsource", "-tdestination"),
			"ike", List.of("-rem[ote]", "-priority", "-group", "-hash", "-encryption", "-authentication", "-auth",
					"-life", "-pfs", "-maxqm"),
			"auth", List.of("-rem[ote]", "-ltype", "-lid", "-rtype", "-rid", "-preshared", "-exchange",
					"-local_method", "-remote_method"),
			"bypass", List.of(),
			"startup", List.of("-spd_soft", "-spd_hard", "-auditlvl", "-spi_min", "-spi_max"));

	private BatchSyntax() {
	}

	/** The command of a line, or why it cannot be read. */
	static Object parse(Path file, Line line) {
		List<Word> words = line.words();
		Word operation = words.get(0);
		if (!operation.text().equals("add"))
			return problem(file, line, operation, "'" + operation.text()
					+ "' is not an operation the importer reads: a batch file of a configuration holds 'add' lines");
		if (words.size() < 2)
			return problem(file, line, end(operation), "the line ends after 'add': an object (host, tunnel, ike, auth, "
					+ "bypass or startup) is missing (is the line cut off?)");
		Word objectWord = words.get(1);
		String object = objectWord.text().equals("ikev1") ? "ike" : objectWord.text();
		if (!OPTIONS.containsKey(object))
			return problem(file, line, objectWord, "unknown object '" + objectWord.text()
					+ "': the importer reads add host, tunnel, ike, ikev1, auth, bypass and startup");
		int next = 2;
		Word name = null;
		if (!object.equals("startup")) {
			if (words.size() < 3 || words.get(2).text().startsWith("-"))
				return problem(file, line, words.size() < 3 ? end(objectWord) : words.get(2), "add " + objectWord.text()
						+ " needs " + (object.equals("bypass") ? "an address" : "a name") + " here");
			name = words.get(2);
			next = 3;
		}
		Map<String, Command.Option> options = new LinkedHashMap<>();
		for (int i = next; i < words.size(); i += 2) {
			Word option = words.get(i);
			if (option.text().equals("-nocommit") || option.text().equals("-nc") || option.text().equals("-profile"))
				return problem(file, line, option, option.text() + " is not allowed inside a batch file");
			Optional<String> full = fullName(object, option.text());
			if (full.isEmpty())
				return problem(file, line, option, "unknown option '" + option.text() + "' of add " + objectWord.text()
						+ (OPTIONS.get(object).isEmpty()
								? ", which takes none"
								: ": it takes "
										+ String.join(", ", OPTIONS.get(object))));
			if (i + 1 >= words.size())
				return problem(file, line, end(option),
						option.text() + " needs a value, and the line ends here (is it cut off?)");
			if (options.containsKey(full.get()))
				return problem(file, line, option, full.get() + " is given twice");
			options.put(full.get(), new Command.Option(option, words.get(i + 1)));
		}
		return new Command(line.number(), object, name, options);
	}

	private static Optional<String> fullName(String object, String written) {
		for (String printed : OPTIONS.get(object)) {
			int bracket = printed.indexOf('[');
			String full = printed.replace("[", "").replace("]", "");
			if (bracket < 0
					? written.equals(full)
					: written.length() >= bracket && full.startsWith(written))
				return Optional.of(full);
		}
		return Optional.empty();
	}

	/** Where the next word would start: after the last one and a space. */
	private static Word end(Word last) {
		return new Word("", last.column() + last.text().length() + 1);
	}

	private static ImportProblem problem(Path file, Line line, Word at, String message) {
		return new ImportProblem(file, line.number(), at.column(), message, true);
	}
}
