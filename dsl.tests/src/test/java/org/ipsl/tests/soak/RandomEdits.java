package org.ipsl.tests.soak;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * A seeded stream of edits to the documents of one workspace, as an editor's user makes them:
 * lines of the workspace typed elsewhere (valid text), stray characters and half-words (invalid
 * text), deletions of a few characters up to a few lines, and now and then a document put back as
 * it was, so that the text stays close enough to IPSL for every analysis to keep running. It
 * keeps each document's current text, so positions are always inside it.
 */
final class RandomEdits {
	/** One incremental change: replace {@code range} of {@code file} by {@code text}. */
	record Edit(Path file, Range range, String text) {
	}

	/** Characters a user types into IPSL, and some the grammar has no place for. */
	private static final String TYPED = "abcdefghijklmnopqrstuvwxyz0123456789 {}\"-./:#,>\n\t_=é–";
	private static final List<String> SNIPPETS = List.of(
			"    policy soak%d priority %d {\n        tcp from any to any port %d discard\n    }\n",
			"    policy soak%d priority %d {\n        udp from 10.1.0.0/16 to 10.2.0.0/16 port %d\n        protect corp-esp\n    }\n",
			"network soak%d = 10.%d.%d.0/24\n",
			"    policy soak%d priority %d { any from 300.1.1.%d to any pass }\n",
			"host soak%d {\n    address 192.0.2.%d\n    default %d\n}\n");

	private final Random random;
	private final Map<Path, String> originals;
	private final Map<Path, String> texts;
	private final List<Path> files;
	private final List<String> lines = new ArrayList<>();
	private int counter;

	RandomEdits(long seed, Map<Path, String> originals) {
		this.random = new Random(seed);
		this.originals = new LinkedHashMap<>(originals);
		this.texts = new LinkedHashMap<>(originals);
		this.files = List.copyOf(originals.keySet());
		originals.values().forEach(text -> text.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(l + "\n")));
	}

	String text(Path file) {
		return texts.get(file);
	}

	List<Path> files() {
		return files;
	}

	/** Puts {@code file} back as it was; the edit replaces its whole text. */
	Edit restore(Path file) {
		return apply(file, 0, texts.get(file).length(), originals.get(file));
	}

	Edit next() {
		Path file = files.get(random.nextInt(files.size()));
		String text = texts.get(file);
		int kind = random.nextInt(100);
		if (kind < 2)
			return restore(file);
		if (kind < 30) // a line of the workspace, at the start of a line: mostly valid, sometimes a duplicate
			return insert(file, lineStart(text), lines.get(random.nextInt(lines.size())));
		if (kind < 40) { // a whole declaration, valid or with an invalid value
			String snippet = SNIPPETS.get(random.nextInt(SNIPPETS.size()));
			counter++;
			return insert(file, lineStart(text),
					String.format(snippet, counter, random.nextInt(70000), random.nextInt(300)));
		}
		if (kind < 70) { // typing: one to four characters anywhere
			StringBuilder typed = new StringBuilder();
			for (int i = 1 + random.nextInt(4); i > 0; i--)
				typed.append(TYPED.charAt(random.nextInt(TYPED.length())));
			return insert(file, random.nextInt(text.length() + 1), typed.toString());
		}
		// deleting: mostly a few characters, sometimes a few lines; the text grows about as much
		int length = random.nextInt(10) == 0 ? 20 + random.nextInt(120) : 1 + random.nextInt(8);
		int start = random.nextInt(text.length() + 1);
		return apply(file, start, Math.min(text.length(), start + length), "");
	}

	/** A position anywhere in {@code file}'s current text, end of text included. */
	Position anyPosition(Path file) {
		String text = texts.get(file);
		return position(text, random.nextInt(text.length() + 1));
	}

	Path anyFile() {
		return files.get(random.nextInt(files.size()));
	}

	int nextInt(int bound) {
		return random.nextInt(bound);
	}

	private int lineStart(String text) {
		int offset = random.nextInt(text.length() + 1);
		return text.lastIndexOf('\n', offset - 1) + 1;
	}

	private Edit insert(Path file, int offset, String inserted) {
		return apply(file, offset, offset, inserted);
	}

	private Edit apply(Path file, int start, int end, String replacement) {
		String text = texts.get(file);
		Range range = new Range(position(text, start), position(text, end));
		texts.put(file, text.substring(0, start) + replacement + text.substring(end));
		return new Edit(file, range, replacement);
	}

	/** LSP positions count UTF-16 units, as Java strings do; every character typed here is one unit. */
	static Position position(String text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
			line++;
			lineStart = i + 1;
		}
		return new Position(line, offset - lineStart);
	}
}
