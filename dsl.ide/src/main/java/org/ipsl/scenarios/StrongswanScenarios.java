package org.ipsl.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.strongswan.StrongswanImporter;
import org.ipsl.importer.strongswan.StrongswanImporter.Source;
import org.ipsl.scenarios.Comparison.Verdict;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * {@code scripts/strongswan-scenarios CORPUS OUT}: for every scenario of a corpus laid out as
 * strongSwan's testing folder, merges each IPsec host's files over its defaults, imports them into
 * one IPSL workspace, predicts what the daemons negotiate, writes
 * {@code OUT/SUITE/SCENARIO/predictions.json}, compares the evaltest lines, and writes
 * {@code OUT/summary.json} and {@code OUT/summary.txt}.
 */
public final class StrongswanScenarios {
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	/** One scenario's result. {@code scope} is "in" or "out: REASON". */
	public record ScenarioResult(String id, String scope, int lines, int agreeing, int notComparable, int falseErrors,
			List<String> disagreements, String predictionFailure) {
		public boolean inScope() {
			return scope.equals("in");
		}

		public boolean allAgree() {
			return agreeing == lines;
		}
	}

	/** The figures over the whole corpus; percentages of in-scope scenarios and of their lines. */
	public record Summary(List<ScenarioResult> scenarios) {
		public long inScope() {
			return scenarios.stream().filter(ScenarioResult::inScope).count();
		}

		public double inScopePercent() {
			return scenarios.isEmpty() ? 0 : 100.0 * inScope() / scenarios.size();
		}

		public int linesInScope() {
			return scenarios.stream().filter(ScenarioResult::inScope).mapToInt(ScenarioResult::lines).sum();
		}

		public int agreeingInScope() {
			return scenarios.stream().filter(ScenarioResult::inScope).mapToInt(ScenarioResult::agreeing).sum();
		}

		public double agreeingPercent() {
			return linesInScope() == 0 ? 0 : 100.0 * agreeingInScope() / linesInScope();
		}

		public int falseErrorsInScope() {
			return scenarios.stream().filter(ScenarioResult::inScope).mapToInt(ScenarioResult::falseErrors).sum();
		}
	}

