package org.ipsl.analysis.ikev2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code swanctl --list-sas} checks of a corpus scenario's evaltest.dat, read as connection name,
 * child name and {@code key=value} pairs (a test helper; the corpus stays in ../shared).
 */
record EvaltestLines(List<Check> checks) {
	static final Path CORPUS = Path.of("..", "..", "shared", "corpus", "strongswan-tests", "tests").toAbsolutePath()
			.normalize();
	private static final Pattern PAIR = Pattern
			.compile("([a-z][a-z0-9-]*)=(\\\\\\[[^\\]]*\\]|[^\\s*]+?)(?=\\s|\\.\\*|$)");

	/** One line: on {@code host}, an SA of connection {@code name} has {@code ike} (and a child {@code child} has {@code childPairs}). */
	record Check(String host, String name, Map<String, String> ike, String child, Map<String, String> childPairs,
			boolean yes) {
	}

	static EvaltestLines of(String suite, String scenario) throws IOException {
		List<Check> checks = new ArrayList<>();
		for (String line : Files.readAllLines(CORPUS.resolve(suite).resolve(scenario).resolve("evaltest.dat"))) {
			String[] parts = line.split("::");
			if (parts.length < 4 || !parts[1].contains("swanctl --list-sas --raw") || parts[1].contains("--ike-id"))
				continue;
			String regex = parts[2];
			int split = regex.indexOf("child-sas");
			String ikePart = split < 0 ? regex : regex.substring(0, split);
			String childPart = split < 0 ? "" : regex.substring(split + "child-sas".length());
			String name = ikePart.split("\\.\\*", 2)[0];
			String child = childPart.startsWith(".*") ? childPart.substring(2).split("\\.\\*", 2)[0] : "";
			checks.add(new Check(parts[0].trim(), name, pairs(ikePart), child, pairs(childPart),
					parts[3].trim().equals("YES")));
		}
		return new EvaltestLines(checks);
	}

	private static Map<String, String> pairs(String text) {
		Map<String, String> pairs = new LinkedHashMap<>();
		Matcher m = PAIR.matcher(text);
		while (m.find())
			pairs.put(m.group(1), m.group(2).replace("\\", ""));
		return pairs;
	}

	/** A JSON value as the corpus compares it: yes/no, decimal text, a selector list in brackets. */
	static String text(Object value) {
		if (value instanceof Boolean b)
			return b ? "yes" : "no";
		if (value instanceof List<?> list)
			return "[" + String.join(" ", list.stream().map(Object::toString).toList()) + "]";
		return value.toString();
	}

	/** The pairs of {@code wanted} that {@code predicted} says otherwise or not at all, among the keys IPSL predicts. */
	static List<String> disagreements(Map<String, String> wanted, Map<String, Object> predicted) {
		List<String> wrong = new ArrayList<>();
		wanted.forEach((key, value) -> {
			if (PREDICTED.contains(key) && (!predicted.containsKey(key) || !text(predicted.get(key)).equals(value)))
				wrong.add(key + "=" + value + " (predicted " + predicted.get(key) + ")");
		});
		return wrong;
	}

	private static final List<String> PREDICTED = List.of("version", "state", "initiator", "local-host", "remote-host",
			"local-id",
			"remote-id", "encr-alg", "encr-keysize", "integ-alg", "prf-alg", "dh-group", "mode", "protocol", "local-ts",
			"remote-ts");
}
