package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ipsl.ast.HostRules;
import org.ipsl.check.PathFailure;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.Target;
import org.ipsl.generator.hpux.HpuxGenerator;
import org.ipsl.importer.hpux.HpuxImporter;
import org.ipsl.ipsl.Bypass;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.tests.support.Checker;

/**
 * {@code generate --target hpux}, {@code import hpux}, {@code generate} again: the batch files must
 * come back byte for byte, and each imported host must decide every packet as its original does.
 */
final class RoundTrip {
	private RoundTrip() {
	}

	/** The first generation's result; null when the workspace is not HP-UX-expressible (the result says why). */
	static Generation.Result generate(Path workspace, GenerateOptions options, Path out) {
		return GeneratedWorkspaces.run(workspace, EnumSet.of(Target.HPUX), options, out);
	}

	/**
	 * Imports every batch file under {@code generated} into {@code work}/imported, generates it into
	 * {@code work}/again, and checks both properties against {@code original}.
	 */
	static void check(Path original, Path generated, GenerateOptions options, Path work) {
		List<Path> batches = batches(generated);
		Path imported = work.resolve("imported");
		HpuxImporter.Result result = new HpuxImporter(Checker.injector())
				.run(new HpuxImporter.Request(batches, List.of(), imported, false));
		assertThat(result.problems()).as("import problems").isEmpty();
		assertThat(result.exitCode()).isZero();
		Path again = work.resolve("again");
		Generation.Result second = generate(imported, options, again);
		assertThat(second.exitCode()).as("generating the imported workspace: %s", second.diagnostics()).isZero();
		Map<String, String> first = GeneratedWorkspaces.files(generated), next = GeneratedWorkspaces.files(again);
		assertThat(next).as("generate, import, generate").isEqualTo(first);
		Map<String, Host> before = hosts(original), after = hosts(imported);
		assertThat(after.keySet()).isEqualTo(before.keySet());
		before.forEach((name, host) -> sameDecisions(host, after.get(name)));
	}

	static List<Path> batches(Path generated) {
		try (Stream<Path> walk = Files.walk(generated)) {
			return walk.filter(p -> p.getFileName().toString().equals(HpuxGenerator.BATCH)).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every host of the workspace folder by name, linked. */
	static Map<String, Host> hosts(Path folder) {
		Map<String, Host> hosts = new TreeMap<>();
		try {
			var workspace = Checker.injector().getInstance(WorkspaceChecker.class).load(List.of(folder), Checker.DAY)
					.get(0);
			for (var resource : workspace.reported().values())
				resource.getAllContents().forEachRemaining(o -> {
					if (o instanceof Host host)
						hosts.put(host.getName(), host);
				});
		} catch (PathFailure e) {
			throw new AssertionError(e.getMessage(), e);
		}
		return hosts;
	}

	/** A set of packets and what the host does with them. */
	private record Decision(Region packets, String action, String by) {
	}

	/**
	 * The two SPDs as regions: every packet that a rule (or the default) of one decides must get the
	 * same action from the other, and the bypass lists must be the same.
	 */
	static void sameDecisions(Host original, Host imported) {
		List<Decision> a = decisions(original), b = decisions(imported);
		for (Decision x : a)
			for (Decision y : b)
				if (x.packets().overlaps(y.packets()))
					assertThat(y.action()).as("host %s: packets of %s (original) and %s (imported)", original.getName(),
							x.by(), y.by()).isEqualTo(x.action());
		assertThat(bypass(imported)).as("bypass list").isEqualTo(bypass(original));
	}

	private static List<Decision> decisions(Host host) {
		HostRules rules = HostRules.of(host);
		assertThat(rules.rules()).as("every policy of %s has a rule", host.getName()).hasSize(rules.policies().size());
		List<Decision> decisions = new ArrayList<>();
		List<Region> earlier = new ArrayList<>();
		for (Rule rule : rules.rules()) {
			Region region = Region.of(rule.selector());
			decisions.add(new Decision(region.subtractAll(earlier), key(host, rule.action()), rule.name()));
			earlier.add(region);
		}
		decisions.add(new Decision(Region.of(Selector.ALL).subtractAll(earlier), key(host, rules.defaultAction()),
				"the default"));
		return decisions;
	}

	/** The action, with a manual SA by its SAs' contents: the importer names it after its policy. */
	private static String key(Host host, Action action) {
		if (action.kind() != Action.Kind.PROTECT || action.manualSa().isEmpty())
			return action.toString();
		ManualSa sa = host.getMembers().stream().filter(ManualSa.class::isInstance).map(ManualSa.class::cast)
				.filter(m -> m.getName().equals(action.manualSa().get())).findFirst().orElseThrow();
		StringBuilder text = new StringBuilder("manual");
		for (SaSpec spec : sa.getSas())
			text.append(' ').append(spec.getDirection()).append(' ').append(spec.getProtocol()).append(' ')
					.append(Long.decode(spec.getSpi())).append(' ').append(keySpec(spec.getEncryption())).append(' ')
					.append(keySpec(spec.getAuthentication())).append(' ').append(spec.getIv());
		return text.toString();
	}

	private static String keySpec(org.ipsl.ipsl.KeySpec spec) {
		return spec == null
				? "-"
				: spec.getAlgorithm() + "="
						+ Optional.ofNullable(spec.getKey()).map(k -> k.toLowerCase(Locale.ROOT)).orElse("");
	}

	private static List<String> bypass(Host host) {
		return host.getMembers().stream().filter(Bypass.class::isInstance).map(Bypass.class::cast)
				.flatMap(b -> b.getAddresses().stream()).map(a -> a.getValue()).sorted().toList();
	}
}
