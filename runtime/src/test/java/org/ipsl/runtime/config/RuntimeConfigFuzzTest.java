package org.ipsl.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Coverage-guided fuzzing of the {@code runtime.json} reader, seeded with files IPSL generated from
 * the examples and {@link Samples#full()} (in {@code RuntimeConfigFuzzTestInputs}). Any bytes give
 * a configuration that writes and reads back the same, or a {@link RuntimeConfigException} that
 * names the place; when the bytes are well-formed JSON, the message also names the field and
 * quotes none of the document's values (a value may be a key).
 */
class RuntimeConfigFuzzTest {
	private static final String SOURCE = "runtime.json";
	private static final Pattern WORD = Pattern.compile("[a-z0-9 -]+");
	/** {@code line 3, column 7: …}, {@code policies[0].selector: …}, {@code the document: …} or {@code empty, …}. */
	private static final String PLACE = "(?s)runtime\\.json: (line \\d+, column \\d+|the document|empty|"
			+ "[A-Za-z]+(\\[\\d+\\]|\\.[A-Za-z]+)*)[:,] .+";
	/** Plain JSON syntax, to tell "not JSON" from "JSON of the wrong shape". */
	private static final ObjectMapper SYNTAX = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();

	@FuzzTest
	void anyBytesLoadOrFailWithThePlace(byte[] bytes) throws IOException {
		RuntimeConfig config;
		try {
			config = RuntimeConfigJson.read(new ByteArrayInputStream(bytes), SOURCE);
		} catch (RuntimeConfigException e) {
			assertThat(e.getMessage()).as("the place: line and column of the text, or the JSON path of a value")
					.matches(PLACE);
			assertThat(e.getCause()).isNull();
			Optional<JsonNode> json = e.getMessage().endsWith(": not UTF-8 text")
					? Optional.empty()
					: json(new String(bytes, StandardCharsets.UTF_8));
			if (json.isPresent()) {
				assertThat(e.getMessage()).as("well-formed JSON of the wrong shape names the field")
						.doesNotEndWith("not valid JSON");
				for (String value : longValues(json.get()))
					if (e.getMessage().contains(value))
						assertThat(messageFor(replaced(json.get(), value))).as("no value is echoed: it may be a key")
								.contains(value);
			}
			return;
		}
		byte[] written = RuntimeConfigJson.write(config);
		assertThat(RuntimeConfigJson.read(new ByteArrayInputStream(written), SOURCE)).isEqualTo(config);
	}

	/**
	 * The message for a document: a value that a message holds is echoed only when the message for
	 * the same document with that value replaced no longer holds it (else it is the message's own words).
	 */
	private static String messageFor(JsonNode document) throws IOException {
		try {
			RuntimeConfigJson.read(new ByteArrayInputStream(SYNTAX.writeValueAsBytes(document)), SOURCE);
			return "";
		} catch (RuntimeConfigException e) {
			return e.getMessage();
		}
	}

	/** The document with every string equal to {@code value} replaced by one of the same length. */
	private static JsonNode replaced(JsonNode node, String value) {
		if (node.isTextual() && node.textValue().equals(value))
			return TextNode.valueOf("~".repeat(value.length()));
		if (node instanceof ObjectNode object) {
			ObjectNode copy = object.objectNode();
			object.fields().forEachRemaining(field -> copy.set(field.getKey(), replaced(field.getValue(), value)));
			return copy;
		}
		if (node instanceof ArrayNode array) {
			ArrayNode copy = array.arrayNode();
			array.forEach(element -> copy.add(replaced(element, value)));
			return copy;
		}
		return node;
	}

	private static Optional<JsonNode> json(String text) {
		try {
			return Optional.of(SYNTAX.readTree(text));
		} catch (JacksonException e) {
			return Optional.empty();
		}
	}

	/**
	 * The document's string values of eight characters or more (keys and secrets are longer) that a
	 * message may not name: not field names, nor plain lower-case names and phrases, such as
	 * "certificate" or "aes128-gcm16" (both an enumeration's value and a field's name) or "the document"
	 * (the messages' own words).
	 */
	private static Set<String> longValues(JsonNode document) {
		Set<String> values = new HashSet<>(), names = new HashSet<>();
		collect(document, values, names);
		values.removeAll(names);
		values.removeIf(value -> WORD.matcher(value).matches());
		return values;
	}

	private static void collect(JsonNode node, Set<String> values, Set<String> names) {
		if (node.isTextual() && node.textValue().length() >= 8)
			values.add(node.textValue());
		node.fieldNames().forEachRemaining(names::add);
		node.forEach(child -> collect(child, values, names));
	}
}
