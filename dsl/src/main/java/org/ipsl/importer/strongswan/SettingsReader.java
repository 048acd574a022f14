package org.ipsl.importer.strongswan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ipsl.importer.ImportedText;

/**
 * strongSwan's settings syntax, as swanctl.conf and strongswan.conf use it: {@code name { ... }}
 * sections, {@code key = value} settings (a value runs to the end of the line or is a double-quoted
 * string), {@code #} comments, and {@code include PATTERN} (a file or a glob, relative to the
 * including file's folder) anywhere a setting may stand.
 */
final class SettingsReader {
	/** Deeper than any real configuration (swanctl.conf nests four levels), so that hostile input fails fast. */
	private static final int MAX_DEPTH = 32;
	private static final int MAX_INCLUDES = 16;

	private final Problems problems;
	private final Set<Path> reading = new HashSet<>();
	/** Every file read, in order: the configuration's own and those it includes. */
	final List<Path> files = new ArrayList<>();

	SettingsReader(Problems problems) {
		this.problems = problems;
	}

	/** The file's top-level section, or null when the file cannot be read (reported). */
	Section read(Path file) throws IOException {
		Section root = new Section("", new Where(file, 1, 1));
		return include(file, root, 0, null) ? root : null;
	}

	private boolean include(Path file, Section into, int depth, Where from) throws IOException {
		Path key = file.toAbsolutePath().normalize();
		if (!reading.add(key)) {
			problems.unreadable(from, "include cycle: " + file + " is already being read");
			return false;
		}
		try {
			byte[] bytes = Files.readAllBytes(file);
			ImportedText.Result text = ImportedText.read(file, bytes, "a strongSwan configuration file");
			if (text.problem() != null) {
				problems.problems.add(text.problem());
				return false;
			}
			files.add(file);
			new Cursor(file, text.lines(), depth).body(into, 0);
			return true;
		} finally {
			reading.remove(key);
		}
	}

	/** Reads one file's text. */
	private final class Cursor {
		final Path file;
		final List<String> lines;
		final int includeDepth;
		int line;
		int col;

		Cursor(Path file, List<String> lines, int includeDepth) {
			this.file = file;
			this.lines = lines;
			this.includeDepth = includeDepth;
		}

		Where here() {
			return new Where(file, line + 1, col + 1);
		}

		boolean atEnd() {
			return line >= lines.size();
		}

		/** The current character, or '\n' at the end of a line. */
		char peek() {
			String row = lines.get(line);
			return col < row.length() ? row.charAt(col) : '\n';
		}

		void nextLine() {
			line++;
			col = 0;
		}

		/** Skips blanks and comments, and line ends too if {@code acrossLines}. */
		void skip(boolean acrossLines) {
			while (!atEnd()) {
				char c = peek();
				if (c == ' ' || c == '\t')
					col++;
				else if (c == '#')
					col = lines.get(line).length();
				else if (c == '\n' && acrossLines)
					nextLine();
				else
					return;
			}
		}

		String word() {
			String row = lines.get(line);
			int start = col;
			while (col < row.length() && " \t{}=#\":".indexOf(row.charAt(col)) < 0)
				col++;
			return row.substring(start, col);
		}

		/** Reads settings and sections up to the closing brace (or the end of the file at level 0). */
		void body(Section into, int depth) throws IOException {
			while (true) {
				skip(true);
				if (atEnd()) {
					if (depth > 0)
						problems.unreadable(into.at, "section '" + into.name + "' is not closed (a } is missing)");
					return;
				}
				Where at = here();
				char c = peek();
				if (c == '}') {
					col++;
					if (depth > 0)
						return;
					problems.unreadable(at, "a } without a section to close");
					continue;
				}
				String name = word();
				if (name.isEmpty()) {
					problems.unreadable(at,
							"unexpected '" + c + "': a setting (name = value) or section (name { ... }) was expected");
					nextLine();
					continue;
				}
				skip(false);
				char next = atEnd() ? '\n' : peek();
				if (name.equals("include") && next != '=' && next != '{' && next != '\n') {
					includePattern(into, depth, at);
					continue;
				}
				if (next == '=') {
					col++;
					String value = value();
					if (value != null)
						into.put(new Setting(name, value, at));
					continue;
				}
				if (next == ':') { // templates (strongswan.conf 5.7+): the section inherits others; read it plainly
					while (!atEnd() && peek() != '{' && peek() != '\n')
						col++;
					next = atEnd() ? '\n' : peek();
				}
				if (next == '\n') {
					skip(true);
					next = atEnd() ? '\n' : peek();
				}
				if (next == '{') {
					col++;
					if (depth + 1 > MAX_DEPTH) {
						problems.unreadable(at, "sections nested deeper than " + MAX_DEPTH + " levels");
						return;
					}
					body(into.section(name, at), depth + 1);
					continue;
				}
				problems.unreadable(at, "'" + name + "' is followed by neither = VALUE nor { (a section)");
				nextLine();
			}
		}

		/** The value after '=': a quoted string, or the rest of the line without a comment, trimmed. */
		String value() {
			skip(false);
			if (atEnd())
				return "";
			String row = lines.get(line);
			if (peek() == '"') {
				Where open = here();
				StringBuilder text = new StringBuilder();
				col++;
				while (col < row.length() && row.charAt(col) != '"') {
					char c = row.charAt(col++);
					if (c == '\\' && col < row.length()) {
						char e = row.charAt(col++);
						text.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
					} else
						text.append(c);
				}
				if (col >= row.length()) {
					problems.unreadable(open, "the line ends inside a quoted value (a closing \" is missing)");
					nextLine();
					return null;
				}
				col++;
				return text.toString();
			}
			int start = col;
			while (col < row.length() && row.charAt(col) != '#' && row.charAt(col) != '}')
				col++;
			return row.substring(start, col).trim();
		}

		void includePattern(Section into, int depth, Where at) throws IOException {
			String row = lines.get(line);
			int end = row.indexOf('#', col);
			String pattern = row.substring(col, end < 0 ? row.length() : end).trim();
			if (pattern.length() >= 2 && pattern.startsWith("\"") && pattern.endsWith("\""))
				pattern = pattern.substring(1, pattern.length() - 1);
			nextLine();
			if (includeDepth + 1 > MAX_INCLUDES) {
				problems.unreadable(at, "includes nested deeper than " + MAX_INCLUDES + " files");
				return;
			}
			Path base = file.toAbsolutePath().getParent();
			Path target = base.resolve(pattern);
			List<Path> matches = new ArrayList<>();
			if (pattern.contains("*") || pattern.contains("?") || pattern.contains("[")) {
				Path folder = target.getParent();
				if (folder != null && Files.isDirectory(folder))
					try (DirectoryStream<Path> found = Files.newDirectoryStream(folder,
							target.getFileName().toString())) {
						found.forEach(matches::add);
					}
				matches.sort(null);
				if (matches.isEmpty())
					return; // strongSwan includes nothing for a pattern that matches nothing
			} else if (!Files.isRegularFile(target)) {
				problems.unreadable(at, "include " + pattern + ": no such file");
				return;
			} else
				matches.add(target);
			for (Path match : matches)
				include(match, into, includeDepth + 1, at);
		}
	}
}
