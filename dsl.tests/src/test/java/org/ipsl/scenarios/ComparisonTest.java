package org.ipsl.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipsl.scenarios.Comparison.Verdict;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The evaltest rule on hand-made predictions: which lines agree, which do not, and which are false errors. */
class ComparisonTest {
	private static final String LIST_SAS = "moon::swanctl --list-sas --raw 2> /dev/null::gw-gw.*version=2 state=ESTABLISHED "
			+ "local-host=192.168.0.1 local-port=500 local-id=moon.strongswan.org remote-host=192.168.0.2 remote-port=500 "
			+ "remote-id=sun.strongswan.org initiator=yes.*encr-alg=AES_CBC encr-keysize=128 integ-alg=HMAC_SHA2_256_128 "
			+ "prf-alg=PRF_HMAC_SHA2_256 dh-group=CURVE_25519.*child-sas.*net-net.*reqid=1 state=INSTALLED mode=TUNNEL.*ESP.*"
			+ "encr-alg=AES_GCM_16 encr-keysize=128.*local-ts=\\[10.1.0.0/16 10.3.0.0/16] remote-ts=\\[10.2.0.0/16]::YES";

	private static JsonObject hosts(String state, String childState, boolean initiator) {
		return JsonParser.parseString("""
				{"moon": [{"name": "gw-gw", "version": 2, "state": "%s", "initiator": %s,
				  "local-host": "192.168.0.1", "remote-host": "192.168.0.2",
				  "local-id": "moon.strongswan.org", "remote-id": "sun.strongswan.org",
				  "encr-alg": "AES_CBC", "encr-keysize": 128, "integ-alg": "HMAC_SHA2_256_128",
				  "prf-alg": "PRF_HMAC_SHA2_256", "dh-group": "CURVE_25519",
				  "children": [{"name": "net-net", "state": "%s", "mode": "TUNNEL", "protocol": "ESP",
				    "encr-alg": "AES_GCM_16", "encr-keysize": 128,
				    "local-ts": ["10.1.0.0/16", "10.3.0.0/16"], "remote-ts": ["10.2.0.0/16"]}]}]}
				""".formatted(state, initiator, childState)).getAsJsonObject();
	}

	@Test
	void aListSasLineIsCutIntoTheConnectionItsChildAndTheirPredictedKeys() {
		Expectation e = Expectation.parse(LIST_SAS);
		assertThat(e.problem()).isNull();
		assertThat(e.host()).isEqualTo("moon");
		assertThat(e.yes()).isTrue();
		assertThat(e.name()).isEqualTo("gw-gw");
		assertThat(e.children()).extracting(Expectation.ChildFacts::name).containsExactly("net-net");
		assertThat(e.facts()).containsEntry("state", "ESTABLISHED").containsEntry("initiator", "yes")
				.containsEntry("dh-group", "CURVE_25519").doesNotContainKey("local-port");
		assertThat(e.children().get(0).facts()).containsEntry("protocol", "ESP")
				.containsEntry("local-ts", "\\[10.1.0.0/16 10.3.0.0/16]")
				.doesNotContainKey("reqid");
	}

	@Test
	void aYesLineAgreesOnlyWhenOnePredictedSaHasEveryFact() {
		Expectation e = Expectation.parse(LIST_SAS);
		assertThat(Comparison.compare(e, hosts("ESTABLISHED", "INSTALLED", true)).verdict()).isEqualTo(Verdict.AGREES);
		Comparison.Line notInitiator = Comparison.compare(e, hosts("ESTABLISHED", "INSTALLED", false));
		assertThat(notInitiator.verdict()).isEqualTo(Verdict.DISAGREES);
		assertThat(notInitiator.falseError()).isFalse();
		Comparison.Line failed = Comparison.compare(e, hosts("NO_PROPOSAL_CHOSEN", "INSTALLED", true));
		assertThat(failed.verdict()).isEqualTo(Verdict.DISAGREES);
		assertThat(failed.falseError()).isTrue();
		Comparison.Line childFailed = Comparison.compare(e, hosts("ESTABLISHED", "TS_UNACCEPTABLE", true));
		assertThat(childFailed.falseError()).isTrue();
		assertThat(Comparison.compare(e, new JsonObject()).why()).isEqualTo("no predicted SA named gw-gw on moon");
	}

