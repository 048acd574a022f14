package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each {@code invalid-value} case of docs/diagnostics.md: one diagnostic, at the value, and no cascade
 * into other checks. The value under test is marked with {@code ⟦…⟧} in the text.
 */
class InvalidValueTest {
	@TempDir
	Path dir;

	/** Checks {@code text} (with the marked value) and asserts exactly one diagnostic, at the mark. */
	private Diagnostic onlyAt(String code, String markedText) {
		int mark = markedText.indexOf('⟦');
		String text = markedText.replace("⟦", "").replace("⟧", "");
		String before = text.substring(0, mark);
		int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
		int column = mark - before.lastIndexOf('\n');
		// Hints do not count (a manual SA's peer outside the workspace gets peer-unknown).
		List<Diagnostic> diagnostics = Checker.checkText(dir, text).stream()
				.filter(d -> d.severity() != Severity.HINT).toList();
		assertThat(diagnostics).as("diagnostics of %s", text).hasSize(1);
		Diagnostic d = diagnostics.get(0);
		assertThat(d.code().id()).isEqualTo(code);
		assertThat(d.severity()).isEqualTo(Severity.ERROR);
		assertThat(List.of(d.line(), d.column())).as(d.message()).containsExactly(line, column);
		return d;
	}

	private static String policy(String selector) {
		return "host h {\n    address 10.0.0.1\n    policy p {\n        " + selector + "\n        discard\n    }\n}\n";
	}

	@Test
	void octetAbove255() {
		assertThat(onlyAt("invalid-value", policy("tcp from ⟦10.0.0.256⟧ to any")).message()).contains("above 255");
	}

	@Test
	void prefixLongerThan32() {
		assertThat(onlyAt("invalid-value", "network n = ⟦10.0.0.0/33⟧\n").message()).contains("/33");
	}

	@Test
	void prefixLongerThan128() {
		assertThat(onlyAt("invalid-value", "network n = ⟦2001:db8::/129⟧\n").message()).contains("/129");
	}

	@Test
	void malformedIpv6() {
		onlyAt("invalid-value", "network n = ⟦2001:db8:::1⟧\n");
	}

	@Test
	void portAbove65535() {
		assertThat(onlyAt("invalid-value", policy("tcp from any to any port ⟦65536⟧")).message()).contains("65536");
	}

	@Test
	void portRangeEndAbove65535() {
		onlyAt("invalid-value", policy("udp from any port 1024..⟦70000⟧ to any"));
	}

	@Test
	void reversedPortRange() {
		onlyAt("invalid-value", policy("udp from any port 2000..⟦1000⟧ to any"));
	}

	@Test
	void portWithAProtocolThatHasNone() {
		assertThat(onlyAt("invalid-value", policy("icmp from any to any port ⟦80⟧")).message())
				.contains("tcp and udp");
		onlyAt("invalid-value", policy("any from any port ⟦80⟧ to any"));
		onlyAt("invalid-value", policy("47 from any to any port ⟦80⟧"));
	}

	@Test
	void icmpTypeWithoutIcmp() {
		onlyAt("invalid-value", policy("tcp type ⟦8⟧ from any to any"));
	}

	@Test
	void icmpTypeAbove255() {
		onlyAt("invalid-value", policy("icmp type ⟦256⟧ from any to any"));
	}

	@Test
	void protocolNumberAbove255() {
		onlyAt("invalid-value", policy("⟦256⟧ from any to any"));
	}

	@Test
	void priorityOutOfRange() {
		onlyAt("invalid-value", "host h {\n    policy p priority ⟦0⟧ { any from any to any pass }\n}\n");
		onlyAt("invalid-value", "host h {\n    policy p priority ⟦2147483648⟧ { any from any to any pass }\n}\n");
		onlyAt("invalid-value",
				"host h {\n    ike i priority ⟦3x⟧ { remote any authentication preshared \"Tr0ub4dor&3xyz!\" }\n}\n");
	}

	@Test
	void spiOutOfRange() {
		onlyAt("invalid-value", manualSa("⟦0x100000000⟧", "0x301"));
		onlyAt("invalid-value", manualSa("3000000", "⟦4294967296⟧"));
	}

