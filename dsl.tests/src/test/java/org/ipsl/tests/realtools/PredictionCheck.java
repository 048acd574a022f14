package org.ipsl.tests.realtools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What {@code ipsl check --peers --format json} predicted ({@code "hosts": {HOST: [IKE_SA, ...]}},
 * in strongSwan's spellings) held against what real charons list ({@code swanctl --list-sas
 * --raw}). A predicted ESTABLISHED IKE_SA needs a listed one of its name with every predicted
 * value, its INSTALLED children too; a predicted failure needs none of its name established, a
 * failed child none of its name installed; an IKE_SA established that the prediction does not
 * name at all disagrees as well. Values compare as strongSwan prints them: booleans as
 * {@code yes}/{@code no} (an absent {@code initiator} is {@code no}), numbers as decimals, traffic
 * selectors as {@code [a b]}.
 */
final class PredictionCheck {
	private static final String ESTABLISHED = "ESTABLISHED", INSTALLED = "INSTALLED";
	private static final Set<String> NOT_VALUES = Set.of("name", "children");

	private PredictionCheck() {
	}

	/** Each disagreement, in words; empty when the charons did what was predicted. */
	static List<String> disagreements(JsonObject predictedHosts, Map<String, List<ListedSa>> listed) {
		return disagreements(predictedHosts, listed, Set.of(), null);
	}

	/**
	 * The same, leaving the children's {@code ignoredChildKeys} uncompared; with the charons'
	 * {@code logs}, a predicted IKEv2 failure needs its notify (NO_PROPOSAL_CHOSEN,
	 * AUTHENTICATION_FAILED, ...) there too, as charon logs the notify it sends or receives.
	 */
	static List<String> disagreements(JsonObject predictedHosts, Map<String, List<ListedSa>> listed,
			Set<String> ignoredChildKeys, String logs) {
		List<String> disagreements = new ArrayList<>();
		for (Map.Entry<String, JsonElement> host : predictedHosts.entrySet()) {
			List<ListedSa> sas = listed.get(host.getKey());
			if (sas == null) {
				disagreements.add(host.getKey() + ": predicted, but no charon ran there");
				continue;
			}
			Set<ListedSa> used = new HashSet<>();
			Set<String> names = new HashSet<>();
			for (JsonElement element : host.getValue().getAsJsonArray()) {
				JsonObject predicted = element.getAsJsonObject();
				String name = predicted.get("name").getAsString();
				names.add(name);
				List<ListedSa> named = sas.stream().filter(sa -> sa.name().equals(name) && !used.contains(sa)).toList();
				String where = host.getKey() + " " + name + ": ";
				String state = text(predicted.get("state"));
				if (!ESTABLISHED.equals(state)) {
					named.stream().filter(sa -> ESTABLISHED.equals(sa.get("state"))).findFirst()
							.ifPresent(sa -> disagreements.add(where + "predicted " + state
									+ ", but charon established it: " + sa.values()));
					if (logs != null && "2".equals(text(predicted.get("version"))) && !logs.contains(state))
						disagreements.add(where + "predicted " + state + ", but no charon logged that notify");
					continue;
				}
				List<String> closest = null;
				ListedSa match = null;
				for (ListedSa sa : named) {
					List<String> differences = differences(predicted, sa, ignoredChildKeys);
					if (differences.isEmpty()) {
						match = sa;
						break;
					}
					if (closest == null || differences.size() < closest.size())
						closest = differences;
				}
				if (match != null)
					used.add(match);
				else
					disagreements.add(where + (closest == null
							? "predicted ESTABLISHED, but charon lists no IKE_SA of that name"
							: "predicted ESTABLISHED, but the closest IKE_SA charon lists differs: " + closest));
			}
			for (ListedSa sa : sas)
				if (ESTABLISHED.equals(sa.get("state")) && !names.contains(sa.name()))
					disagreements
							.add(host.getKey() + " " + sa.name() + ": established, but not predicted: " + sa.values());
		}
		return disagreements;
	}

	/** How one listed IKE_SA and its children differ from one predicted IKE_SA. */
	private static List<String> differences(JsonObject predicted, ListedSa sa, Set<String> ignoredChildKeys) {
		List<String> differences = new ArrayList<>(valueDifferences(predicted, sa, "", Set.of()));
		JsonArray children = predicted.has("children") ? predicted.getAsJsonArray("children") : new JsonArray();
		for (JsonElement element : children) {
			JsonObject child = element.getAsJsonObject();
			String name = child.get("name").getAsString();
			List<ListedSa> listed = sa.children().stream().filter(c -> c.name().equals(name)).toList();
			if (!INSTALLED.equals(text(child.get("state")))) {
				if (listed.stream().anyMatch(c -> INSTALLED.equals(c.get("state"))))
					differences.add("child " + name + ": predicted " + text(child.get("state")) + ", but installed");
			} else if (listed.isEmpty())
				differences.add("child " + name + ": predicted INSTALLED, but not listed");
			else // several of that name (one rekeyed, one installed): the one closest to the prediction
				differences.addAll(listed.stream()
						.map(c -> valueDifferences(child, c, "child " + name + " ", ignoredChildKeys))
						.min(Comparator.comparingInt(List::size)).orElseThrow());
		}
		return differences;
	}

	private static List<String> valueDifferences(JsonObject predicted, ListedSa sa, String prefix,
			Set<String> ignored) {
		List<String> differences = new ArrayList<>();
		for (Map.Entry<String, JsonElement> value : predicted.entrySet()) {
			if (NOT_VALUES.contains(value.getKey()) || ignored.contains(value.getKey()))
				continue;
			String expected = text(value.getValue());
			String actual = sa.get(value.getKey());
			if (actual == null && value.getKey().equals("initiator"))
				actual = "no";
			if (!expected.equals(actual))
				differences.add(prefix + value.getKey() + " predicted " + expected + ", listed " + actual);
		}
		return differences;
	}

	/** A predicted value as swanctl prints it. */
	static String text(JsonElement value) {
		if (value == null || value.isJsonNull())
			return "";
		if (value.isJsonArray())
			return StreamSupport.stream(value.getAsJsonArray().spliterator(), false).map(PredictionCheck::text)
					.collect(Collectors.joining(" ", "[", "]"));
		if (value.getAsJsonPrimitive().isBoolean())
			return value.getAsBoolean() ? "yes" : "no";
		return value.getAsString();
	}
}
