package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testbed against strongSwan's own results: a few PSK scenarios of the corpus, played with
 * their original swanctl.conf files in charons with userspace ESP, give what their evaltest.dat
 * records, every {@code swanctl --list-sas} line and every ping. So when a regenerated
 * configuration does not negotiate there ({@link CorpusNegotiationTest}), the fault is not the
 * testbed's.
 */
class CorpusTestbedTest {

	@BeforeEach
	void tools() {
		RealTools.require(RealTools.IP, RealTools.SWANCTL, RealTools.CHARON, RealTools.UNSHARE, RealTools.PING,
				RealTools.KERNEL_LIBIPSEC, RealTools.TUN);
		RealTools.assumeAvailable(CorpusScenario.corpus() != null,
				"real-tools test not run: missing the strongSwan test corpus (../shared/corpus/strongswan-tests)");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"ikev2/net2net-psk", "ikev2/rw-psk-ipv4", "ikev1/net2net-psk-fail"})
	void originalConfigurationsGiveWhatEvaltestRecords(String name, @TempDir Path dir) throws Exception {
		CorpusScenario scenario = CorpusScenario.read(CorpusScenario.corpus().resolve("tests").resolve(name));
		Map<String, Path> configs = new LinkedHashMap<>();
		for (String host : scenario.ipsecHosts())
			configs.put(host, scenario.dir().resolve("hosts").resolve(host).resolve("etc/swanctl/swanctl.conf"));
		Negotiation negotiation = Negotiation.run(scenario, configs, dir);

		assertThat(scenario.saChecks()).as("evaltest.dat's swanctl --list-sas lines").isNotEmpty();
		for (CorpusScenario.SaCheck check : scenario.saChecks()) {
			Pattern expression = anyPort(check.expression());
			boolean matched = negotiation.listed().getOrDefault(check.host(), "").lines()
					.anyMatch(line -> expression.matcher(line).find());
			assertThat(matched)
					.as("%s: %s %s %s\n%s\n%s", name, check.host(), check.matches() ? "lists" : "does not list",
							check.expression(), negotiation.listed(), negotiation.logs())
					.isEqualTo(check.matches());
		}
		negotiation.pings().forEach((ping, answered) -> assertThat(answered)
				.as("%s: %s pings %s\n%s", name, ping.from(), ping.to(), negotiation.logs())
				.isEqualTo(ping.answered()));
	}

	/** kernel-libipsec always encapsulates ESP in UDP, so IKE moves to port 4500 where the scenario says 500. */
	private static Pattern anyPort(Pattern expression) {
		return Pattern.compile(expression.pattern().replaceAll("(local|remote)-port=\\d+", "$1-port=\\\\d+"));
	}
}
