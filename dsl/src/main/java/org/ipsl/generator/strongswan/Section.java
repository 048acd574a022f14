package org.ipsl.generator.strongswan;

import java.util.ArrayList;
import java.util.List;

/** A section of strongSwan's settings format: settings, then subsections, one setting per line. */
final class Section {
	private final String name;
	private final List<String[]> settings = new ArrayList<>();
	private final List<Section> sections = new ArrayList<>();

	Section(String name) {
		this.name = name;
	}

	void set(String key, String value) {
		settings.add(new String[]{key, value});
	}

	void add(Section section) {
		sections.add(section);
	}

	boolean isEmpty() {
		return settings.isEmpty() && sections.isEmpty();
	}

	/** A value runs to the end of its line and {@code #} starts a comment: such values are quoted. */
	static boolean needsQuotes(String value) {
		return value.chars().anyMatch(c -> c == '#' || c == '{' || c == '}' || Character.isWhitespace(c))
				|| value.isEmpty();
	}

	void write(StringBuilder out, int depth) {
		String indent = "    ".repeat(depth);
		out.append(indent).append(name).append(" {\n");
		for (String[] setting : settings)
			out.append(indent).append("    ").append(setting[0]).append(" = ").append(setting[1]).append('\n');
		for (Section section : sections)
			section.write(out, depth + 1);
		out.append(indent).append("}\n");
	}
}
