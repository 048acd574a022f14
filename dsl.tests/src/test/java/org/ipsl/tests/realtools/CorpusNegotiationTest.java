package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.Target;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 16's round trip on the PSK scenarios of strongSwan's test suites: each scenario is imported
 * and predicted by {@code scripts/strongswan-scenarios} (as a user runs it), each IPsec machine's
 * workspace is generated for strongSwan ({@code ipsl generate --target strongswan}), and the
 * regenerated swanctl.conf files are played in the {@link Testbed}, a charon with userspace ESP on
 * each IPsec machine: every IKE_SA and CHILD_SA must come out as {@code ipsl check --peers
 * --format json} predicted ({@link PredictionCheck}), and every ping of the scenario's evaltest.dat
 * as it records.
 *
 * <p>A scenario is a PSK scenario when one of its own configuration files authenticates with a
 * preshared key ({@code auth = psk}, {@code authby=secret|psk}). One the script puts out of scope
 * is reported skipped with the script's reason, and so is one whose prediction installs a
 * transport-mode CHILD_SA: kernel-libipsec installs tunnel mode only. Addresses are the corpus's
 * own (192.168.0.0/24, 10.1.0.0/16, 10.2.0.0/16), inside the testbed's isolated namespaces.
 */
class CorpusNegotiationTest {
	private static final Pattern PSK = Pattern.compile("(?m)^\\s*(auth\\s*=\\s*psk|authby\\s*=\\s*(secret|psk))\\s*$");
	private static final Path SCRIPT = Path.of("../scripts/strongswan-scenarios").toAbsolutePath().normalize();
	/**
	 * strongSwan 6 offers the AEAD proposal of its ESP {@code default} first, 5.9 (Debian 12's charon)
	 * the CBC one: there a CHILD_SA's algorithms from {@code default} follow the charon's version,
	 * not the prediction's, and are not compared.
	 */
	private static final Set<String> CHILD_ALGORITHMS = Set.of("encr-alg", "encr-keysize", "integ-alg", "dh-group");

	/** Each prerequisite is checked in each scenario's test, so that a missing one shows as skipped tests. */
	@TestFactory
	Stream<DynamicTest> regeneratedConfigurationsNegotiateAsPredicted(@TempDir Path dir) throws IOException {
		Path corpus = CorpusScenario.corpus();
		if (corpus == null)
			return Stream.of(DynamicTest.dynamicTest("strongSwan test corpus", () -> RealTools.assumeAvailable(false,
					"real-tools test not run: missing the strongSwan test corpus (../shared/corpus/strongswan-tests)")));
		List<Path> scenarios = pskScenarios(corpus);
		assertThat(scenarios).as("PSK scenarios of the corpus").isNotEmpty();
		Pipeline pipeline = new Pipeline(corpus, scenarios, dir);
		Stream<DynamicTest> each = scenarios.stream().map(scenario -> DynamicTest.dynamicTest(name(scenario), () -> {
			prerequisites();
			negotiate(CorpusScenario.read(scenario), pipeline, dir.resolve("run").resolve(name(scenario)));
		}));
		// so that the round trip cannot come to nothing by the scope rule alone
		DynamicTest someInScope = DynamicTest.dynamicTest("some PSK scenarios are in scope", () -> {
			prerequisites();
			long inScope = scenarios.stream().filter(scenario -> scope(pipeline, name(scenario)).equals("in")).count();
			assertThat(inScope).as("PSK scenarios the script puts in scope").isPositive();
		});
		return Stream.concat(each, Stream.of(someInScope));
	}

	private static void prerequisites() {
		RealTools.require(RealTools.IP, RealTools.SWANCTL, RealTools.CHARON, RealTools.UNSHARE, RealTools.PING,
				RealTools.KERNEL_LIBIPSEC, RealTools.TUN);
		Assumptions.assumeTrue(Files.isRegularFile(SCRIPT),
				"not run: this build has no scripts/strongswan-scenarios (ipsl import strongswan)");
	}

