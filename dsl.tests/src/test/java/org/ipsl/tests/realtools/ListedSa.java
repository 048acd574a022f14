package org.ipsl.tests.realtools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SA as {@code swanctl --list-sas --raw} prints it: an IKE_SA (its connection's name, its
 * {@code key=value} pairs, its CHILD_SAs) or a CHILD_SA (the child's name, its pairs). Values are
 * kept in strongSwan's text, a traffic-selector list as printed ({@code [10.1.0.0/16]}).
 */
record ListedSa(String name, Map<String, String> values, List<ListedSa> children) {
	/**
	 * Where a value that may hold spaces (a DN: {@code C=CH, O=strongSwan}) ends: at a lower-case
	 * key and {@code =}, as swanctl's keys are, or at a section's name and {@code  {}.
	 */
	private static final Pattern NEXT_ENTRY = Pattern.compile(" [a-z][a-z0-9-]*=| [^ ={}\\[\\]]+ \\{");

	String get(String key) {
		return values.get(key);
	}

	ListedSa child(String childName) {
		return children.stream().filter(c -> c.name.equals(childName)).findFirst()
				.orElseThrow(() -> new AssertionError("no CHILD_SA " + childName + " in " + this));
	}

	/** The IKE_SAs of every {@code list-sa event} line of the output. */
	static List<ListedSa> parse(String output) {
		List<ListedSa> sas = new ArrayList<>();
		for (String line : output.lines().toList()) {
			if (!line.startsWith("list-sa event {"))
				continue;
			Parser parser = new Parser(line, "list-sa event ".length());
			for (Map.Entry<String, Object> ike : parser.section().entrySet())
				sas.add(ike(ike.getKey(), section(ike.getValue())));
		}
		return sas;
	}

	private static ListedSa ike(String name, Map<String, Object> entries) {
		List<ListedSa> children = new ArrayList<>();
		Object childSas = entries.get("child-sas");
		if (childSas != null)
			for (Object child : section(childSas).values()) {
				Map<String, String> values = values(section(child));
				children.add(new ListedSa(values.get("name"), values, List.of()));
			}
		return new ListedSa(name, values(entries), children);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Object entry) {
		if (!(entry instanceof Map))
			throw new AssertionError("a section expected, found " + entry);
		return (Map<String, Object>) entry;
	}

	private static Map<String, String> values(Map<String, Object> entries) {
		Map<String, String> values = new LinkedHashMap<>();
		entries.forEach((key, value) -> {
			if (value instanceof String text)
				values.put(key, text);
		});
		return values;
	}

	/** {@code {key=value key=[list] key {...}}}: values are Strings, sections are Maps. */
	private static final class Parser {
		private final String text;
		private int at;

		Parser(String text, int at) {
			this.text = text;
			this.at = at;
		}

		Map<String, Object> section() {
			expect('{');
			Map<String, Object> entries = new LinkedHashMap<>();
			while (true) {
				while (at < text.length() && text.charAt(at) == ' ')
					at++;
				if (at >= text.length())
					throw new AssertionError("unterminated section in: " + text);
				if (text.charAt(at) == '}') {
					at++;
					return entries;
				}
				int keyStart = at;
				while (at < text.length() && " ={".indexOf(text.charAt(at)) < 0)
					at++;
				String key = text.substring(keyStart, at);
				if (at < text.length() && text.charAt(at) == '=') {
					at++;
					entries.put(key, value());
				} else {
					at++;
					entries.put(key, section());
				}
			}
		}

		private String value() {
			int start = at;
			if (text.startsWith("[", at)) {
				at = text.indexOf(']', at) + 1;
				if (at == 0)
					throw new AssertionError("unterminated list in: " + text);
				return text.substring(start, at);
			}
			Matcher next = NEXT_ENTRY.matcher(text).region(at, text.length());
			int end = text.indexOf('}', at);
			if (next.find() && (end < 0 || next.start() < end))
				end = next.start();
			if (end < 0)
				throw new AssertionError("unterminated value in: " + text);
			at = end;
			return text.substring(start, end);
		}

		private void expect(char c) {
			if (at >= text.length() || text.charAt(at) != c)
				throw new AssertionError("'" + c + "' expected at " + at + " in: " + text);
			at++;
		}
	}
}
