package org.ipsl.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.tests.peers.PeerDiagnosticsTest.IKE;
import static org.ipsl.tests.peers.PeerDiagnosticsTest.PROTECT;
import static org.ipsl.tests.peers.PeerDiagnosticsTest.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ipsl.check.Diagnostic;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The troubleshooting scenarios of HP-UX's manuals (HP-UX IPSec version A.02.00 Administrator's
 * Guide, chapter 5, "Troubleshooting Scenarios", PDF pages 175-193): each mistake written in IPSL
 * gets a diagnostic from {@code ipsl check} that quotes the text HP-UX's audit file or STREAMS log
 * shows for it. The texts are written out here as the manual prints them. The runtime's own audit
 * entries for the same situations are golden-tested in the runtime module
 * ({@code HpuxManualExamplesTest}: EEXIST, errno 22, ICV, the cache thresholds, MM timeout).
 */
class HpuxTroubleshootingTest {
	private static final TwoHosts HOSTS = new TwoHosts(TwoHosts.Family.V4, true);

	@TempDir
	Path dir;

	private List<Diagnostic> check(String alpha, String beta) {
		return Checker.check(HOSTS.write(dir, alpha, beta, Map.of()));
	}

	private static List<String> messages(List<Diagnostic> diagnostics, String code) {
		return diagnostics.stream().filter(d -> d.code().id().equals(code)).map(Diagnostic::message).toList();
	}

	/** Page 175, "HP-UX IPSec Incorrectly Passes Packets": one side protects, the other sends in clear. */
	@Test
	void clearTextWhereIpsecWasMeant() {
		List<Diagnostic> found = check(host(IKE, PROTECT),
				host(IKE, PROTECT.replace("protect esp-aes128-hmac-sha1", "pass"), "    default discard\n"));
		assertThat(messages(found, "asymmetric-policy")).isNotEmpty()
				.anySatisfy(m -> assertThat(m).contains("passes it in clear").contains("(QM negotiation timeout)"));
	}

	/** Pages 178-179: "MM negotiation timeout", the responder silently refusing the initiator's proposal. */
	@Test
	void mainModeTimesOutOnAProposalMismatch() {
		List<Diagnostic> found = check(host(IKE.replace("aes128-sha1-modp2048", "3des-sha1-modp1024"), PROTECT),
				host(IKE, PROTECT));
		assertThat(messages(found, "ike-proposal-mismatch")).hasSize(2)
				.allSatisfy(m -> assertThat(m).endsWith("(MM negotiation timeout)"));
	}

	/** Page 179: "QM negotiation timeout, mess ID hhhh" may indicate an IPsec transform proposal mismatch. */
	@Test
	void quickModeTimesOutOnATransformMismatch() {
		List<Diagnostic> found = check(host(IKE, PROTECT.replace("esp-aes128", "esp-3des")), host(IKE, PROTECT));
		assertThat(messages(found, "transform-mismatch")).hasSize(2)
				.allSatisfy(m -> assertThat(m).endsWith("(QM negotiation timeout)"));
	}

	/** Page 179: an IKE authentication that cannot succeed shows "Main Mode processing failed". */
	@Test
	void aCertificateAgainstAPresharedKeyFailsMainMode() {
		List<Diagnostic> found = check(
				host(IKE.replace("preshared \"Xk9#mQ2!vL7@pR4$\"", "certificate \"certs/{self}.pem\""), PROTECT),
				host(IKE, PROTECT));
		assertThat(messages(found, "ike-auth-mismatch")).hasSize(2)
				.allSatisfy(m -> assertThat(m).contains("Main Mode processing failed"));
		assertThat(messages(found, "cert-missing")).isNotEmpty();
	}

	/**
	 * Page 183, "Troubleshooting Manual Key Problems": the manual's SPI 513 in the dynamic range
	 * ("PF_KEY: SADB_ADD for SPI 0x201 returns EEXIST"), an SPI used twice, and keys HP-UX refuses
	 * ("PF_KEY: Invalid SADB_ADD, SPI 0xnnnn, errno 22"), all in examples/keys/vault.ipsl.
	 */
	@Test
	void manualKeyProblemsQuoteThePfKeyErrors() {
		List<Diagnostic> found = Checker.check(Checker.examples().resolve("keys"));
		assertThat(messages(found, "spi-in-dynamic-range")).singleElement().asString()
				.contains("inbound esp SPI 513 ").contains("(PF_KEY: SADB_ADD for SPI 0x201 returns EEXIST)");
		assertThat(messages(found, "spi-duplicate")).singleElement().asString()
				.contains("PF_KEY: SADB_ADD for SPI 0x27ac42 returns EEXIST");
		assertThat(messages(found, "weak-key")).hasSize(2)
				.allSatisfy(m -> assertThat(m).contains("too weak (PF_KEY: Invalid SADB_ADD, SPI 0xnnnn, errno 22)"));
		assertThat(messages(found, "key-length")).singleElement().asString()
				.endsWith("HP-UX rejects the SA (PF_KEY: Invalid SADB_ADD, SPI 0xnnnn, errno 22)");
	}

	/** Page 183: manual SAs that do not fit show "No SPI for received packet" (wrong SPI) or "Padding checks failed" (wrong key). */
	@Test
	void manualSasThatDoNotFitQuoteTheReceiversLogs() {
		String sender = host(
				"""
						    policy syslog {
						        udp from {self} to {peer} port syslog
						        protect manual keys
						    }
						    manual-sa keys {
						        peer {peer}
						        inbound  esp spi 3000001 encryption aes128 0xdeef2797cff08b2e838809f480fa361b authentication hmac-sha1 0x0152b6db12f478264bef842ba3a24f6cfee6ec7c
						        outbound esp spi 3000002 encryption aes128 0xae5c8df9202abb8397e193fc2078e0bb authentication hmac-sha1 0xd7f3b2f88e61ca576063da5d1cfb464c20a65df5
						    }
						""");
		String receiver = host(
				"""
						    policy syslog {
						        udp from {self} port syslog to {peer}
						        protect manual keys
						    }
						    manual-sa keys {
						        peer {peer}
						        inbound  esp spi %s encryption aes128 %s authentication hmac-sha1 0xd7f3b2f88e61ca576063da5d1cfb464c20a65df5
						        outbound esp spi 3000001 encryption aes128 0xdeef2797cff08b2e838809f480fa361b authentication hmac-sha1 0x0152b6db12f478264bef842ba3a24f6cfee6ec7c
						    }
						""");
		String goodKey = "0xae5c8df9202abb8397e193fc2078e0bb", otherKey = "0x833da2015b8e9c473a43171221fecdaf";
		assertThat(messages(check(sender, receiver.formatted("3000002", goodKey)), "manual-sa-mismatch")).isEmpty();
		assertThat(messages(check(sender, receiver.formatted("3000003", goodKey)), "manual-sa-mismatch")).hasSize(2)
				.allSatisfy(m -> assertThat(m).contains("(No SPI for received packet)"));
		assertThat(messages(check(sender, receiver.formatted("3000002", otherKey)), "manual-sa-mismatch")).hasSize(2)
				.allSatisfy(m -> assertThat(m).contains("(Padding checks failed)"));
	}
}
