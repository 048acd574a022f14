package org.ipsl.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a {@code runtime.json} document against {@code runtime-config.schema.json}, the documented
 * schema itself read from the class path. It interprets the keywords that schema uses ({@code $ref}
 * within the document, {@code type}, {@code properties}, {@code required}, {@code additionalProperties:
 * false}, {@code items}, {@code minItems}, {@code enum}, {@code const}, {@code minimum}, {@code
 * maximum}, {@code pattern}, and annotations) and refuses a schema with any other, so the schema
 * cannot grow a rule that is silently not checked. A violation names the JSON path and what was
 * expected. Values are quoted only where the schema lists the allowed ones (names, not secrets)
 * or they are numbers: a key that breaks its pattern is never echoed.
 */
final class SchemaValidator {

    private static final Set<String> CHECKED = Set.of("$ref", "type", "properties", "required", "additionalProperties", "items",
            "minItems", "enum", "const", "minimum", "maximum", "pattern");
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$defs");

    private static final JsonNode SCHEMA = load();

    private SchemaValidator() {
    }

    private static JsonNode load() {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(RuntimeConfigJson.SCHEMA_RESOURCE)) {
            JsonNode schema = new ObjectMapper().readTree(in);
            checkKeywords(schema, "#");
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("the runtime's own schema cannot be read", e);
        }
    }

    /** Every keyword of every subschema is one this validator applies or an annotation. */
    private static void checkKeywords(JsonNode schema, String where) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            if (!CHECKED.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                throw new IllegalStateException("schema keyword '" + keyword + "' at " + where + " is not checked by the runtime");
            }
            if (keyword.equals("$defs") || keyword.equals("properties")) {
                field.getValue().fields().forEachRemaining(e -> checkKeywords(e.getValue(), where + "/" + keyword + "/" + e.getKey()));
            } else if (keyword.equals("items")) {
                checkKeywords(field.getValue(), where + "/items");
            }
        }
    }

    /** @return the first violation, as "path: expected …, found …", or null when the document is valid */
    static String firstViolation(JsonNode document) {
        List<String> violations = new ArrayList<>();
        check(SCHEMA, document, "", violations);
        return violations.isEmpty() ? null : violations.get(0);
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> violations) {
        if (!violations.isEmpty()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only references within the schema are supported: " + ref);
            }
            check(SCHEMA.at(ref.substring(1)), value, path, violations);
        }
        String name = path.isEmpty() ? "the document" : path;
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            violations.add(name + ": expected " + article(schema.get("type").asText()) + ", found " + kind(value));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            violations.add(name + ": expected " + schema.get("const") + ", found " + shown(value));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(v -> allowed.add(v.toString()));
            violations.add(name + ": expected one of " + String.join(", ", allowed) + ", found " + shown(value));
            return;
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0
                    || schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                violations.add(name + ": expected a number from " + bound(schema, "minimum") + " to " + bound(schema, "maximum")
                        + ", found " + value);
                return;
            }
        }
        if (value.isTextual() && schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            // Not quoted: this is where keys live.
            violations.add(name + ": expected a string matching " + schema.get("pattern").asText() + ", found one that does not");
            return;
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                violations.add(name + ": expected at least " + schema.get("minItems").asInt() + " item(s), found " + value.size());
                return;
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", violations);
                }
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, path, name, violations);
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, String name, List<String> violations) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode required : schema.get("required")) {
                if (!value.has(required.asText())) {
                    violations.add(name + ": expected a field '" + required.asText() + "', found none");
                    return;
                }
            }
        }
        for (Iterator<String> fields = value.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            String fieldPath = path.isEmpty() ? field : path + "." + field;
            if (properties.has(field)) {
                check(properties.get(field), value.get(field), fieldPath, violations);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                String known = streamNames(properties).collect(Collectors.joining(", "));
                // The object's path, then the field quoted: an unknown name may hold any character.
                violations.add(name + ": unknown field '" + field + "', expected one of " + known);
            }
            if (!violations.isEmpty()) {
                return;
            }
        }
    }

    private static java.util.stream.Stream<String> streamNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names.stream();
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalStateException("schema type '" + type + "' is not checked by the runtime");
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value) || candidate.isNumber() && value.isNumber()
                    && candidate.decimalValue().compareTo(value.decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String bound(JsonNode schema, String keyword) {
        return schema.has(keyword) ? schema.get(keyword).asText() : keyword.equals("minimum") ? "-∞" : "∞";
    }

    private static String article(String type) {
        return type.equals("object") || type.equals("array") || type.equals("integer") ? "an " + type : "a " + type;
    }

    /** What a value is, without its content: the content of a string may be a secret. */
    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? "the integer " + value : "the number " + value;
        }
        return value.isObject() ? "an object" : value.isArray() ? "an array" : "a boolean";
    }

    /** A value compared with the names an enum or const allows: a short plain word is quoted, nothing else. */
    private static String shown(JsonNode value) {
        // Only a plain word, such as a misspelt name of the format: any other string may be a secret.
        if (value.isTextual() && value.asText().length() <= 24 && value.asText().matches("[a-z0-9-]+")) {
            return value.toString();
        }
        return kind(value);
    }
}
