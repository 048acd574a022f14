package org.ipsl.tests.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example command of the README and of docs/ and checks what it prints and its exit
 * code. An example is a fenced block marked {@code console}: a line {@code $ ipsl ARGS} is a
 * command, the lines after it are its standard output ({@code ...} stands for any lines), and
 * {@code # exit N} its exit code (0 when absent). The commands of one page run in order in a fresh
 * folder holding a copy of examples/, so one may use what an earlier one wrote; {@code *} in an
 * argument is expanded as a shell would.
 */
class DocExamplesTest {
	private static final String FENCE = "```";

	@TempDir
	Path work;

	record Command(String page, int line, List<String> args, List<String> expected, int exitCode) {
	}

	@TestFactory
	Stream<DynamicTest> everyExampleCommandPrintsWhatItsPageSays() throws IOException {
		Path docs = Path.of(System.getProperty("ipsl.docs", "../docs")).toAbsolutePath().normalize();
		List<Path> pages = new ArrayList<>();
		pages.add(docs.resolveSibling("README.md"));
		try (Stream<Path> files = Files.list(docs)) {
			files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		List<DynamicTest> tests = new ArrayList<>();
		for (Path page : pages) {
			List<Command> commands = commands(page);
			if (commands.isEmpty())
				continue;
			tests.add(DynamicTest.dynamicTest(page.getFileName().toString(), () -> runAll(page, commands)));
		}
		assertThat(tests).as("pages with example commands").hasSizeGreaterThanOrEqualTo(3);
		return tests.stream();
	}

	private void runAll(Path page, List<Command> commands) throws Exception {
		Path folder = Files.createDirectory(work.resolve(page.getFileName().toString()));
		Checker.copyTree(Checker.examples(), folder.resolve("examples"));
		for (Command command : commands) {
			IpslRun run = IpslRun.run(folder, expand(folder, command.args()).toArray(String[]::new));
			String where = command.page() + ":" + command.line() + ": ipsl " + String.join(" ", command.args());
			assertThat(run.exitCode()).as("%s: exit code (stderr: %s)", where, run.stderr())
					.isEqualTo(command.exitCode());
			List<String> actual = run.stdout().isEmpty() ? List.of() : List.of(run.stdout().split("\n", -1));
			if (!actual.isEmpty() && actual.get(actual.size() - 1).isEmpty())
				actual = actual.subList(0, actual.size() - 1);
			assertThat(matches(command.expected(), actual)).as("%s prints%n%s%nnot%n%s", where,
					String.join("\n", actual), String.join("\n", command.expected())).isTrue();
		}
	}

	/** The console blocks' commands of one page. */
	static List<Command> commands(Path page) throws IOException {
		List<String> lines = Files.readAllLines(page);
		List<Command> commands = new ArrayList<>();
		boolean inConsole = false, inOther = false;
		List<String> args = null, expected = null;
		int exit = 0, at = 0, indent = 0;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			// a block inside a list item is indented: its lines lose the fence's indentation
			int spaces = line.length() - line.stripLeading().length();
			line = line.substring(Math.min(spaces, inConsole || inOther ? indent : spaces));
			if (line.startsWith(FENCE)) {
				if (!inConsole && !inOther)
					indent = spaces;
				if (inConsole && args != null)
					commands.add(new Command(page.getFileName().toString(), at, args, expected, exit));
				args = null;
				if (inConsole || inOther) {
					inConsole = inOther = false;
				} else if (line.equals(FENCE + "console"))
					inConsole = true;
				else
					inOther = true;
			} else if (inConsole && line.startsWith("$ ")) {
				if (args != null)
					commands.add(new Command(page.getFileName().toString(), at, args, expected, exit));
				List<String> words = words(line.substring(2));
				assertThat(words.get(0)).as("%s:%d: an example command starts with ipsl", page.getFileName(), i + 1)
						.isEqualTo("ipsl");
				args = words.subList(1, words.size());
				expected = new ArrayList<>();
				exit = 0;
				at = i + 1;
			} else if (inConsole && args != null && line.startsWith("# exit ")) {
				exit = Integer.parseInt(line.substring("# exit ".length()).trim());
			} else if (inConsole && args != null) {
				expected.add(line);
			}
		}
		return commands;
	}

	/** Words separated by spaces; double quotes keep spaces. */
	static List<String> words(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		boolean quoted = false;
		for (char c : line.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
				if (word == null)
					word = new StringBuilder();
			} else if (c == ' ' && !quoted) {
				if (word != null)
					words.add(word.toString());
				word = null;
			} else {
				if (word == null)
					word = new StringBuilder();
				word.append(c);
			}
		}
		if (word != null)
			words.add(word.toString());
		return words;
	}

	/** {@code examples/*}{@code /} as sh expands it: the matching paths, sorted, a trailing slash kept. */
	private static List<String> expand(Path folder, List<String> args) throws IOException {
		List<String> expanded = new ArrayList<>();
		for (String arg : args) {
			if (!arg.contains("*")) {
				expanded.add(arg);
				continue;
			}
			boolean folders = arg.endsWith("/");
			String pattern = folders ? arg.substring(0, arg.length() - 1) : arg;
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
			try (Stream<Path> paths = Files.walk(folder, pattern.split("/").length)) {
				paths.map(folder::relativize).filter(matcher::matches)
						.filter(p -> !folders || Files.isDirectory(folder.resolve(p))).map(Path::toString).sorted()
						.forEach(p -> expanded.add(folders ? p + "/" : p));
			}
		}
		return expanded;
	}

	/** Line by line; a line {@code ...} in {@code expected} stands for any number of lines. */
	static boolean matches(List<String> expected, List<String> actual) {
		if (expected.isEmpty())
			return actual.isEmpty();
		if (expected.get(0).equals("...")) {
			for (int skip = 0; skip <= actual.size(); skip++)
				if (matches(expected.subList(1, expected.size()), actual.subList(skip, actual.size())))
					return true;
			return false;
		}
		return !actual.isEmpty() && expected.get(0).equals(actual.get(0))
				&& matches(expected.subList(1, expected.size()), actual.subList(1, actual.size()));
	}
}