	@Test
	void aLineNamingSeveralChildrenNeedsEachOfThem() {
		Expectation both = Expectation
				.parse("moon::swanctl --list-sas --raw::gw-gw.*state=ESTABLISHED.*child-sas.*net-net.*"
						+ "state=INSTALLED.*ssh.*state=INSTALLED::YES");
		assertThat(both.children()).extracting(Expectation.ChildFacts::name).containsExactly("net-net", "ssh");
		Comparison.Line line = Comparison.compare(both, hosts("ESTABLISHED", "INSTALLED", true));
		assertThat(line.verdict()).isEqualTo(Verdict.DISAGREES);
		assertThat(line.falseError()).isTrue();
		Expectation one = Expectation
				.parse("moon::swanctl --list-sas --raw::gw-gw.*child-sas.*net-net.*state=INSTALLED::YES");
		assertThat(Comparison.compare(one, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.AGREES);
	}

	@Test
	void aNoLineAgreesWhenNoPredictedSaHasItsFacts() {
		Expectation e = Expectation.parse("moon:: swanctl --list-sas --raw 2> /dev/null::gw-gw.*state=ESTABLISHED::NO");
		assertThat(Comparison.compare(e, hosts("NO_PROPOSAL_CHOSEN", "X", true)).verdict()).isEqualTo(Verdict.AGREES);
		assertThat(Comparison.compare(e, new JsonObject()).verdict()).isEqualTo(Verdict.AGREES);
		assertThat(Comparison.compare(e, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.DISAGREES);
	}

	@Test
	void ipsecStatusLinesFollowTheDocumentedRule() {
		Expectation ike = Expectation.parse(
				"moon:: ipsec status 2> /dev/null::gw-gw\\[1]: ESTABLISHED.*moon.strongswan.org.*sun.strongswan.org::YES");
		assertThat(ike.name()).isEqualTo("gw-gw");
		assertThat(ike.facts()).containsEntry("state", "ESTABLISHED").containsEntry("local-endpoint",
				"moon.strongswan.org");
		assertThat(Comparison.compare(ike, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.AGREES);
		Expectation swapped = Expectation
				.parse("moon::ipsec status::gw-gw.*ESTABLISHED.*sun.strongswan.org.*moon.strongswan.org::YES");
		assertThat(Comparison.compare(swapped, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.DISAGREES);
		Expectation child = Expectation.parse("moon::ipsec status 2> /dev/null::net-net[{]1}.*INSTALLED, TUNNEL::YES");
		assertThat(child.children()).extracting(Expectation.ChildFacts::name).containsExactly("net-net");
		assertThat(child.children().get(0).facts()).containsEntry("state", "INSTALLED").containsEntry("mode", "TUNNEL");
		Expectation address = Expectation.parse("moon::ipsec status::gw-gw.*ESTABLISHED.*\\[192.168.0.1].*sun::YES");
		assertThat(Comparison.compare(address, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.DISAGREES);
		Expectation nat = Expectation.parse("moon::ipsec status::nat-t.*INSTALLED, TUNNEL.*ESP in UDP::YES");
		assertThat(Comparison.compare(nat, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.NOT_COMPARABLE);
	}

	@Test
	void otherCommandsAndPatternNamesAreNotCompared() {
		assertThat(Expectation.parse("alice::ping -c 1 PH_IP_BOB::64 bytes from PH_IP_BOB: icmp_.eq=1::YES")).isNull();
		assertThat(Expectation.parse("moon::cat /var/log/daemon.log::NO_PROPOSAL_CHOSEN::YES")).isNull();
		Expectation pattern = Expectation.parse("moon::swanctl --list-sas --raw::(gw|net).*state=ESTABLISHED::YES");
		assertThat(Comparison.compare(pattern, hosts("ESTABLISHED", "INSTALLED", true)).verdict())
				.isEqualTo(Verdict.NOT_COMPARABLE);
	}
}
