package org.ipsl.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documented schema and the records say the same: each definition has exactly its record's
 * fields, and a field is listed as required exactly when the reader refuses a file without it.
 */
class SchemaTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	/** Each definition of the schema and the record it documents. */
	private static final Map<String, Class<?>> RECORDS = Map.ofEntries(Map.entry("RuntimeConfig", RuntimeConfig.class),
			Map.entry("SpiRange", RuntimeConfig.SpiRange.class), Map.entry("SpdLimits", RuntimeConfig.SpdLimits.class),
			Map.entry("IkePolicy", IkePolicy.class), Map.entry("Proposal", IkePolicy.Proposal.class),
			Map.entry("Authentication", IkePolicy.Authentication.class),
			Map.entry("Identity", IkePolicy.Identity.class),
			Map.entry("Policy", Policy.class), Map.entry("Selector", Policy.Selector.class),
			Map.entry("PortRange", Policy.PortRange.class), Map.entry("Action", Policy.Action.class),
			Map.entry("Transform", Policy.Transform.class), Map.entry("Ah", Policy.Ah.class),
			Map.entry("Esp", Policy.Esp.class), Map.entry("Tunnel", Policy.Tunnel.class),
			Map.entry("ManualSa", ManualSa.class), Map.entry("Sa", ManualSa.Sa.class),
			Map.entry("Key", ManualSa.Key.class));

	/**
	 * Required only with a given method or action type, or one of a pair, as the schema's
	 * descriptions say.
	 */
	private static final Set<String> CONDITIONAL = Set.of("Authentication.secret", "Authentication.certificate",
			"Action.transforms", "Action.manualSa", "Transform.ah", "Transform.esp");

	private static JsonNode schema() throws IOException {
		try (InputStream in = RuntimeConfigJson.class.getResourceAsStream(RuntimeConfigJson.SCHEMA_RESOURCE)) {
			return JSON.readTree(in);
		}
	}

	@Test
	void isVersionedAndDocumentsEveryRecord() throws IOException {
		JsonNode schema = schema();
		assertThat(schema.at("/$defs/RuntimeConfig/properties/version/const").asInt()).isEqualTo(RuntimeConfig.VERSION);
		Set<String> defs = new TreeSet<>();
		schema.get("$defs").fieldNames().forEachRemaining(defs::add);
		defs.remove("address");
		assertThat(defs).isEqualTo(new TreeSet<>(RECORDS.keySet()));
		for (Map.Entry<String, Class<?>> entry : RECORDS.entrySet()) {
			JsonNode def = schema.get("$defs").get(entry.getKey());
			Set<String> properties = new TreeSet<>();
			def.get("properties").fieldNames().forEachRemaining(properties::add);
			assertThat(properties).as(entry.getKey()).isEqualTo(new TreeSet<>(
					Arrays.stream(entry.getValue().getRecordComponents()).map(RecordComponent::getName).toList()));
			assertThat(def.get("additionalProperties").asBoolean(true)).as(entry.getKey()).isFalse();
		}
	}

	@Test
	void requiredFieldsAreTheOnesTheReaderInsistsOn() throws IOException {
		JsonNode schema = schema();
		ObjectNode sample = (ObjectNode) JSON.readTree(RuntimeConfigJson.write(Samples.full()));
		Set<String> seen = new HashSet<>();
		List<String> disagreements = new ArrayList<>();
		check(sample, sample, "RuntimeConfig", schema, seen, disagreements);
		assertThat(disagreements).isEmpty();
		Set<String> all = new TreeSet<>();
		RECORDS.forEach((def, type) -> Arrays.stream(type.getRecordComponents())
				.forEach(c -> all.add(def + "." + c.getName())));
		assertThat(new TreeSet<>(seen)).as("the sample sets every field once").isEqualTo(all);
	}

	/** Removes each field of {@code node} in turn and reads the whole document. */
	private void check(ObjectNode document, ObjectNode node, String def, JsonNode schema, Set<String> seen,
			List<String> disagreements) throws IOException {
		JsonNode definition = schema.get("$defs").get(def);
		Set<String> required = new HashSet<>();
		definition.get("required").forEach(r -> required.add(r.asText()));
		List<String> names = new ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		for (String name : names) {
			seen.add(def + "." + name);
			JsonNode value = node.get(name);
			node.remove(name);
			boolean refused = !reads(document);
			node.set(name, value); // at the end now: the reader takes fields in any order
			String field = def + "." + name;
			if (refused != required.contains(name) && !(refused && CONDITIONAL.contains(field)))
				disagreements.add(field
						+ (refused ? " is refused when missing but not required" : " is required but not refused"));
			JsonNode property = definition.get("properties").get(name);
			String ref = property.has("$ref")
					? property.get("$ref").asText()
					: property.has("items") && property.get("items").has("$ref")
							? property.get("items").get("$ref").asText()
							: null;
			if (ref == null || ref.endsWith("/address"))
				continue;
			String child = ref.substring(ref.lastIndexOf('/') + 1);
			if (value.isArray())
				for (JsonNode item : value)
					check(document, (ObjectNode) item, child, schema, seen, disagreements);
			else
				check(document, (ObjectNode) value, child, schema, seen, disagreements);
		}
	}

	private static boolean reads(JsonNode document) throws IOException {
		try {
			RuntimeConfigJson.read(new ByteArrayInputStream(JSON.writeValueAsBytes(document)), "sample");
			return true;
		} catch (RuntimeConfigException e) {
			return false;
		}
	}
}
