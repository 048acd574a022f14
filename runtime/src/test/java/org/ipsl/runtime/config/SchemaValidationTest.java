package org.ipsl.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** runtime.json is checked against its documented schema: what the records let through, the schema does not. */
class SchemaValidationTest {

	private static RuntimeConfig read(String json) throws IOException {
		return RuntimeConfigJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "runtime.json");
	}

	private static String written() {
		return new String(RuntimeConfigJson.write(Samples.full()), StandardCharsets.UTF_8);
	}

	@Test
	void theSampleIsValid() {
		assertThatCode(() -> read(written())).doesNotThrowAnyException();
		assertThatCode(() -> RuntimeConfigJson.validate(Samples.full(), "sample")).doesNotThrowAnyException();
	}

	@Test
	void anUnknownAlgorithmNamesItsPathAndTheAllowedNames() {
		String json = written().replace("\"hash\": \"sha256\"", "\"hash\": \"sha3\"");
		assertThatThrownBy(() -> read(json)).isInstanceOf(RuntimeConfigException.class).hasMessage(
				"runtime.json: ikePolicies[1].proposals[0].hash: expected one of \"md5\", \"sha1\", \"sha256\", \"sha384\", \"sha512\", found \"sha3\"");
	}

	@Test
	void aNumberOutOfRangeNamesTheRange() {
		String json = written().replace("\"priority\": 10,\n      \"selector\"",
				"\"priority\": 0,\n      \"selector\"");
		assertThatThrownBy(() -> read(json))
				.hasMessage("runtime.json: policies[0].priority: expected a number from 1 to 2147483647, found 0");
		String protocol = written().replace("\"protocol\": 6,", "\"protocol\": 256,");
		assertThatThrownBy(() -> read(protocol))
				.hasMessageContaining("policies[0].selector.protocol: expected a number from 0 to 255");
	}

	@Test
	void aKeyThatBreaksItsPatternIsNotEchoed() {
		String json = written().replace(Samples.KEY, "0xZZ" + Samples.KEY.substring(4));
		assertThatThrownBy(() -> read(json))
				.hasMessage(
						"runtime.json: manualSas[0].inbound.encryption.key: expected a string matching ^0x[0-9a-f]+$, found one that does not")
				.message().doesNotContain(Samples.KEY.substring(4, 14));
	}

	@Test
	void whatOnlyTheRecordsCheckIsNamedWithItsPathToo() {
		String json = written().replace("\"manualSa\": \"to-logger\"", "\"pfsGroup\": 2");
		assertThatThrownBy(() -> read(json))
				.hasMessage(
						"runtime.json: policies[2].action: a 'protect' action has either 'transforms' or 'manualSa'");
	}

	@Test
	void anEmptyListWhereOneIsNeededAndAStringOfTheWrongKind() {
		String json = written().replace("\"remote\": [\n        \"198.51.100.1/32\"\n      ]", "\"remote\": []");
		assertThatThrownBy(() -> read(json))
				.hasMessage("runtime.json: ikePolicies[0].remote: expected at least 1 item(s), found 0");
		String level = written().replace("\"auditLevel\": \"warning\"", "\"auditLevel\": \"loud\"");
		assertThatThrownBy(() -> read(level)).hasMessageStartingWith(
				"runtime.json: auditLevel: expected one of \"alert\", \"error\", \"warning\", \"informative\", \"debug\", found \"loud\"");
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void aSchemaKeywordThatIsNotCheckedIsRefused() throws IOException {
		for (String keyword : new String[]{"minimun", "contentMediaType", "x-ipsl-rule"})
			assertThatThrownBy(
					() -> new SchemaValidator(
							JSON.readTree("{\"type\": \"string\", \"" + keyword + "\": \"text/plain\"}")))
					.as(keyword).isInstanceOf(IllegalStateException.class).hasMessageContaining(keyword);
		assertThatCode(() -> new SchemaValidator(JSON.readTree("{\"type\": \"string\", \"description\": \"text\"}")))
				.doesNotThrowAnyException();
	}

	@Test
	void formatIsAssertedWithoutEchoingTheValue() throws IOException {
		SchemaValidator addresses = new SchemaValidator(JSON.readTree("{\"type\": \"string\", \"format\": \"ipv4\"}"));
		assertThat(addresses.violation(JSON.readTree("\"10.1.1.1\""))).isNull();
		assertThat(addresses.violation(JSON.readTree("\"s3cret-10.1.1\"")))
				.isEqualTo("the document: breaks the schema's 'format' rule");
	}

	/** A string in any place the schema refuses it, as a secret might stand there: the message never holds it. */
	@Test
	void aRefusedValueIsNeverEchoed() {
		String secret = "0xd1e2a3d4b5e6e7f8-Secret";
		for (String[] edit : new String[][]{{"\"priority\": 10,", "\"priority\": \"" + secret + "\","},
				{"\"hash\": \"sha256\"", "\"hash\": \"" + secret + "\""},
				{"\"auditLevel\": \"warning\"", "\"auditLevel\": \"" + secret + "\""},
				{"\"version\": 1", "\"version\": \"" + secret + "\""},
				{"\"remote\": [\n        \"198.51.100.1/32\"\n      ]", "\"remote\": \"" + secret + "\""}}) {
			String json = written().replace(edit[0], edit[1]);
			assertThat(json).as(edit[0]).contains(secret);
			assertThatThrownBy(() -> read(json)).as(edit[0]).isInstanceOf(RuntimeConfigException.class)
					.message().doesNotContain(secret).doesNotContain("d1e2a3");
		}
	}
}
