package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ipsl check --peers}: the session table after the diagnostics, as text and as JSON. */
class PeersCliTest {

	@Test
	void textPrintsTheDiagnosticsThenTheTable() throws Exception {
		IpslRun run = IpslRun.run(Checker.examples(), "check", "--peers", "peers");
		assertThat(run.exitCode()).isEqualTo(1);
		List<String> lines = run.stdout().lines().toList();
		int table = lines.indexOf("");
		assertThat(lines.subList(0, table)).hasSize(12).allMatch(l -> l.startsWith("peers/"));
		assertThat(lines.subList(table + 1, lines.size())).containsExactly(
				"initiator  responder  outcome                  proposal              transform             audit",
				"---------  ---------  -----------------------  --------------------  --------------------  ---------------------------",
				"b1         hq         IKE_PHASE1_FAILED        -                     esp-aes128-hmac-sha1  MM negotiation timeout",
				"b2         hq         IKE_PHASE1_KEY_MISMATCH  aes128-sha1-modp2048  esp-aes128-hmac-sha1  Main Mode processing failed",
				"b3         hq         IPSEC_PHASE2_FAILED      aes128-sha1-modp2048  -                     QM negotiation timeout",
				"b4         hq         ESTABLISHED              -                     manual hq-keys",
				"hq         b1         IKE_PHASE1_FAILED        -                     esp-aes128-hmac-sha1  MM negotiation timeout",
				"hq         b2         IKE_PHASE1_KEY_MISMATCH  aes128-sha1-modp2048  esp-aes128-hmac-sha1  Main Mode processing failed",
				"hq         b3         IPSEC_PHASE2_FAILED      aes128-sha1-modp2048  -                     QM negotiation timeout",
				"hq         b4         MANUAL_KEYS_MISMATCH     -                     -                     Padding checks failed");
	}

	@Test
	void aCleanWorkspacePrintsOnlyTheTableAndExitsZero() throws Exception {
		IpslRun run = IpslRun.run(Checker.examples(), "check", "--peers", "site-to-site");
		assertThat(run.exitCode()).isZero();
		assertThat(run.stdout().lines().toList()).containsExactly(
				"initiator  responder  outcome      proposal              transform             audit",
				"---------  ---------  -----------  --------------------  --------------------  -----",
				"alpha      beta       ESTABLISHED  aes128-sha1-modp1024  esp-aes128-hmac-sha1",
				"beta       alpha      ESTABLISHED  aes128-sha1-modp1024  esp-aes128-hmac-sha1");
	}

	@Test
	void jsonHoldsTheDiagnosticsAndTheSessions() throws Exception {
		IpslRun run = IpslRun.run(Checker.examples(), "check", "--peers", "--format", "json", "peers");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonObject result = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertThat(result.keySet()).containsExactly("diagnostics", "sessions", "hosts");
		assertThat(result.getAsJsonArray("diagnostics")).hasSize(12);
		JsonArray sessions = result.getAsJsonArray("sessions");
		assertThat(sessions).hasSize(8);
		JsonObject hqToB4 = sessions.get(7).getAsJsonObject();
		assertThat(hqToB4.keySet()).containsExactly("initiator", "responder", "outcome", "proposal", "transform",
				"audit");
		assertThat(hqToB4.get("initiator").getAsString()).isEqualTo("hq");
		assertThat(hqToB4.get("responder").getAsString()).isEqualTo("b4");
		assertThat(hqToB4.get("outcome").getAsString()).isEqualTo("MANUAL_KEYS_MISMATCH");
		assertThat(hqToB4.get("audit").getAsString()).isEqualTo("Padding checks failed");
		assertThat(run.stdout()).doesNotContain("hQ8$wE3").doesNotContain("0xae5c8df9").doesNotContain("833da2015b");
	}
}
