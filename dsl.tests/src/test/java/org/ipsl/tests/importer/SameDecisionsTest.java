package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.ipsl.ipsl.Host;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The round trip's SPD comparison sees a difference in any packet's fate, and none in a mere rewording. */
class SameDecisionsTest {
	@TempDir
	Path dir;

	private Host host(String folder, String body) {
		Checker.write(dir.resolve(folder).resolve("h.ipsl"), "host h {\n" + body + "\n}\n");
		return RoundTrip.hosts(dir.resolve(folder)).get("h");
	}

	private static final String KEYS = "manual-sa m { peer 10.0.0.2 inbound esp spi 2600000 encryption aes128 "
			+ "0x0102030405060708090a0b0c0d0e0f10 authentication hmac-sha1 0x0102030405060708090a0b0c0d0e0f1011121314 "
			+ "outbound esp spi 2600001 encryption aes128 0x1102030405060708090a0b0c0d0e0f10 authentication hmac-sha1 "
			+ "0x1102030405060708090a0b0c0d0e0f1011121314 }";

	@Test
	void aRewordingDecidesAlike() {
		Host any = host("a", "policy p priority 10 { any from any to 10.0.0.0/8 discard } default pass");
		Host split = host("b", "policy p priority 10 { any from 0.0.0.0/0 to 10.0.0.0/9 discard }"
				+ " policy q priority 20 { tcp from 0.0.0.0/0 to 10.128.0.0/9 discard }"
				+ " policy r priority 30 { any from 0.0.0.0/0 to 10.128.0.0/9 discard } default pass");
		assertThatCode(() -> RoundTrip.sameDecisions(any, split)).doesNotThrowAnyException();
	}

	@Test
	void oneOtherPortIsADifference() {
		Host a = host("a", "policy p priority 10 { tcp from any to 10.0.0.0/8 port 22 discard } default pass");
		Host b = host("b", "policy p priority 10 { tcp from any to 10.0.0.0/8 port 23 discard } default pass");
		assertThatThrownBy(() -> RoundTrip.sameDecisions(a, b)).isInstanceOf(AssertionError.class);
	}

	@Test
	void anotherManualKeyIsADifference() {
		Host a = host("a", "policy p priority 10 { udp from 10.0.0.1 to 10.0.0.2 protect manual m } " + KEYS);
		Host b = host("b", "policy p priority 10 { udp from 10.0.0.1 to 10.0.0.2 protect manual m } "
				+ KEYS.replace("0x1102", "0x2102"));
		assertThatThrownBy(() -> RoundTrip.sameDecisions(a, b)).isInstanceOf(AssertionError.class);
		Host renamed = host("c", "policy p priority 10 { udp from 10.0.0.1 to 10.0.0.2 protect manual n } "
				+ KEYS.replace("manual-sa m", "manual-sa n"));
		assertThatCode(() -> RoundTrip.sameDecisions(a, renamed)).doesNotThrowAnyException();
	}
}
