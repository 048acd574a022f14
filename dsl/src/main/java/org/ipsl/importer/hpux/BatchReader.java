package org.ipsl.importer.hpux;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch file into lines of words. {@code ipsec_config} splits a batch line at white space;
 * a value with spaces (an X.500 DN) is written in double quotes. Blank lines and lines whose first
 * word starts with {@code #} carry no command.
 */
final class BatchReader {
	/** Far more than any real host's configuration (thousands of policies), so that a wrong file fails fast. */
	static final int MAX_BYTES = 4 * 1024 * 1024;

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
		if (bytes.length > MAX_BYTES)
			return failed(file, 1, 1, "the file has " + bytes.length + " bytes; a batch file is at most " + MAX_BYTES
					+ " bytes (is it the right file?)");
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			int bad = firstInvalidUtf8(bytes);
			return failed(file, lineOf(bytes, bad), columnOf(bytes, bad), "binary data: the file is not text (byte 0x"
					+ String.format("%02x", bytes[bad] & 0xff) + " is not UTF-8)");
		}
		List<Line> lines = new ArrayList<>();
		List<ImportProblem> problems = new ArrayList<>();
		String[] rows = text.split("\n", -1);
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].endsWith("\r") ? rows[i].substring(0, rows[i].length() - 1) : rows[i];
			int control = firstControl(row);
			if (control >= 0)
				return failed(file, i + 1, control + 1, "binary data: the file is not text (control character 0x"
						+ String.format("%02x", (int) row.charAt(control)) + ")");
			words(file, i + 1, row, lines, problems);
		}
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
							"the line ends inside a quoted value (a closing \" is missing: is the line cut off?)", true));
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

	private static int firstControl(String row) {
		for (int i = 0; i < row.length(); i++) {
			char c = row.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7f)
				return i;
		}
		return -1;
	}

	/** Where the first byte sequence that is not UTF-8 starts (the decoder only says that one exists). */
	private static int firstInvalidUtf8(byte[] bytes) {
		int i = 0;
		while (i < bytes.length) {
			int b = bytes[i] & 0xff;
			int length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
			if (length == 0 || i + length > bytes.length)
				return i;
			for (int k = 1; k < length; k++)
				if ((bytes[i + k] & 0xc0) != 0x80)
					return i;
			i += length;
		}
		return 0; // an overlong form or a surrogate: the decoder's finer rules; the start is as good a place as any
	}

	private static int lineOf(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++)
			if (bytes[i] == '\n')
				line++;
		return line;
	}

	private static int columnOf(byte[] bytes, int offset) {
		int column = 1;
		for (int i = offset - 1; i >= 0 && bytes[i] != '\n'; i--)
			column++;
		return column;
	}

	private static Result failed(Path file, int line, int column, String message) {
		return new Result(List.of(), List.of(new ImportProblem(file, line, column, message, true)));
	}
}
