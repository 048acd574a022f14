package org.ipsl.tests.realtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a generated swanctl.conf (one per line, as the generator writes them), by their
 * section path: {@code connections.to-beta.children.sites.local_ts}.
 */
record SwanctlConf(Map<String, String> settings) {

	static SwanctlConf read(Path file) throws IOException {
		Map<String, String> settings = new LinkedHashMap<>();
		Deque<String> sections = new ArrayDeque<>();
		for (String raw : Files.readAllLines(file)) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#"))
				continue;
			if (line.endsWith("{"))
				sections.addLast(line.substring(0, line.length() - 1).strip());
			else if (line.equals("}"))
				sections.removeLast();
			else {
				int eq = line.indexOf('=');
				if (eq < 0)
					throw new AssertionError(file + ": not a setting: " + line);
				settings.put(
						String.join(".", sections) + (sections.isEmpty() ? "" : ".") + line.substring(0, eq).strip(),
						line.substring(eq + 1).strip());
			}
		}
		return new SwanctlConf(settings);
	}

	/** The connections' names, in the file's order. */
	List<String> connections() {
		return settings.keySet().stream().filter(k -> k.startsWith("connections."))
				.map(k -> k.split("\\.")[1]).distinct().toList();
	}

	/** A setting of the file's only connection. */
	String connection(String key) {
		return setting("connections." + onlyConnection() + "." + key);
	}

	/** A setting of one child of the file's only connection. */
	String child(String child, String key) {
		return setting("connections." + onlyConnection() + ".children." + child + "." + key);
	}

	/** A setting of the child of that name in whichever connection has it, or null. */
	String anyChild(String child, String key) {
		return settings.entrySet().stream()
				.filter(e -> e.getKey().startsWith("connections.")
						&& e.getKey().endsWith(".children." + child + "." + key))
				.map(Map.Entry::getValue).findFirst().orElse(null);
	}

	private String onlyConnection() {
		List<String> names = connections();
		if (names.size() != 1)
			throw new AssertionError("one connection expected, found " + names);
		return names.get(0);
	}

	private String setting(String path) {
		String value = settings.get(path);
		if (value == null)
			throw new AssertionError("no " + path + " in " + settings.keySet());
		return value;
	}
}
