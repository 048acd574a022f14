package org.ipsl.tests.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;
import org.junit.jupiter.api.Test;

/** The diagnostic codes are defined once, in {@link DiagnosticCode}, and nowhere else in main code. */
class DiagnosticCodeTest {
	private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
	private static final Set<String> IDS = Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id)
			.collect(Collectors.toSet());

	@Test
	void noMainSourceOutsideTheCodeTypeSpellsACode() throws IOException {
		List<Path> sources = mainSources();
		assertThat(sources).as("main sources found").hasSizeGreaterThan(100)
				.anyMatch(p -> p.endsWith(Path.of("org/ipsl/diagnostics/DiagnosticCode.java")));
		List<String> offences = new ArrayList<>();
		for (Path source : sources) {
			if (source.endsWith(Path.of("org/ipsl/diagnostics/DiagnosticCode.java")))
				continue;
			List<String> lines = Files.readAllLines(source);
			for (int i = 0; i < lines.size(); i++) {
				Matcher literal = STRING_LITERAL.matcher(lines.get(i));
				while (literal.find())
					if (IDS.contains(literal.group(1)))
						offences.add(source + ":" + (i + 1) + ": \"" + literal.group(1) + "\"");
			}
		}
		assertThat(offences).as("code strings spelled outside DiagnosticCode").isEmpty();
	}

	@Test
	void theScanFindsACodeSpelledInASource() {
		Matcher literal = STRING_LITERAL.matcher("error(\"x\", policy, null, \"policy-shadowed\");");
		List<String> found = new ArrayList<>();
		while (literal.find())
			found.add(literal.group(1));
		assertThat(found).containsExactly("x", "policy-shadowed");
		assertThat(IDS).contains("policy-shadowed");
	}

	@Test
	void idsAreLowerCaseWordsAndOnlyPeerUnknownIsAHint() {
		assertThat(DiagnosticCode.values()).hasSize(44).allSatisfy(code -> {
			assertThat(code.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
			assertThat(DiagnosticCode.byId(code.id())).contains(code);
			assertThat(code.severity() == Severity.HINT).as(code.id()).isEqualTo(code == DiagnosticCode.PEER_UNKNOWN);
		});
		assertThat(DiagnosticCode.byId("no-such-code")).isEmpty();
		assertThat(DiagnosticCode.byId(null)).isEmpty();
	}

	/** Every module's main Java sources, from the reactor root. */
	private static List<Path> mainSources() throws IOException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		List<Path> sources = new ArrayList<>();
		try (Stream<Path> modules = Files.list(root)) {
			for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList())
				try (Stream<Path> files = Files.walk(main)) {
					files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
				}
		}
		return sources;
	}
}
