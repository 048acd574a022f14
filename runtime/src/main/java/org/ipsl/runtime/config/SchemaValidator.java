package org.ipsl.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.path.NodePath;

/**
 * Checks a {@code runtime.json} document against {@code runtime-config.schema.json}, the documented
 * schema itself read from the class path, with networknt's JSON Schema validator (draft 2020-12).
 * Two guarantees are this class's, not the library's defaults:
 * <ul>
 * <li>the schema cannot grow a rule that is silently not checked: a keyword the dialect does not
 * apply (a misspelling, or a content keyword, which draft 2020-12 only annotates) makes
 * the schema invalid, and {@code format} is asserted;</li>
 * <li>a violation names the JSON path and what was expected, in this class's words: the library's
 * own messages quote the value, and a value may be a key. Values are quoted only where the schema
 * lists the allowed ones (names, not secrets) or they are numbers.</li>
 * </ul>
 */
final class SchemaValidator {

	/**
	 * The vocabulary of contentEncoding, contentMediaType and contentSchema, which draft 2020-12 only
	 * annotates: left out, so that a schema using them is refused rather than trusted.
	 */
	private static final String CONTENT_VOCABULARY = "https://json-schema.org/draft/2020-12/vocab/content";

	/** The keyword reported when a value breaks several: the most basic first, as a reader fixes them. */
	private static final List<String> PRIORITY = List.of("type", "const", "enum", "minimum", "maximum", "pattern",
			"minItems", "required", "additionalProperties");

	private static final SchemaValidator RUNTIME_CONFIG = new SchemaValidator(load());

	private final JsonNode schemaDocument;
	private final Schema schema;

	/** @throws IllegalStateException when the schema uses a keyword that is not checked */
	SchemaValidator(JsonNode schemaDocument) {
		this.schemaDocument = schemaDocument;
		Dialect dialect = Dialect.builder(Dialects.getDraft202012())
				.vocabularies(vocabularies -> vocabularies.remove(CONTENT_VOCABULARY))
				.unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance()).build();
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		try {
			schema = SchemaRegistry.withDialect(dialect, builder -> builder.schemaRegistryConfig(config))
					.getSchema(schemaDocument);
			// Reads every subschema now, so that a bad keyword fails here and not on some document.
			schema.initializeValidators();
		} catch (SchemaException e) {
			throw new IllegalStateException("the schema uses a keyword the runtime does not check: " + e.getMessage(),
					e);
		}
	}

	private static JsonNode load() {
		try (InputStream in = SchemaValidator.class.getResourceAsStream(RuntimeConfigJson.SCHEMA_RESOURCE)) {
			return new ObjectMapper().readTree(in);
		} catch (IOException e) {
			throw new UncheckedIOException("the runtime's own schema cannot be read", e);
		}
	}

	/** @return the first violation of the runtime's schema, "path: expected …, found …", or null when there is none */
	static String firstViolation(JsonNode document) {
		return RUNTIME_CONFIG.violation(document);
	}

	/** @return the first violation, or null when the document is valid */
	String violation(JsonNode document) {
		return schema.validate(document).stream().min(Comparator.comparingInt(SchemaValidator::priority))
				.map(this::describe).orElse(null);
	}

	private static int priority(Error error) {
		int at = PRIORITY.indexOf(error.getKeyword());
		return at < 0 ? PRIORITY.size() : at;
	}

	private String describe(Error error) {
		String keyword = error.getKeyword();
		JsonNode rule = error.getSchemaNode();
		JsonNode value = error.getInstanceNode();
		String name = path(error.getInstanceLocation());
		return name + ": " + switch (keyword) {
			case "type" -> "expected " + article(rule.asText()) + ", found " + kind(value);
			case "const" -> "expected " + rule + ", found " + shown(value);
			case "enum" -> {
				List<String> allowed = new ArrayList<>();
				rule.forEach(v -> allowed.add(v.toString()));
				yield "expected one of " + String.join(", ", allowed) + ", found " + shown(value);
			}
			case "minimum", "maximum" -> {
				JsonNode subschema = subschema(error);
				yield "expected a number from " + bound(subschema, "minimum", "-∞") + " to "
						+ bound(subschema, "maximum", "∞")
						+ ", found " + value;
			}
			// Not quoted: this is where keys live.
			case "pattern" -> "expected a string matching " + rule.asText() + ", found one that does not";
			case "minItems" -> "expected at least " + rule.asInt() + " item(s), found " + value.size();
			case "required" -> "expected a field '" + error.getProperty() + "', found none";
			case "additionalProperties" -> {
				List<String> known = new ArrayList<>();
				subschema(error).path("properties").fieldNames().forEachRemaining(known::add);
				// The object's path, then the field quoted: an unknown name may hold any character.
				yield "unknown field '" + error.getProperty() + "', expected one of " + String.join(", ", known);
			}
			default -> "breaks the schema's '" + keyword + "' rule";
		};
	}

	/** The schema object that holds the keyword that failed. */
	private JsonNode subschema(Error error) {
		NodePath fragment = error.getSchemaLocation().getFragment();
		JsonNode node = schemaDocument;
		for (int i = 0; i < fragment.getNameCount() - 1; i++) {
			Object step = fragment.getElement(i);
			node = step instanceof Integer index ? node.path(index) : node.path(step.toString());
		}
		return node;
	}

	/** e.g. {@code policies[0].priority}, or "the document". */
	private static String path(NodePath location) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < location.getNameCount(); i++) {
			Object step = location.getElement(i);
			if (step instanceof Integer index)
				text.append('[').append(index).append(']');
			else
				text.append(text.length() == 0 ? "" : ".").append(step);
		}
		return text.length() == 0 ? "the document" : text.toString();
	}

	private static String bound(JsonNode schema, String keyword, String none) {
		return schema.has(keyword) ? schema.get(keyword).asText() : none;
	}

	private static String article(String type) {
		return type.equals("object") || type.equals("array") || type.equals("integer") ? "an " + type : "a " + type;
	}

	/** What a value is, without its content: the content of a string may be a secret. */
	private static String kind(JsonNode value) {
		if (value.isTextual())
			return "a string";
		if (value.isNull())
			return "null";
		if (value.isNumber())
			return value.isIntegralNumber() ? "the integer " + value : "the number " + value;
		return value.isObject() ? "an object" : value.isArray() ? "an array" : "a boolean";
	}

	/** A value compared with the names an enum or const allows: a short plain word is quoted, nothing else. */
	private static String shown(JsonNode value) {
		// Only a plain word, such as a misspelt name of the format: any other string may be a secret.
		if (value.isTextual() && value.asText().length() <= 24 && value.asText().matches("[a-z0-9-]+"))
			return value.toString();
		return kind(value);
	}
}
