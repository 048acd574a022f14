package org.ipsl.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the {@code runtime.json} reader, seeded with files IPSL generated from
 * the examples and {@link Samples#full()} (in {@code RuntimeConfigFuzzTestInputs}). Any bytes give
 * a configuration that writes and reads back the same, or a {@link RuntimeConfigException} that
 * names the place; when the bytes are well-formed JSON, the message also names the field.
 */
class RuntimeConfigFuzzTest {
	private static final String SOURCE = "runtime.json";
	/** Plain JSON syntax, to tell "not JSON" from "JSON of the wrong shape". */
	private static final ObjectMapper SYNTAX = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();

	@FuzzTest
	void anyBytesLoadOrFailWithThePlace(byte[] bytes) throws IOException {
		RuntimeConfig config;
		try {
			config = RuntimeConfigJson.read(new ByteArrayInputStream(bytes), SOURCE);
		} catch (RuntimeConfigException e) {
			assertThat(e.getMessage()).matches("(?s)runtime\\.json: line \\d+, column \\d+: .+");
			assertThat(e.getCause()).isNull();
			if (!e.getMessage().endsWith(": not UTF-8 text") && isJson(new String(bytes, StandardCharsets.UTF_8)))
				assertThat(e.getMessage()).as("well-formed JSON of the wrong shape names the field")
						.doesNotEndWith("not valid JSON").contains("'");
			return;
		}
		byte[] written = RuntimeConfigJson.write(config);
		assertThat(RuntimeConfigJson.read(new ByteArrayInputStream(written), SOURCE)).isEqualTo(config);
	}

	private static boolean isJson(String text) {
		try {
			SYNTAX.readTree(text);
			return true;
		} catch (JacksonException e) {
			return false;
		}
	}
}
