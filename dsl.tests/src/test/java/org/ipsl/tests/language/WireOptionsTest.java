package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HP-UX's wire options in the language: {@code mode main|aggressive} and {@code max-quick-modes N}
 * in an IKE policy, {@code exclusive} after a protect action; parsed, validated and formatted.
 */
class WireOptionsTest {
	private static final String HOST = """
			host h { address 192.0.2.1
			ike peers priority 10 { max-quick-modes %s mode aggressive remote 192.0.2.0/24
			authentication preshared "x8#Lq2!vR7@kT4$m" }
			policy p priority 20 { tcp from 192.0.2.1 to 192.0.2.2 port 22 protect esp-aes128-hmac-sha1 pfs modp1024 exclusive } }
			""";

	@Test
	void theOptionsParseAndAValidCountIsClean(@TempDir Path dir) {
		List<Diagnostic> diagnostics = Checker.checkText(dir, HOST.formatted("1"));
		assertThat(diagnostics).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
	}

	@Test
	void aQuickModeCountOutOfRangeIsAnInvalidValueAtIt(@TempDir Path dir) {
		for (String count : List.of("0", "2147483648", "many")) {
			List<Diagnostic> errors = Checker.checkText(dir.resolve(count), HOST.formatted(count)).stream()
					.filter(d -> d.severity() == Severity.ERROR).toList();
			assertThat(errors).as(count).singleElement().satisfies(d -> {
				assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_VALUE);
				assertThat(d.line()).isEqualTo(2);
				assertThat(d.message()).contains("max-quick-modes");
			});
		}
	}

	@Test
	void eachOptionHasItsLineInTheCanonicalLayout() throws IOException {
		assertThat(FormatterTest.format(HOST.formatted("1"))).isEqualTo("""
				host h {
				    address 192.0.2.1
				    ike peers priority 10 {
				        max-quick-modes 1
				        mode aggressive
				        remote 192.0.2.0/24
				        authentication preshared "x8#Lq2!vR7@kT4$m"
				    }
				    policy p priority 20 {
				        tcp from 192.0.2.1 to 192.0.2.2 port 22
				        protect esp-aes128-hmac-sha1
				        pfs modp1024
				        exclusive
				    }
				}
				""");
	}

	@Test
	void aHostMayStillBeCalledMainOrMode(@TempDir Path dir) {
		String text = """
				network main = 192.0.2.0/24
				host mode { address 192.0.2.1 policy p { any from mode to main discard } }
				""";
		assertThat(Checker.checkText(dir, text)).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
	}
}
