package org.ipsl.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What one {@code evaltest.dat} line of {@code swanctl --list-sas} or {@code ipsec status[all]}
 * says about the SAs of a host: the connection (and child) name and the {@code key=value} facts its
 * regular expression requires, and whether they must be there (YES) or not (NO). The documented rule
 * (docs/strongswan-scenarios.md):
 * <ul>
 * <li>The regular expression is cut at each {@code .*}. Before the segment {@code child-sas} the facts
 * are the IKE_SA's, after it the children's; the first segment names the connection, and after
 * {@code child-sas} each segment that is a bare name starts a child of that name.</li>
 * <li>{@code key=value} pairs are facts for the keys a prediction holds (PREDICTED); other keys
 * (ports, reqids, SPIs, times) are not compared. A value is a regular expression over the predicted
 * value; a bare {@code ESP} or {@code AH} in the child part is its protocol.</li>
 * <li>{@code ipsec status}: {@code NAME[N]: ESTABLISHED ... A ... B} is the IKE_SA NAME in state
 * ESTABLISHED whose local identity or address holds A and remote identity or address holds B;
 * {@code NAME{N} ... INSTALLED, TUNNEL|TRANSPORT} is the child NAME (a stroke connection's one child)
 * INSTALLED in that mode.</li>
 * <li>A segment these rules do not cover makes the line not comparable.</li>
 * </ul>
 *
 * @param facts    IKE_SA facts: key to the value's regular expression
 * @param children the children the line names, each with its facts (empty: the line says nothing of children)
 * @param problem  why the line is not comparable, or null
 */
record Expectation(String host, String text, boolean yes, String name, Map<String, String> facts,
		List<ChildFacts> children,
		String problem) {

	/** A child the line names and the facts it must have. */
	record ChildFacts(String name, Map<String, String> facts) {
	}

	/** The IKE_SA keys of a prediction (contract §4). */
	static final List<String> IKE_KEYS = List.of("version", "state", "initiator", "local-host", "remote-host",
			"local-id",
			"remote-id", "encr-alg", "encr-keysize", "integ-alg", "prf-alg", "dh-group");
	/** The CHILD_SA keys of a prediction. */
	static final List<String> CHILD_KEYS = List.of("state", "mode", "protocol", "encr-alg", "encr-keysize", "integ-alg",
			"dh-group", "local-ts", "remote-ts");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
	private static final Pattern NUMBERED = Pattern
			.compile("([A-Za-z0-9_-]+)(?:\\\\\\[\\d+\\]|\\[\\{\\]\\d+\\}|\\{\\d+\\}|\\[\\d+\\])?:?");

	/** The line as an expectation, or null when it is not a {@code --list-sas} / {@code ipsec status} line. */
	static Expectation parse(String line) {
		int first = line.indexOf("::");
		int last = line.lastIndexOf("::");
		if (first < 0 || last <= first)
			return null;
		String host = line.substring(0, first).trim();
		String rest = line.substring(first + 2, last);
		int second = rest.indexOf("::");
		if (second < 0)
			return null;
		String command = rest.substring(0, second);
		String regex = rest.substring(second + 2);
		boolean yes = line.substring(last + 2).trim().equalsIgnoreCase("YES");
		if (command.contains("swanctl") && command.contains("--list-sas"))
			return listSas(host, line, yes, regex);
		if (command.matches("\\s*ipsec\\s+status(all)?\\b.*"))
			return status(host, line, yes, regex);
		return null;
	}

	private static Expectation listSas(String host, String line, boolean yes, String regex) {
		List<String> segments = segments(regex);
		Map<String, String> facts = new LinkedHashMap<>();
		List<ChildFacts> children = new ArrayList<>();
		String name = null, problem = null;
		boolean inChild = false;
		for (int i = 0; i < segments.size(); i++) {
			String segment = segments.get(i).trim();
			if (segment.isEmpty())
				continue;
			if (i == 0 && !segment.contains("=")) {
				if (NAME.matcher(segment).matches())
					name = segment;
				else
					problem = "the connection name '" + segment + "' is a pattern";
				continue;
			}
			if (segment.equals("child-sas")) {
				inChild = true;
				continue;
			}
			if (inChild && (segment.equals("ESP") || segment.equals("AH")) && !children.isEmpty()) {
				children.get(children.size() - 1).facts().put("protocol", segment);
				continue;
			}
			if (inChild && !segment.contains("=")) {
				if (NAME.matcher(segment).matches())
					children.add(new ChildFacts(segment, new LinkedHashMap<>()));
				else
					problem = "the child name '" + segment + "' is a pattern";
				continue;
			}
			if (inChild && children.isEmpty())
				children.add(new ChildFacts(name, new LinkedHashMap<>())); // facts before any child name: the connection's own child
			if (!pairs(segment, inChild ? children.get(children.size() - 1).facts() : facts,
					inChild ? CHILD_KEYS : IKE_KEYS))
				problem = "'" + segment + "' is not key=value pairs";
		}
		if (name == null && problem == null)
			problem = "no connection name";
		return new Expectation(host, line, yes, name, facts, children, problem);
	}

	/** Adds the segment's key=value pairs of the given keys; false when the segment is not pairs. */
	private static boolean pairs(String segment, Map<String, String> into, List<String> keys) {
		int i = 0;
		boolean any = false;
		while (i < segment.length()) {
			while (i < segment.length() && segment.charAt(i) == ' ')
				i++;
			if (i >= segment.length())
				break;
			int eq = segment.indexOf('=', i);
			if (eq < 0)
				return false;
			String key = segment.substring(i, eq);
			if (!key.matches("[a-z0-9-]+"))
				return false;
			int end = eq + 1;
			if (segment.startsWith("\\[", end) || segment.startsWith("[", end))
				end = Math.max(segment.indexOf(']', end), end) + 1;
			while (end < segment.length() && segment.charAt(end) != ' ')
				end++;
			if (keys.contains(key))
				into.put(key, segment.substring(eq + 1, end));
			any = true;
			i = end;
		}
		return any;
	}

	private static Expectation status(String host, String line, boolean yes, String regex) {
		List<String> segments = segments(regex);
		Map<String, String> facts = new LinkedHashMap<>(), childFacts = new LinkedHashMap<>();
		String problem = null, name = null;
		java.util.regex.Matcher named = NUMBERED.matcher(segments.get(0).trim());
		String head = segments.get(0).trim();
		List<String> rest = new ArrayList<>(segments.subList(1, segments.size()));
		if (named.lookingAt() && !head.startsWith("INSTALLED")) {
			name = named.group(1);
			String after = head.substring(named.end()).trim();
			if (!after.isEmpty())
				rest.add(0, after);
		} else
			problem = "the connection name '" + head + "' is a pattern";
		int ids = 0;
		for (String raw : rest) {
			String segment = raw.trim();
			if (segment.isEmpty())
				continue;
			if (segment.equals("ESTABLISHED"))
				facts.put("state", "ESTABLISHED");
			else if (segment.startsWith("INSTALLED")) {
				childFacts.put("state", "INSTALLED");
				String mode = segment.replaceFirst("^INSTALLED,?\\s*", "");
				if (mode.equals("TUNNEL") || mode.equals("TRANSPORT"))
					childFacts.put("mode", mode);
				else if (!mode.isEmpty())
					problem = "'" + segment + "' is not INSTALLED, TUNNEL|TRANSPORT";
			} else if (facts.containsKey("state") && ids < 2) {
				// NAME[N]: ESTABLISHED ..., LOCAL-HOST[LOCAL-ID]...REMOTE-HOST[REMOTE-ID]
				facts.put(ids == 0 ? "local-endpoint" : "remote-endpoint", segment);
				ids++;
			} else
				problem = "'" + segment + "' is not covered by the ipsec status rule";
		}
		if (facts.isEmpty() && childFacts.isEmpty() && problem == null)
			problem = "no state";
		List<ChildFacts> children = childFacts.isEmpty() ? List.of() : List.of(new ChildFacts(name, childFacts));
		return new Expectation(host, line, yes, name, facts, children, problem);
	}

	/** The regular expression cut at each {@code .*}. */
	private static List<String> segments(String regex) {
		return List.of(regex.split("\\.\\*", -1));
	}
}
