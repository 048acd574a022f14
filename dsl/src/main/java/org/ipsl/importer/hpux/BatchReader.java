package org.ipsl.importer.hpux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.ImportedText;

/**
 * Splits a batch file into lines of words. {@code ipsec_config} splits a batch line at white space;
 * a value with spaces (an X.500 DN) is written in double quotes. Blank lines and lines whose first
 * word starts with {@code #} carry no command.
 */
final class BatchReader {
	/** One word as written (quotes included) and its column, from 1. */
	record Word(String text, int column) {
		/** The value without the double quotes around it. */
		String unquoted() {
			return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
					? text.substring(1, text.length() - 1)
					: text;
		}
	}

	/** A line that holds a command: its number, from 1, and its words. */
	record Line(int number, List<Word> words) {
	}

	/** The lines, or the file's first problem: nothing of a file that is not text is read. */
	record Result(List<Line> lines, List<ImportProblem> problems) {
	}

	private BatchReader() {
	}

	static Result read(Path file, byte[] bytes) {
		ImportedText.Result text = ImportedText.read(file, bytes, "a batch file");
		if (text.problem() != null)
			return new Result(List.of(), List.of(text.problem()));
		List<Line> lines = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		for (int i = 0; i < text.lines().size(); i++)
			words(file, i + 1, text.lines().get(i), lines, problems);
		return new Result(lines, problems);
	}

	private static void words(Path file, int number, String row, List<Line> lines, List<ImportProblem> problems) {
		List<Word> words = new ArrayList<>();
		int i = 0;
		while (i < row.length()) {
			char c = row.charAt(i);
			if (c == ' ' || c == '\t') {
				i++;
				continue;
			}
			int start = i;
			if (c == '"') {
				int close = row.indexOf('"', i + 1);
				if (close < 0) {
					problems.add(new ImportProblem(file, number, start + 1,
							"the line ends inside a quoted value (a closing \" is missing: is the line cut off?)",
							true));
					return;
				}
				i = close + 1;
			} else
				while (i < row.length() && row.charAt(i) != ' ' && row.charAt(i) != '\t')
					i++;
			words.add(new Word(row.substring(start, i), start + 1));
		}
		if (!words.isEmpty() && !words.get(0).text().startsWith("#"))
			lines.add(new Line(number, List.copyOf(words)));
	}
}
