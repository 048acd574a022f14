package org.ipsl.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Holds evaltest expectations against a prediction ({@code hosts} of {@code ipsl check --peers
 * --format json}): a YES line agrees when a predicted SA of that host and name has all its facts (and,
 * when it names a child, a child of that name has all the child's), a NO line when none has.
 */
final class Comparison {
	/** The outcome of one line: agrees, disagrees, or cannot be compared (which counts as not agreeing). */
	enum Verdict {
		AGREES, DISAGREES, NOT_COMPARABLE
	}

	/**
	 * @param falseError a YES line expecting an ESTABLISHED IKE_SA or INSTALLED child that the prediction
	 *                   has under that name only as failed
	 */
	record Line(Expectation expectation, Verdict verdict, boolean falseError, String why) {
	}

	private Comparison() {
	}

	static Line compare(Expectation e, JsonObject hosts) {
		if (e.problem() != null)
			return new Line(e, Verdict.NOT_COMPARABLE, false, e.problem());
		List<JsonObject> named = new ArrayList<>();
		JsonElement sas = hosts == null ? null : hosts.get(e.host());
		if (sas != null && sas.isJsonArray())
			for (JsonElement sa : sas.getAsJsonArray())
				if (sa.isJsonObject() && e.name().equals(text(sa.getAsJsonObject().get("name"))))
					named.add(sa.getAsJsonObject());
		boolean found = named.stream().anyMatch(sa -> holds(e, sa));
		boolean falseError = e.yes() && !found && predictedFailed(e, named);
		boolean agrees = found == e.yes();
		String why = agrees
				? null
				: named.isEmpty()
						? "no predicted SA named " + e.name() + " on " + e.host()
						: e.yes()
								? "no predicted SA " + e.name() + " of " + e.host() + " has all of " + e.facts()
										+ (e.children().isEmpty() ? "" : " with children " + e.children())
								: "a predicted SA " + e.name() + " of " + e.host()
										+ " has what the line says must not be there";
		return new Line(e, agrees ? Verdict.AGREES : Verdict.DISAGREES, falseError, why);
	}

	private static boolean holds(Expectation e, JsonObject sa) {
		if (!factsHold(e.facts(), sa))
			return false;
		for (Expectation.ChildFacts expected : e.children())
			if (children(sa, expected.name()).stream().noneMatch(child -> factsHold(expected.facts(), child)))
				return false;
		return true;
	}

	/** The SA's predicted children of that name. */
	private static List<JsonObject> children(JsonObject sa, String name) {
		List<JsonObject> named = new ArrayList<>();
		JsonElement children = sa.get("children");
		if (children != null && children.isJsonArray())
			for (JsonElement child : children.getAsJsonArray())
				if (child.isJsonObject() && name.equals(text(child.getAsJsonObject().get("name"))))
					named.add(child.getAsJsonObject());
		return named;
	}

	private static boolean factsHold(Map<String, String> facts, JsonObject sa) {
		for (Map.Entry<String, String> fact : facts.entrySet()) {
			String key = fact.getKey();
			if (key.equals("local-endpoint") || key.equals("remote-endpoint")) {
				String side = key.startsWith("local") ? "local" : "remote";
				// ipsec status prints HOST[ID]
				String shown = text(sa.get(side + "-host")) + "[" + text(sa.get(side + "-id")) + "]";
				if (!find(fact.getValue(), shown))
					return false;
			} else {
				JsonElement value = sa.get(key);
				if (value == null || !matches(fact.getValue(), text(value)))
					return false;
			}
		}
		return true;
	}

	/** An ESTABLISHED or INSTALLED expectation that the prediction answers with a failure of that SA. */
	private static boolean predictedFailed(Expectation e, List<JsonObject> named) {
		if (named.isEmpty())
			return false;
		boolean ikeUp = "ESTABLISHED".equals(e.facts().get("state"));
		if (ikeUp && named.stream().noneMatch(sa -> "ESTABLISHED".equals(text(sa.get("state")))))
			return true;
		for (Expectation.ChildFacts expected : e.children())
			if ("INSTALLED".equals(expected.facts().get("state")) && named.stream().noneMatch(
					sa -> children(sa, expected.name()).stream()
							.anyMatch(c -> "INSTALLED".equals(text(c.get("state"))))))
				return true;
		return false;
	}

	/**
	 * A predicted value as strongSwan prints it: booleans yes/no, numbers in decimal, a traffic
	 * selector list in brackets, separated by a space.
	 */
	static String text(JsonElement value) {
		if (value == null || value.isJsonNull())
			return "";
		if (value.isJsonArray()) {
			List<String> items = new ArrayList<>();
			for (JsonElement item : (JsonArray) value)
				items.add(text(item));
			return "[" + String.join(" ", items) + "]";
		}
		if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())
			return value.getAsBoolean() ? "yes" : "no";
		if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())
			return value.getAsBigDecimal().toPlainString();
		return value.isJsonPrimitive() ? value.getAsString() : value.toString();
	}

	private static boolean matches(String regex, String value) {
		try {
			return Pattern.compile(regex).matcher(value).matches();
		} catch (PatternSyntaxException ex) {
			return regex.equals(value);
		}
	}

	private static boolean find(String regex, String value) {
		try {
			return Pattern.compile(regex).matcher(value).find();
		} catch (PatternSyntaxException ex) {
			return value.contains(regex);
		}
	}
}
