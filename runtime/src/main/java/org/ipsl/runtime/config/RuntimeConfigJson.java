package org.ipsl.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code runtime.json}. Reading is strict: an unknown field, a missing one, a value
 * of the wrong type or another version is an error naming the line and column. Writing is
 * deterministic: fields in record order, two-space indentation, {@code \n} line ends, a final newline.
 */
public final class RuntimeConfigJson {
	/** Where the documented JSON Schema lies on the class path. */
	public static final String SCHEMA_RESOURCE = "/org/ipsl/runtime/config/runtime-config.schema.json";

	private static final ObjectMapper MAPPER = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.serializationInclusion(JsonInclude.Include.NON_NULL)
			.build();

	private static final DefaultPrettyPrinter PRINTER;

	static {
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		PRINTER = new DefaultPrettyPrinter()
				.withSeparators(Separators.createDefaultInstance()
						.withObjectFieldValueSpacing(Separators.Spacing.AFTER))
				.withObjectIndenter(indenter);
		PRINTER.indentArraysWith(indenter);
	}

	private RuntimeConfigJson() {
	}

	public static RuntimeConfig read(Path file) throws RuntimeConfigException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		} catch (RuntimeConfigException e) {
			throw e;
		} catch (IOException e) {
			throw new RuntimeConfigException(file + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Reads the JSON (a syntax error names line and column), checks it against the schema (a
	 * violation names the JSON path and what was expected), then makes the records (whose own
	 * checks, e.g. that a protect action has transforms or a manual SA, name the path too).
	 *
	 * @param source how messages name the input, e.g. its path
	 */
	public static RuntimeConfig read(InputStream in, String source) throws RuntimeConfigException {
		try {
			JsonNode document = MAPPER.readTree(in);
			if (document == null || document.isMissingNode())
				throw new RuntimeConfigException(source + ": empty, expected a JSON object");
			checkSchema(document, source);
			return MAPPER.treeToValue(document, RuntimeConfig.class);
		} catch (JacksonException e) {
			throw new RuntimeConfigException(source + ": " + describe(e));
		} catch (RuntimeConfigException e) {
			throw e;
		} catch (IOException e) {
			throw new RuntimeConfigException(source + ": cannot read (" + e.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * Checks a configuration made in memory against the schema, as {@link #read} checks a file.
	 *
	 * @throws RuntimeConfigException naming the JSON path and what was expected
	 */
	public static void validate(RuntimeConfig config, String source) throws RuntimeConfigException {
		JsonNode document;
		try {
			document = MAPPER.readTree(write(config));
		} catch (IOException e) {
			throw new IllegalStateException("written JSON always reads back");
		}
		checkSchema(document, source);
	}

	private static void checkSchema(JsonNode document, String source) throws RuntimeConfigException {
		String violation = SchemaValidator.firstViolation(document);
		if (violation != null)
			throw new RuntimeConfigException(source + ": " + violation);
	}

	/** The file's bytes: UTF-8 JSON ending in a newline. */
	public static byte[] write(RuntimeConfig config) {
		try {
			return (MAPPER.writer(PRINTER).writeValueAsString(config) + "\n").getBytes(StandardCharsets.UTF_8);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("records always serialize");
		}
	}

	/**
	 * Where and what, without echoing the input: Jackson's own messages quote the offending text,
	 * which may be a key.
	 */
	private static String describe(JacksonException e) {
		JsonLocation at = e.getLocation();
		// Records made from the checked tree have no place in the text; the path says where.
		String where = at == null || at.getLineNr() <= 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
		if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException cause)
			return where + (v.getPath().isEmpty() ? "" : path(v.getPath()) + ": ") + cause.getMessage();
		if (e instanceof UnrecognizedPropertyException u) {
			List<Reference> path = u.getPath();
			return where + "unknown field '" + u.getPropertyName() + "' in "
					+ (path.size() > 1 ? "'" + path(path.subList(0, path.size() - 1)) + "'" : "the document");
		}
		if (e instanceof MismatchedInputException m)
			return where + "'" + path(m.getPath()) + "' is missing or of the wrong type";
		return where + "not valid JSON";
	}

	/** e.g. {@code policies[0].priority}. */
	private static String path(List<Reference> path) {
		StringBuilder text = new StringBuilder();
		for (Reference r : path) {
			if (r.getFieldName() != null)
				text.append(text.length() == 0 ? "" : ".").append(r.getFieldName());
			else
				text.append('[').append(r.getIndex()).append(']');
		}
		return text.length() == 0 ? "the document" : text.toString();
	}
}
