package org.ipsl.tests.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ipsl.analysis.certs.DocumentedPki;
import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Category;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Target;
import org.ipsl.ide.codeactions.IpslCodeActionService;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/diagnostics.md has one section per code, headed by the code, and each section's example,
 * checked by the real checker (generated, for generation codes), produces that code.
 */
class DiagnosticsDocumentationTest {
	private static final Path DOCUMENT = Path.of("..").resolve(DiagnosticCode.DOCUMENT).toAbsolutePath().normalize();
	private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$", Pattern.MULTILINE);
	private static final Pattern IPSL_BLOCK = Pattern.compile("^```ipsl\\n(.*?)^```$",
			Pattern.MULTILINE | Pattern.DOTALL);
	private static final Pattern FILE_NAME = Pattern.compile("\\A// file: (\\S+)\\n");
	private static final Pattern LOCAL_LINK = Pattern.compile("\\]\\(#([^)]+)\\)");

	/** A code's section: the text from its heading to the next heading of any level. */
	record Section(String code, String text) {
		@Override
		public String toString() {
			return code;
		}
	}

	static List<Section> sections() throws IOException {
		String document = Files.readString(DOCUMENT);
		Matcher heading = HEADING.matcher(document);
		List<int[]> starts = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		while (heading.find()) {
			starts.add(new int[]{heading.start(), heading.group(1).length()});
			titles.add(heading.group(2));
		}
		List<Section> sections = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++)
			if (starts.get(i)[1] == 3) {
				int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : document.length();
				sections.add(new Section(titles.get(i), document.substring(starts.get(i)[0], end)));
			}
		return sections;
	}

	/** The anchor GitHub and most Markdown renderers give a heading. */
	static String slug(String heading) {
		return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
	}

	@Test
	void theSectionsAreTheCodesAndTheAnchorsResolve() throws IOException {
		List<String> headed = sections().stream().map(Section::code).toList();
		assertThat(headed).as("one section per code, headed by the code, in the order of DiagnosticCode")
				.containsExactlyElementsOf(Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::id).toList());
		String document = Files.readString(DOCUMENT);
		Set<String> anchors = HEADING.matcher(document).results().map(m -> slug(m.group(2)))
				.collect(Collectors.toSet());
		for (DiagnosticCode code : DiagnosticCode.values())
			assertThat(anchors).as("anchor of %s", code.id()).contains(code.anchor());
		assertThat(LOCAL_LINK.matcher(document).results().map(m -> m.group(1)).toList()).as("links inside the document")
				.isNotEmpty().allSatisfy(link -> assertThat(anchors).contains(link));
	}

	@Test
	void theSectionsWithAQuickFixAreTheCodesThatHaveOne() throws IOException {
		Set<String> documented = sections().stream().filter(s -> s.text().contains("**Quick fix")).map(Section::code)
				.collect(Collectors.toSet());
		assertThat(documented).isEqualTo(
				IpslCodeActionService.fixedCodes().stream().map(DiagnosticCode::id).collect(Collectors.toSet()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sections")
	void theExampleProducesItsCode(Section section, @TempDir Path workspace) throws IOException {
		assertThat(section.text()).as("what to do").contains("**Fix:**");
		Map<String, String> files = examples(section);
		assertThat(files).as("an ipsl example").isNotEmpty();
		files.forEach((name, text) -> Checker.write(workspace.resolve(name), text));
		if (files.values().stream().anyMatch(text -> text.contains("\"certs/")))
			DocumentedPki.write(workspace, Checker.DAY);
		DiagnosticCode code = DiagnosticCode.byId(section.code()).orElseThrow();
		List<Diagnostic> diagnostics = code.category() == Category.GENERATION
				? GeneratedWorkspaces.run(workspace, EnumSet.of(Target.HPUX), GenerateOptions.DEFAULT,
						workspace.resolveSibling("out")).diagnostics()
				: Checker.check(workspace);
		assertThat(diagnostics).as("diagnostics of the example").extracting(Diagnostic::code).contains(code);
		assertThat(diagnostics).as("the example is otherwise valid IPSL")
				.filteredOn(d -> d.code().category() == Category.LANGUAGE && d.code() != code).isEmpty();
	}

	/** The section's ipsl blocks by file name: a block's {@code // file: NAME} line, else example.ipsl. */
	private static Map<String, String> examples(Section section) {
		Map<String, String> files = new LinkedHashMap<>();
		Matcher block = IPSL_BLOCK.matcher(section.text());
		while (block.find()) {
			Matcher name = FILE_NAME.matcher(block.group(1));
			String file = name.find() ? name.group(1) : "example.ipsl";
			assertThat(files.put(file, block.group(1))).as("two blocks for %s in %s", file, section).isNull();
		}
		return files;
	}

	@Test
	void theDocumentIsTheRepositorysOwn() throws IOException {
		try (Stream<String> lines = Files.lines(DOCUMENT)) {
			assertThat(lines.filter(line -> line.contains("../shared") || line.contains("DIAGNOSTICS.md")).toList())
					.isEmpty();
		}
	}
}
