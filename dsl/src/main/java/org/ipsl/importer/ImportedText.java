package org.ipsl.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a configuration file to import, or why it is not text: too large, not UTF-8, or
 * holding control characters (binary data). Nothing of a file that is not text is read.
 */
public final class ImportedText {
	/** Far more than any real host's configuration (thousands of entries), so that a wrong file fails fast. */
	public static final int MAX_BYTES = 4 * 1024 * 1024;

	/** @param lines the lines without their line breaks (a final {@code \r} removed); empty with a problem */
	public record Result(List<String> lines, ImportProblem problem) {
	}

	private ImportedText() {
	}

	/** @param kind what the file should be, for the size message: "a batch file" */
	public static Result read(Path file, byte[] bytes, String kind) {
		if (bytes.length > MAX_BYTES)
			return failed(file, 1, 1, "the file has " + bytes.length + " bytes; " + kind + " is at most " + MAX_BYTES
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
		List<String> lines = new ArrayList<>();
		String[] rows = text.split("\n", -1);
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].endsWith("\r") ? rows[i].substring(0, rows[i].length() - 1) : rows[i];
			int control = firstControl(row);
			if (control >= 0)
				return failed(file, i + 1, control + 1, "binary data: the file is not text (control character 0x"
						+ String.format("%02x", (int) row.charAt(control)) + ")");
			lines.add(row);
		}
		return new Result(lines, null);
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
			int length = b < 0x80
					? 1
					: b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
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
		return new Result(List.of(), new ImportProblem(file, line, column, message, true));
	}
}