	private static String manualSa(String inboundSpi, String outboundSpi) {
		return "host h {\n    address 10.0.0.1\n    manual-sa m {\n        peer 10.0.0.2\n"
				+ "        inbound esp spi " + inboundSpi
				+ " encryption aes128 0x3b1f6a0c9d2e4f5a6b7c8d9e0f1a2b3c authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f\n"
				+ "        outbound esp spi " + outboundSpi
				+ " encryption aes128 0x8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e1f authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e\n"
				+ "    }\n}\n";
	}

	@Test
	void lifetimeOutOfRange() {
		onlyAt("invalid-value", "transform-set t = esp-aes128-hmac-sha1 lifetime ⟦599⟧\n");
		onlyAt("invalid-value", "transform-set t = esp-aes128-hmac-sha1 lifetime ⟦1193047h⟧\n");
		onlyAt("invalid-value", "transform-set t = esp-aes128-hmac-sha1 lifetime 1h ⟦5119KB⟧\n");
		onlyAt("invalid-value", "transform-set t = esp-aes128-hmac-sha1 lifetime 1h ⟦50000⟧\n");
		onlyAt("invalid-value", "transform-set t = esp-aes128-hmac-sha1 lifetime ⟦8d⟧\n");
	}

	@Test
	void lifetimeZeroMeansNone() {
		assertThat(Checker.checkText(dir, "transform-set t = esp-aes128-hmac-sha1 lifetime 0 0KB\n")).isEmpty();
	}

	@Test
	void addressesOfTwoFamiliesInOneSelector() {
		assertThat(onlyAt("invalid-value", policy("tcp from 10.0.0.1 to ⟦2001:db8::1⟧")).message())
				.contains("two families");
	}

	@Test
	void addressesOfTwoFamiliesThroughNames() {
		onlyAt("invalid-value", "network v6 = 2001:db8::/32\n" + policy("tcp from 10.0.0.1 to ⟦v6⟧"));
	}

	@Test
	void tunnelEndIsOneAddress() {
		onlyAt("invalid-value", "host h {\n    policy p {\n        any from any to any\n"
				+ "        protect tunnel ⟦any⟧ -> 10.0.0.2 esp-aes128-hmac-sha1\n    }\n}\n");
	}

	@Test
	void nameStartsWithALetter() {
		onlyAt("invalid-value", "host ⟦9lives⟧ { }\n");
	}

	@Test
	void settingGivenTwice() {
		onlyAt("invalid-value", "host h {\n    default pass\n    ⟦default⟧ discard\n}\n");
	}

	@Test
	void keyIsHex() {
		onlyAt("invalid-value", "host h {\n    manual-sa m {\n        peer 10.0.0.2\n"
				+ "        inbound ah spi 3000000 authentication hmac-sha1 ⟦0xnothex⟧\n"
				+ "        outbound ah spi 3000001 authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e\n"
				+ "    }\n}\n");
	}

	@Test
	void identityOfTheWrongFamily() {
		onlyAt("invalid-value", "host h {\n    ike i { remote any authentication preshared \"Tr0ub4dor&3xyz!\""
				+ " local-id ipv4 ⟦\"2001:db8::1\"⟧ }\n}\n");
	}

	@Test
	void anInvalidValueCausesNoOtherDiagnostic() {
		// The typo'd address would otherwise also make the selector look like two families.
		onlyAt("invalid-value", policy("tcp from ⟦10.0.0.300⟧ to 2001:db8::1 port 80"));
	}

	@Test
	void unknownNames() {
		onlyAt("unresolved-name", policy("tcp from ⟦nowhere⟧ to any"));
		onlyAt("unresolved-name", policy("tcp from any to any port ⟦htp⟧"));
		onlyAt("unresolved-name", "transform-set t = ⟦esp-aes128-hmac-sha2⟧\n");
		onlyAt("unresolved-name", "ike-proposal p = ⟦aes128-sha1-modp2047⟧\n");
	}

	@Test
	void duplicateNamesAcrossFilesAreReportedOnEach() {
		List<Diagnostic> diagnostics = Checker.checkFiles(dir, java.util.Map.of("a.ipsl", "host x { }\n",
				"b.ipsl", "network x = 10.0.0.0/8\n"));
		assertThat(diagnostics).extracting(d -> d.code().id()).containsExactly("duplicate-name", "duplicate-name");
	}
}
