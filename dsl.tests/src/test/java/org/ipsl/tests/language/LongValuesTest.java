package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.check.Diagnostic;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message quotes a long value shortened, with its length, never whole. */
class LongValuesTest {
	private static final String DIGITS = "7".repeat(5000);

	@TempDir
	Path dir;

	@Test
	void aFiveThousandDigitNumberIsQuotedShortened() {
		List<Diagnostic> diagnostics = Checker.checkText(dir, """
				host a {
				    address 10.0.0.1
				    policy p priority %s {
				        any from any to 10.0.0.2
				        pass
				    }
				}
				""".formatted(DIGITS));
		assertThat(diagnostics).filteredOn(d -> d.code().id().equals("invalid-value")).singleElement()
				.satisfies(d -> assertThat(d.message())
						.isEqualTo("'777777777777777777777777…77777777 (5000 characters)' is not a number: "
								+ "priority must be 1–2147483647"));
	}

	@Test
	void aLongTokenInASyntaxErrorIsQuotedShortened() {
		List<Diagnostic> diagnostics = Checker.checkText(dir, "network n = 10.0.0.0/8 " + DIGITS + "\n");
		assertThat(diagnostics).isNotEmpty().allSatisfy(d -> assertThat(d.message()).hasSizeLessThan(200)
				.doesNotContain(DIGITS.substring(0, 100)));
		assertThat(diagnostics.get(0).message()).contains("(5000 characters)");
	}
}
