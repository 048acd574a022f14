package org.ipsl.tests.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No generated script puts a secret on a command line, where {@code ps} shows it to every local
 * user: every command each script executes (here-documents are standard input, not arguments) is
 * split into its words, and no word holds a preshared secret or a key, in any form. The files that
 * do hold them are owner-only. Every example workspace and the keyed cases, for every target and
 * HP-UX release.
 */
class NoSecretOnCommandLineTest {
	private static final Pattern PRESHARED = Pattern.compile("preshared\\s+\"((?:\\\\.|[^\"\\\\])*)\"");
	private static final Pattern PRESHARED_FILE = Pattern.compile("preshared\\s+file\\s+\"([^\"]+)\"");
	private static final Pattern KEY = Pattern.compile("(?:encryption|authentication)\\s+\\S+\\s+0x([0-9a-fA-F]{16,})");
	private static final Pattern HERE_DOCUMENT = Pattern.compile("<<-?\\s*'?([A-Za-z_][A-Za-z0-9_]*)'?");

	static Stream<Path> workspaces() throws IOException {
		List<Path> workspaces = new ArrayList<>();
		try (Stream<Path> examples = Files.list(Checker.examples())) {
			examples.filter(Files::isDirectory).sorted().forEach(workspaces::add);
		}
		workspaces.add(GeneratedWorkspaces.fixtures().resolve("manual-keys"));
		workspaces.add(GeneratedWorkspaces.fixtures().resolve("gateway"));
		return workspaces.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("workspaces")
	void noScriptRunsACommandWithASecret(Path workspace, @TempDir Path dir) throws IOException {
		check(workspace, secretsOf(workspace), dir);
	}

	/** The marked workspace: preshared secrets and manual keys that are searched as text and as hex. */
	@Test
	void noScriptRunsACommandWithAMarker(@TempDir Path dir) throws IOException {
		Path workspace = GeneratedWorkspaces.workspace(dir.resolve("w"), MarkedWorkspace.valid());
		Set<String> secrets = secretsOf(workspace);
		assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
		int holding = check(workspace, secrets, dir);
		assertThat(holding).as("files holding the markers").isEqualTo(MarkedWorkspace.HOLDERS.size() * 3);
	}

	/** The words of a command line with a key, and of one that reads it from a here-document. */
	@Test
	void theParserSeesAKeyInAnArgumentAndNotInAHereDocument() {
		String key = "0x00112233445566778899aabbccddeeff";
		assertThat(commandWords("ip xfrm state add src a dst b enc 'cbc(aes)' " + key + "\n"))
				.anyMatch(w -> w.equals(key));
		assertThat(commandWords("ip -batch - <<'END'\nxfrm state add enc cbc(aes) " + key + "\nEND\necho done\n"))
				.containsExactly("ip", "-batch", "-", "echo", "done");
	}

	/**
	 * Generates every target for every HP-UX release; asserts what the scripts run and the files'
	 * modes; answers how many files hold a secret.
	 */
	private static int check(Path workspace, Set<String> secrets, Path dir) throws IOException {
		int holding = 0;
		for (HpuxRelease release : HpuxRelease.values()) {
			Path out = dir.resolve("out-" + release);
			GeneratedWorkspaces.run(workspace, GeneratedWorkspaces.ALL, new GenerateOptions(release, 1), out);
			for (Map.Entry<String, String> file : GeneratedWorkspaces.files(out).entrySet()) {
				String text = file.getValue().toLowerCase(Locale.ROOT);
				boolean holds = secrets.stream().anyMatch(text::contains);
				if (holds) {
					holding++;
					assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(file.getKey()))))
							.as("%s holds a secret: owner-only", file.getKey()).endsWith("------");
				}
				if (!file.getKey().endsWith(".sh"))
					continue;
				for (String word : commandWords(file.getValue()))
					assertThat(secrets).as("a word of a command that %s runs", file.getKey())
							.noneMatch(s -> word.toLowerCase(Locale.ROOT).contains(s));
			}
		}
		return holding;
	}

	/** Each secret as it may be written: its text, and its bytes in hex (lower case, without 0x). */
	private static Set<String> secretsOf(Path workspace) throws IOException {
		Set<String> secrets = new LinkedHashSet<>();
		try (Stream<Path> files = Files.walk(workspace)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ipsl")).toList()) {
				String text = Files.readString(file);
				Matcher psk = PRESHARED.matcher(text);
				while (psk.find())
					addText(secrets, psk.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
				Matcher named = PRESHARED_FILE.matcher(text);
				while (named.find()) {
					Path secretFile = file.getParent().resolve(named.group(1));
					if (Files.isRegularFile(secretFile))
						addText(secrets, Files.readString(secretFile).strip());
				}
				Matcher key = KEY.matcher(text);
				while (key.find())
					secrets.add(key.group(1).toLowerCase(Locale.ROOT));
			}
		}
		return secrets;
	}

	private static void addText(Set<String> secrets, String secret) {
		if (secret.length() < 4)
			return;
		secrets.add(secret.toLowerCase(Locale.ROOT));
		secrets.add(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The words of every command a POSIX sh script runs: comment lines skipped, here-document
	 * bodies skipped (they are standard input), quotes removed. Enough for what IPSL writes.
	 */
	static List<String> commandWords(String script) {
		List<String> words = new ArrayList<>();
		String endOfHereDocument = null;
		for (String line : script.lines().toList()) {
			if (endOfHereDocument != null) {
				if (line.equals(endOfHereDocument))
					endOfHereDocument = null;
				continue;
			}
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#"))
				continue;
			Matcher here = HERE_DOCUMENT.matcher(line);
			if (here.find()) {
				endOfHereDocument = here.group(1);
				line = line.substring(0, here.start());
			}
			words.addAll(shellWords(line));
		}
		assertThat(endOfHereDocument).as("an unterminated here-document").isNull();
		return words;
	}

	private static List<String> shellWords(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\'' || c == '"') {
				int end = line.indexOf(c, i + 1);
				word.append(line, i + 1, end < 0 ? line.length() : end);
				i = end < 0 ? line.length() : end;
				inWord = true;
			} else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
				if (inWord)
					words.add(word.toString());
				word.setLength(0);
				inWord = false;
			} else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord)
			words.add(word.toString());
		return words;
	}
}
