package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A prediction in the corpus README's shape held against what charon 5.9 listed in a testbed run. */
class PredictionCheckTest {
	private static final List<ListedSa> MOON = ListedSa
			.parse("""
					list-sa event {gw-gw {uniqueid=1 version=2 state=ESTABLISHED local-host=192.168.0.1 local-port=4500 \
					local-id=moon.strongswan.org remote-host=192.168.0.2 remote-port=4500 remote-id=sun.strongswan.org \
					initiator=yes encr-alg=AES_CBC encr-keysize=128 integ-alg=HMAC_SHA2_256_128 prf-alg=PRF_HMAC_SHA2_256 \
					dh-group=CURVE_25519 child-sas {net-net-1 {name=net-net uniqueid=1 reqid=1 state=INSTALLED mode=TUNNEL \
					protocol=ESP encap=yes encr-alg=AES_GCM_16 encr-keysize=128 local-ts=[10.1.0.0/16] remote-ts=[10.2.0.0/16]}}}}
					""");

	private static JsonObject prediction(String ikeState, String encryption, String childState) {
		return JsonParser.parseString("""
				{"moon": [{"name": "gw-gw", "version": 2, "state": "%s", "initiator": true,
				  "local-host": "192.168.0.1", "remote-host": "192.168.0.2",
				  "local-id": "moon.strongswan.org", "remote-id": "sun.strongswan.org",
				  "encr-alg": "%s", "encr-keysize": 128, "integ-alg": "HMAC_SHA2_256_128",
				  "prf-alg": "PRF_HMAC_SHA2_256", "dh-group": "CURVE_25519",
				  "children": [{"name": "net-net", "state": "%s", "mode": "TUNNEL", "protocol": "ESP",
				    "encr-alg": "AES_GCM_16", "encr-keysize": 128,
				    "local-ts": ["10.1.0.0/16"], "remote-ts": ["10.2.0.0/16"]}]}]}
				""".formatted(ikeState, encryption, childState)).getAsJsonObject();
	}

	@Test
	void whatCharonListedAgreesWithTheSamePrediction() {
		assertThat(
				PredictionCheck.disagreements(prediction("ESTABLISHED", "AES_CBC", "INSTALLED"), Map.of("moon", MOON)))
				.isEmpty();
	}

	@Test
	void anotherAlgorithmIsNamed() {
		assertThat(
				PredictionCheck.disagreements(prediction("ESTABLISHED", "AES_CTR", "INSTALLED"), Map.of("moon", MOON)))
				.singleElement().asString().contains("encr-alg predicted AES_CTR, listed AES_CBC");
	}

	@Test
	void ignoredChildKeysAreNotCompared() {
		JsonObject prediction = prediction("ESTABLISHED", "AES_CBC", "INSTALLED");
		prediction.getAsJsonArray("moon").get(0).getAsJsonObject().getAsJsonArray("children").get(0).getAsJsonObject()
				.addProperty("encr-alg", "AES_CBC");
		assertThat(PredictionCheck.disagreements(prediction, Map.of("moon", MOON))).singleElement().asString()
				.contains("child net-net encr-alg predicted AES_CBC, listed AES_GCM_16");
		assertThat(PredictionCheck.disagreements(prediction, Map.of("moon", MOON), Set.of("encr-alg"), null)).isEmpty();
	}

	@Test
	void aPredictedFailureThatCharonEstablishedDisagrees() {
		assertThat(PredictionCheck.disagreements(prediction("NO_PROPOSAL_CHOSEN", "AES_CBC", "INSTALLED"),
				Map.of("moon", MOON))).singleElement().asString()
				.contains("predicted NO_PROPOSAL_CHOSEN, but charon established it");
		assertThat(PredictionCheck.disagreements(prediction("ESTABLISHED", "AES_CBC", "TS_UNACCEPTABLE"),
				Map.of("moon", MOON))).singleElement().asString()
				.contains("child net-net: predicted TS_UNACCEPTABLE, but installed");
	}

	@Test
	void aPredictedIkev2FailureNeedsItsNotifyInTheLogs() {
		JsonObject failed = prediction("AUTHENTICATION_FAILED", "AES_CBC", "INSTALLED");
		String logs = "[IKE] received AUTHENTICATION_FAILED notify error";
		assertThat(PredictionCheck.disagreements(failed, Map.of("moon", List.of()), Set.of(), logs)).isEmpty();
		assertThat(PredictionCheck.disagreements(failed, Map.of("moon", List.of()), Set.of(),
				"[IKE] received NO_PROPOSAL_CHOSEN notify error")).singleElement().asString()
				.contains("predicted AUTHENTICATION_FAILED, but no charon logged that notify");
	}

	@Test
	void anEstablishedSaThePredictionDoesNotNameDisagrees() {
		assertThat(PredictionCheck.disagreements(JsonParser.parseString("{\"moon\": []}").getAsJsonObject(),
				Map.of("moon", MOON))).singleElement().asString().contains("gw-gw: established, but not predicted");
		assertThat(PredictionCheck.disagreements(prediction("ESTABLISHED", "AES_CBC", "INSTALLED"), Map.of("moon",
				List.of()))).singleElement().asString().contains("charon lists no IKE_SA of that name");
	}
}