	private StrongswanScenarios() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Exit 0 when every scenario was run (whatever the figures), 2 on a usage or I/O failure. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2) {
			err.println(
					"usage: strongswan-scenarios CORPUS OUT   (CORPUS holds tests/ and hosts/; OUT must be new or empty)");
			return 2;
		}
		try {
			Summary summary = run(Path.of(args[0]), Path.of(args[1]), Predictor::predict);
			out.print(summaryText(summary));
			return 0;
		} catch (IOException | IllegalArgumentException e) {
			err.println("strongswan-scenarios: " + e.getMessage());
			return 2;
		}
	}

	/** Runs every scenario; {@code predictor} gives the prediction of a workspace. */
	public static Summary run(Path corpus, Path out, Function<Path, Predictor.Prediction> predictor)
			throws IOException {
		if (!Files.isDirectory(corpus.resolve("tests")) || !Files.isDirectory(corpus.resolve("hosts")))
			throw new IllegalArgumentException(
					corpus + " does not hold tests/ and hosts/ as strongSwan's testing folder");
		if (Files.exists(out))
			try (Stream<Path> entries = Files.list(out)) {
				if (entries.findAny().isPresent())
					throw new IllegalArgumentException(
							out + " is not empty: give a new folder (nothing is overwritten)");
			}
		Map<String, String> placeholders = new LinkedHashMap<>(), names = new LinkedHashMap<>();
		machines(corpus, placeholders, names);
		StrongswanImporter importer = new StrongswanImporter(
				new IpslStandaloneSetup().createInjectorAndDoEMFRegistration());
		List<ScenarioResult> results = new ArrayList<>();
		for (Path folder : Scenario.all(corpus))
			results.add(scenario(Scenario.read(folder), corpus, out, placeholders, names, importer, predictor));
		Summary summary = new Summary(results);
		Files.writeString(out.resolve("summary.json"), GSON.toJson(summaryJson(summary)), StandardCharsets.UTF_8);
		Files.writeString(out.resolve("summary.txt"), summaryText(summary), StandardCharsets.UTF_8);
		return summary;
	}

	private static ScenarioResult scenario(Scenario scenario, Path corpus, Path out, Map<String, String> placeholders,
			Map<String, String> names, StrongswanImporter importer, Function<Path, Predictor.Prediction> predictor)
			throws IOException {
		Path folder = out.resolve(scenario.suite()).resolve(scenario.name());
		Path machines = folder.resolve("machines");
		Path workspace = folder.resolve("workspace");
		Files.createDirectories(folder);
		scenario.merge(corpus, machines, placeholders);
		List<Source> sources = new ArrayList<>();
		Map<String, String> daemonConfigs = new LinkedHashMap<>();
		List<ImportProblem> missing = new ArrayList<>();
		for (String host : scenario.ipsecHosts()) {
			Path etc = machines.resolve(host).resolve("etc");
			Path config = scenario.swanctl() ? etc.resolve("swanctl/swanctl.conf") : etc.resolve("ipsec.conf");
			if (!Files.isRegularFile(config)) {
				missing.add(new ImportProblem(config, 1, 1, "IPsec host " + host + " has no "
						+ config.getFileName(), true));
				continue;
			}
			Path daemon = etc.resolve("strongswan.conf");
			daemonConfigs.put(host,
					Files.isRegularFile(daemon) ? Files.readString(daemon, StandardCharsets.ISO_8859_1) : "");
			sources.add(new Source(config, host, List.of(), null, null, scenario.initiated(host)));
		}
		StrongswanImporter.Result imported = sources.isEmpty()
				? null
				: importer.run(new StrongswanImporter.Request(sources, names, workspace, true));
		List<ImportProblem> problems = new ArrayList<>(missing);
		List<String> texts = new ArrayList<>();
		StringBuilder report = new StringBuilder();
		if (imported != null) {
			problems.addAll(imported.problems());
			for (Path written : imported.written())
				if (written.toString().endsWith(".ipsl"))
					texts.add(Files.readString(written, StandardCharsets.UTF_8));
			imported.problems().forEach(p -> report.append(p.text(folder)).append(" (left out)\n"));
			imported.ignored().forEach(p -> report.append(p.text(folder)).append('\n'));
			if (imported.failure() != null)
				report.append(imported.failure().path()).append(": ").append(imported.failure().reason()).append('\n');
		}
		missing.forEach(p -> report.append(p.text(folder)).append('\n'));
		Files.writeString(folder.resolve("import.txt"), report.toString(), StandardCharsets.UTF_8);
		String reason = ScopeRule.outReason(scenario, daemonConfigs, problems, texts);
		String scope = reason == null ? "in" : "out: " + reason;
		Predictor.Prediction prediction = Files.isDirectory(workspace)
				? predictor.apply(workspace)
				: new Predictor.Prediction(new JsonObject(), "nothing was imported");
		JsonObject predictions = new JsonObject();
		predictions.addProperty("scope", scope);
		predictions.add("hosts", prediction.hosts());
		Files.writeString(folder.resolve("predictions.json"), GSON.toJson(predictions), StandardCharsets.UTF_8);
		int lines = 0, agreeing = 0, notComparable = 0, falseErrors = 0;
		List<String> disagreements = new ArrayList<>();
		StringBuilder comparison = new StringBuilder();
		for (String line : scenario.evaltest()) {
			Expectation e = Expectation.parse(Scenario.substitute(line, placeholders));
			if (e == null)
				continue;
			Comparison.Line result = Comparison.compare(e, prediction.hosts());
			lines++;
			if (result.verdict() == Verdict.AGREES)
				agreeing++;
			else {
				if (result.verdict() == Verdict.NOT_COMPARABLE)
					notComparable++;
				disagreements.add(e.host() + ": " + result.why());
			}
			if (result.falseError())
				falseErrors++;
			comparison.append(result.verdict()).append(result.falseError() ? " FALSE-ERROR" : "").append(": ")
					.append(line.trim()).append(result.why() == null ? "" : "\n    " + result.why()).append('\n');
		}
		Files.writeString(folder.resolve("comparison.txt"), comparison.toString(), StandardCharsets.UTF_8);
		return new ScenarioResult(scenario.id(), scope, lines, agreeing, notComparable, falseErrors, disagreements,
				prediction.failure());
	}

	/** PH_IP_HOST / PH_IP6_HOST and HOST.strongswan.org for every machine of hosts/, from its network/interfaces. */
	private static void machines(Path corpus, Map<String, String> placeholders, Map<String, String> names)
			throws IOException {
		try (Stream<Path> hosts = Files.list(corpus.resolve("hosts"))) {
			for (Path host : hosts.sorted().toList()) {
				Path interfaces = host.resolve("etc/network/interfaces");
				if (!Files.isRegularFile(interfaces))
					continue;
				String name = host.getFileName().toString();
				String v4 = null, v6 = null;
				for (String line : Files.readAllLines(interfaces, StandardCharsets.ISO_8859_1)) {
					String t = line.trim();
					if (!t.startsWith("address "))
						continue;
					Parsed<IpAddress> a = IpAddress.parse(t.substring(8).trim().replaceFirst("/\\d+$", ""));
					if (!a.ok())
						continue;
					if (a.value().isV4() && v4 == null)
						v4 = a.value().toString();
					else if (!a.value().isV4() && v6 == null)
						v6 = a.value().toString();
				}
				String upper = name.toUpperCase(Locale.ROOT);
				if (v4 != null) {
					placeholders.put("PH_IP_" + upper, v4);
					names.put(name + ".strongswan.org", v4);
				}
				if (v6 != null)
					placeholders.put("PH_IP6_" + upper, v6);
			}
		}
	}

	private static JsonObject summaryJson(Summary s) {
		JsonObject o = new JsonObject();
		o.addProperty("scenarios", s.scenarios().size());
		o.addProperty("in-scope", s.inScope());
		o.addProperty("in-scope-percent", round(s.inScopePercent()));
		o.addProperty("lines-in-scope", s.linesInScope());
		o.addProperty("lines-agreeing", s.agreeingInScope());
		o.addProperty("lines-agreeing-percent", round(s.agreeingPercent()));
		o.addProperty("false-errors", s.falseErrorsInScope());
		o.add("per-scenario", GSON.toJsonTree(s.scenarios()));
		return o;
	}

	private static double round(double percent) {
		return Math.round(percent * 10) / 10.0;
	}

	static String summaryText(Summary s) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "scenarios: %d, in scope: %d (%.1f %%)%n", s.scenarios().size(),
				s.inScope(), s.inScopePercent()));
		out.append(String.format(Locale.ROOT,
				"in scope: %d evaltest lines compared, %d agree (%.1f %%), %d false errors%n", s.linesInScope(),
				s.agreeingInScope(), s.agreeingPercent(), s.falseErrorsInScope()));
		out.append("\nin scope (agreeing/lines):\n");
		for (ScenarioResult r : s.scenarios())
			if (r.inScope())
				out.append(String.format(Locale.ROOT, "  %-45s %d/%d%s%s%n", r.id(), r.agreeing(), r.lines(),
						r.falseErrors() > 0 ? "  " + r.falseErrors() + " false errors" : "",
						r.predictionFailure() != null ? "  (" + r.predictionFailure() + ")" : ""));
		out.append("\nout of scope:\n");
		for (ScenarioResult r : s.scenarios())
			if (!r.inScope())
				out.append(String.format(Locale.ROOT, "  %-45s %s%n", r.id(), r.scope().substring("out: ".length())));
		return out.toString();
	}
}
