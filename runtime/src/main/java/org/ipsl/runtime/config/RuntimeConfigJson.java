package org.ipsl.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.ipsl.model.Utf8;

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
			// Otherwise a repeated field of a record fails deep in Jackson, with no place.
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
		String text;
		try {
			text = utf8(in.readAllBytes(), source);
		} catch (RuntimeConfigException e) {
			throw e;
		} catch (IOException e) {
			throw new RuntimeConfigException(source + ": cannot read (" + e.getClass().getSimpleName() + ")");
		}
		try {
			JsonNode document = MAPPER.readTree(text);
			if (document == null || document.isMissingNode())
				throw new RuntimeConfigException(source + ": empty, expected a JSON object");
			checkSchema(document, source);
			return MAPPER.treeToValue(document, RuntimeConfig.class);
		} catch (JacksonException e) {
			throw new RuntimeConfigException(source + ": " + describe(e));
		}
	}

	/**
	 * The file is UTF-8, decoded strictly here: Jackson would guess UTF-16 or UTF-32 from the first
	 * bytes and fail on a bad byte with a message that gives no place.
	 */
	private static String utf8(byte[] bytes, String source) throws RuntimeConfigException {
		Optional<Utf8.Malformed> malformed = Utf8.firstMalformed(bytes);
		if (malformed.isPresent()) {
			int at = malformed.get().byteIndex(), line = 1, lineStart = 0;
			for (int i = 0; i < at; i++)
				if (bytes[i] == '\n') {
					line++;
					lineStart = i + 1;
				}
			throw new RuntimeConfigException(
					source + ": line " + line + ", column " + (at - lineStart + 1) + ": not UTF-8 text");
		}
		return new String(bytes, StandardCharsets.UTF_8);
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
		String where = at == null || at.getLineNr() <= 0
				? ""
				: "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
		if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException cause)
			return where + (v.getPath().isEmpty() ? "" : path(v.getPath()) + ": ") + cause.getMessage();
		if (e instanceof UnrecognizedPropertyException u) {
			List<Reference> path = u.getPath();
			return where + "unknown field '" + u.getPropertyName() + "' in "
					+ (path.size() > 1 ? "'" + path(path.subList(0, path.size() - 1)) + "'" : "the document");
		}
		// Reading a record's fields wraps the parser's exception.
		Throwable parsing = e instanceof StreamReadException ? e : e.getCause();
		if (parsing instanceof StreamReadException r && r.getProcessor() != null
				&& r.getOriginalMessage().startsWith("Duplicate field")) {
			JsonStreamContext object = r.getProcessor().getParsingContext();
			return where + "field '" + object.getCurrentName() + "' given twice in " + place(object);
		}
		if (e instanceof MismatchedInputException m)
			// Without a place in the text (a record made from the checked tree), the path is the place.
			return where.isEmpty() && !m.getPath().isEmpty()
					? path(m.getPath()) + ": missing or of the wrong type"
					: where + "'" + path(m.getPath()) + "' is missing or of the wrong type";
		if (e instanceof JsonMappingException m && !m.getPath().isEmpty())
			return where + "'" + path(m.getPath()) + "' "
					+ (m.getCause() instanceof InputCoercionException ? "is out of range" : "has an invalid value");
		return where + "not valid JSON";
	}

	/** Where a JSON object lies, in the form of {@link #path}. */
	private static String place(JsonStreamContext object) {
		List<String> steps = new ArrayList<>();
		for (JsonStreamContext at = object; !at.getParent().inRoot(); at = at.getParent()) {
			JsonStreamContext parent = at.getParent();
			steps.add(0, parent.inArray() ? "[" + parent.getCurrentIndex() + "]" : parent.getCurrentName());
		}
		return steps.isEmpty() ? "the document" : "'" + join(steps) + "'";
	}

	/** e.g. {@code policies[0].priority}. */
	private static String path(List<Reference> path) {
		List<String> steps = path.stream()
				.map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").toList();
		return steps.isEmpty() ? "the document" : join(steps);
	}

	/** Field names joined by dots, array indexes appended: {@code policies[0].priority}. */
	private static String join(List<String> steps) {
		StringBuilder text = new StringBuilder();
		for (String step : steps)
			text.append(text.length() == 0 || step.startsWith("[") ? "" : ".").append(step);
		return text.toString();
	}
}
