package org.ipsl.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.ipsl.analysis.peers.Session;
import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code ipsl check --format sarif}: one SARIF 2.1.0 run with a rule per diagnostic code. Locations
 * are relative to the checked folder they lie in, named by a uriBaseId ({@code WORKSPACE}, or
 * {@code WORKSPACE1}, {@code WORKSPACE2}... when several folders are checked).
 */
final class SarifReport {
	static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

	/** A checked folder and the uriBaseId that stands for it. */
	private record Root(String id, Path folder) {
	}

	private final List<Root> roots;
	private final Optional<Path> documentation;

	/**
	 * @param folders       the checked folders (for a checked file, its folder), in the order given
	 * @param documentation the diagnostics documentation, when this installation has it
	 */
	SarifReport(List<Path> folders, Optional<Path> documentation) {
		List<Path> distinct = folders.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList();
		this.roots = distinct.size() == 1
				? List.of(new Root("WORKSPACE", distinct.get(0)))
				: IntStream.range(0, distinct.size())
						.mapToObj(i -> new Root("WORKSPACE" + (i + 1), distinct.get(i))).toList();
		this.documentation = documentation;
	}

	/** @param sessions the session table of {@code --peers}, put in the run's property bag; empty without */
	String json(List<Diagnostic> diagnostics, List<Session> sessions, String toolVersion) {
		JsonObject driver = new JsonObject();
		driver.addProperty("name", "ipsl");
		if (toolVersion != null)
			driver.addProperty("version", toolVersion);
		JsonArray rules = new JsonArray();
		for (DiagnosticCode code : DiagnosticCode.values())
			rules.add(rule(code));
		driver.add("rules", rules);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);

		JsonObject bases = new JsonObject();
		for (Root root : roots) {
			JsonObject base = new JsonObject();
			base.addProperty("uri", root.folder().toUri().toString());
			bases.add(root.id(), base);
		}
		JsonArray results = new JsonArray();
		diagnostics.forEach(d -> results.add(result(d)));

		JsonObject run = new JsonObject();
		run.add("tool", tool);
		run.add("originalUriBaseIds", bases);
		run.addProperty("columnKind", "utf16CodeUnits");
		run.add("results", results);
		if (!sessions.isEmpty()) {
			JsonObject properties = new JsonObject();
			properties.add("sessions", DiagnosticPrinter.sessions(sessions));
			run.add("properties", properties);
		}
		JsonArray runs = new JsonArray();
		runs.add(run);
		JsonObject log = new JsonObject();
		log.addProperty("$schema", SCHEMA);
		log.addProperty("version", "2.1.0");
		log.add("runs", runs);
		return GSON.toJson(log);
	}

	private JsonObject rule(DiagnosticCode code) {
		JsonObject rule = new JsonObject();
		rule.addProperty("id", code.id());
		rule.add("shortDescription", text(code.summary()));
		documentation.ifPresent(doc -> rule.addProperty("helpUri", doc.toUri() + "#" + code.anchor()));
		rule.add("help", text("See " + DiagnosticCode.DOCUMENT + "#" + code.anchor()));
		JsonObject configuration = new JsonObject();
		configuration.addProperty("level", level(code.severity()));
		rule.add("defaultConfiguration", configuration);
		JsonObject properties = new JsonObject();
		properties.addProperty("category", code.category().title());
		rule.add("properties", properties);
		return rule;
	}

	private JsonObject result(Diagnostic d) {
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", d.code().id());
		result.addProperty("ruleIndex", d.code().ordinal());
		result.addProperty("level", level(d.severity()));
		if (d.severity() == Severity.HINT)
			result.addProperty("kind", "informational");
		result.add("message", text(d.message()));
		JsonObject region = new JsonObject();
		region.addProperty("startLine", d.line());
		region.addProperty("startColumn", d.column());
		region.addProperty("endLine", d.endLine());
		region.addProperty("endColumn", d.endColumn());
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical(d.file(), region));
		JsonArray locations = new JsonArray();
		locations.add(location);
		result.add("locations", locations);
		if (!d.related().isEmpty()) {
			JsonArray related = new JsonArray();
			for (int i = 0; i < d.related().size(); i++) {
				Diagnostic.Related r = d.related().get(i);
				JsonObject start = new JsonObject();
				start.addProperty("startLine", r.line());
				start.addProperty("startColumn", r.column());
				JsonObject place = new JsonObject();
				place.addProperty("id", i);
				place.add("physicalLocation", physical(r.file(), start));
				place.add("message", text(r.message()));
				related.add(place);
			}
			result.add("relatedLocations", related);
		}
		return result;
	}

	private JsonObject physical(Path file, JsonObject region) {
		Path absolute = file.toAbsolutePath().normalize();
		JsonObject artifact = new JsonObject();
		Optional<Root> root = roots.stream().filter(r -> absolute.startsWith(r.folder()))
				.max(Comparator.comparingInt(r -> r.folder().getNameCount()));
		if (root.isPresent()) {
			artifact.addProperty("uri", relativeUri(root.get().folder().relativize(absolute)));
			artifact.addProperty("uriBaseId", root.get().id());
		} else
			artifact.addProperty("uri", absolute.toUri().toString());
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact);
		physical.add("region", region);
		return physical;
	}

	/** A relative path as a URI reference: '/' between names, reserved characters escaped. */
	private static String relativeUri(Path relative) {
		StringBuilder path = new StringBuilder();
		for (Path name : relative) {
			if (path.length() > 0)
				path.append('/');
			path.append(name);
		}
		try {
			return new URI(null, null, path.toString(), null).toASCIIString();
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("no URI for " + relative, e);
		}
	}

	/** SARIF's levels; a hint is a result of kind informational, whose level is none. */
	private static String level(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			case INFO -> "note";
			case HINT -> "none";
		};
	}

	private static JsonObject text(String text) {
		JsonObject message = new JsonObject();
		message.addProperty("text", text);
		return message;
	}

	/**
	 * The diagnostics documentation of this installation: up to three folders above the jar (or
	 * classes folder), as in the repository ({@code dsl.ide/target/ipsl.jar}) and a release.
	 */
	static Optional<Path> installedDocumentation() {
		try {
			Path folder = Path.of(SarifReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			for (int up = 0; up < 3 && (folder = folder.getParent()) != null; up++) {
				Path document = folder.resolve(DiagnosticCode.DOCUMENT);
				if (Files.isRegularFile(document))
					return Optional.of(document.toAbsolutePath().normalize());
			}
		} catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
			// No readable code source: the report goes without documentation links.
		}
		return Optional.empty();
	}
}