	private static JsonObject predictions(Pipeline pipeline, String scenario) {
		try {
			return JsonParser.parseString(Files.readString(pipeline.out().resolve(scenario).resolve("predictions.json"),
					StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException e) {
			throw new AssertionError("no predictions.json for " + scenario, e);
		}
	}

	private static String scope(Pipeline pipeline, String scenario) {
		return predictions(pipeline, scenario).get("scope").getAsString();
	}

	/** What the scenarios share, made once, by the first scenario's test that gets that far. */
	private static final class Pipeline {
		private final Path corpus, dir;
		private final List<Path> scenarios;
		private Path out;

		Pipeline(Path corpus, List<Path> scenarios, Path dir) {
			this.corpus = corpus;
			this.scenarios = scenarios;
			this.dir = dir;
		}

		/** The script's output for a corpus holding only the scenarios (and the machines' defaults). */
		Path out() {
			if (out == null) {
				Path subset = dir.resolve("corpus");
				Checker.copyTree(corpus.resolve("hosts"), subset.resolve("hosts"));
				for (Path scenario : scenarios)
					Checker.copyTree(scenario, subset.resolve("tests").resolve(name(scenario)));
				RealTools.Run run = RealTools.run(Map.of(), 300, "sh", SCRIPT.toString(), subset.toString(),
						dir.resolve("scenarios").toString());
				assertThat(run.exit()).as("strongswan-scenarios\n" + run.both()).isZero();
				out = dir.resolve("scenarios");
			}
			return out;
		}
	}

	private static void negotiate(CorpusScenario scenario, Pipeline pipeline, Path dir) throws Exception {
		Path result = pipeline.out().resolve(scenario.name());
		JsonObject predictions = predictions(pipeline, scenario.name());
		String scope = predictions.get("scope").getAsString();
		Assumptions.assumeTrue(scope.equals("in"), () -> "not run: " + scope);
		JsonObject hosts = predictions.getAsJsonObject("hosts");
		Assumptions.assumeFalse(installsTransport(hosts),
				"not run: the prediction installs a transport-mode CHILD_SA, and kernel-libipsec installs tunnel mode only");
		assertThat(hosts.keySet()).as(scenario.name() + ": predicted hosts").isNotEmpty();

		Map<String, Path> configs = generate(scenario, result.resolve("workspace"), predictsFailure(hosts),
				dir.resolve("generated"));
		Set<String> uncompared = charonHasVersion6Defaults() || configs.values().stream().noneMatch(
				CorpusNegotiationTest::offersDefaultEsp) ? Set.of() : CHILD_ALGORITHMS;

		Negotiation negotiation = Negotiation.run(scenario, configs, dir.resolve("charons"));
		Map<String, List<ListedSa>> listed = new LinkedHashMap<>();
		for (String host : scenario.ipsecHosts())
			listed.put(host, negotiation.sas(host));
		assertThat(PredictionCheck.disagreements(hosts, listed, uncompared, negotiation.logs()))
				.as("%s: the regenerated configurations against the prediction%s\n%s\n%s", scenario.name(),
						uncompared.isEmpty() ? "" : " (ESP default proposals: CHILD_SA algorithms not compared)",
						negotiation.listed(), negotiation.logs())
				.isEmpty();
		negotiation.pings().forEach((ping, answered) -> assertThat(answered)
				.as("%s: %s pings %s through the regenerated configurations\n%s", scenario.name(), ping.from(),
						ping.to(), negotiation.logs())
				.isEqualTo(ping.answered()));
	}

	/**
	 * Each IPsec machine's swanctl.conf, generated from the whole imported workspace as a user would;
	 * where the prediction is a failure, the workspace carries that failure as an error and
	 * generation refuses it, so each machine's is generated from its own host file (with the
	 * workspace's shared files) instead: alone, a host has no peer to disagree with.
	 */
	private static Map<String, Path> generate(CorpusScenario scenario, Path workspace, boolean failurePredicted,
			Path dir) throws IOException {
		Map<String, Path> configs = new LinkedHashMap<>();
		Generation.Result whole = GeneratedWorkspaces.run(workspace, EnumSet.of(Target.STRONGSWAN),
				GenerateOptions.DEFAULT, dir.resolve("workspace"));
		if (whole.exitCode() == 0 || !failurePredicted) {
			assertThat(whole.exitCode()).as(scenario.name() + ": generate --target strongswan " + whole).isZero();
			for (String host : scenario.ipsecHosts())
				configs.put(host, dir.resolve("workspace").resolve(host).resolve("swanctl.conf"));
			return configs;
		}
		for (String host : scenario.ipsecHosts()) {
			Path alone = dir.resolve(host + "-alone");
			Checker.copyTree(workspace, alone);
			for (String other : scenario.ipsecHosts())
				if (!other.equals(host))
					Files.delete(alone.resolve(other + ".ipsl"));
			Generation.Result one = GeneratedWorkspaces.run(alone, EnumSet.of(Target.STRONGSWAN),
					GenerateOptions.DEFAULT, dir.resolve(host));
			assertThat(one.exitCode()).as(scenario.name() + ": generate --target strongswan, " + host + " alone " + one)
					.isZero();
			configs.put(host, dir.resolve(host).resolve(host).resolve("swanctl.conf"));
		}
		return configs;
	}

	private static boolean predictsFailure(JsonObject hosts) {
		for (Map.Entry<String, JsonElement> host : hosts.entrySet())
			for (JsonElement sa : host.getValue().getAsJsonArray())
				if (!"ESTABLISHED".equals(PredictionCheck.text(sa.getAsJsonObject().get("state"))))
					return true;
		return false;
	}

	/** Whether a swanctl.conf offers strongSwan's {@code default} ESP proposals. */
	private static boolean offersDefaultEsp(Path swanctlConf) {
		try {
			return Files.readAllLines(swanctlConf).stream().anyMatch(l -> l.strip().startsWith("esp_proposals")
					&& List.of(l.substring(l.indexOf('=') + 1).split(",")).stream()
							.anyMatch(p -> p.strip().equals("default")));
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	/** Whether this charon orders its default ESP proposals as strongSwan 6 does (the corpus's, the prediction's). */
	private static boolean charonHasVersion6Defaults() {
		String version = RealTools.run(Map.of(), 10, RealTools.CHARON.toString(), "--version").out();
		Matcher major = Pattern.compile("strongSwan (\\d+)\\.").matcher(version);
		return major.find() && Integer.parseInt(major.group(1)) >= 6;
	}

	/** The scenarios one of whose own configuration files authenticates with a preshared key. */
	static List<Path> pskScenarios(Path corpus) throws IOException {
		List<Path> scenarios = new ArrayList<>();
		try (Stream<Path> files = Files.walk(corpus.resolve("tests"))) {
			for (Path file : files.filter(CorpusNegotiationTest::configuration).sorted().toList()) {
				Path scenario = corpus.resolve("tests").resolve(corpus.resolve("tests").relativize(file).subpath(0, 2));
				if (!scenarios.contains(scenario)
						&& PSK.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).find())
					scenarios.add(scenario);
			}
		}
		return scenarios;
	}

	private static boolean configuration(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.equals("swanctl.conf") || name.equals("ipsec.conf"));
	}

	private static boolean installsTransport(JsonObject hosts) {
		for (Map.Entry<String, JsonElement> host : hosts.entrySet())
			for (JsonElement sa : host.getValue().getAsJsonArray())
				if (sa.getAsJsonObject().has("children"))
					for (JsonElement child : sa.getAsJsonObject().getAsJsonArray("children"))
						if ("INSTALLED".equals(PredictionCheck.text(child.getAsJsonObject().get("state")))
								&& "TRANSPORT".equals(PredictionCheck.text(child.getAsJsonObject().get("mode"))))
							return true;
		return false;
	}

	private static String name(Path scenario) {
		return scenario.getParent().getFileName() + "/" + scenario.getFileName();
	}
}
