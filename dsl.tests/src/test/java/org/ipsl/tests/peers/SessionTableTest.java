package org.ipsl.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.analysis.peers.Outcome;
import org.ipsl.analysis.peers.Session;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session table: one row per initiator and responder, with Batfish's outcomes and HP-UX's audit texts. */
class SessionTableTest {
	@TempDir
	Path dir;

	private static List<Session> sessions(Path workspace) throws Exception {
		return Checker.injector().getInstance(WorkspaceChecker.class).report(List.of(workspace), Checker.DAY)
				.sessions();
	}

	@Test
	void everyBranchOfThePeersExampleFailsItsOwnWay() throws Exception {
		assertThat(sessions(Checker.examples().resolve("peers"))).containsExactly(
				new Session("b1", "hq", Outcome.IKE_PHASE1_FAILED, "-", "esp-aes128-hmac-sha1",
						"MM negotiation timeout"),
				new Session("b2", "hq", Outcome.IKE_PHASE1_KEY_MISMATCH, "aes128-sha1-modp2048", "esp-aes128-hmac-sha1",
						"Main Mode processing failed"),
				new Session("b3", "hq", Outcome.IPSEC_PHASE2_FAILED, "aes128-sha1-modp2048", "-",
						"QM negotiation timeout"),
				new Session("b4", "hq", Outcome.ESTABLISHED, "-", "manual hq-keys", ""),
				new Session("hq", "b1", Outcome.IKE_PHASE1_FAILED, "-", "esp-aes128-hmac-sha1",
						"MM negotiation timeout"),
				new Session("hq", "b2", Outcome.IKE_PHASE1_KEY_MISMATCH, "aes128-sha1-modp2048", "esp-aes128-hmac-sha1",
						"Main Mode processing failed"),
				new Session("hq", "b3", Outcome.IPSEC_PHASE2_FAILED, "aes128-sha1-modp2048", "-",
						"QM negotiation timeout"),
				new Session("hq", "b4", Outcome.MANUAL_KEYS_MISMATCH, "-", "-", "Padding checks failed"));
	}

	@Test
	void agreeingGatewaysAreEstablishedBothWays() throws Exception {
		assertThat(sessions(Checker.examples().resolve("site-to-site"))).containsExactly(
				new Session("alpha", "beta", Outcome.ESTABLISHED, "aes128-sha1-modp1024", "esp-aes128-hmac-sha1", ""),
				new Session("beta", "alpha", Outcome.ESTABLISHED, "aes128-sha1-modp1024", "esp-aes128-hmac-sha1", ""));
	}

	@Test
	void aTunnelToNoHostOfTheWorkspaceIsAMissingEndPoint() throws Exception {
		Checker.write(dir.resolve("a.ipsl"), """
				host a {
				    address 10.1.1.10
				    ike out { remote 192.0.2.1 authentication preshared "Xk9#mQ2!vL7@pR4$" }
				    policy out {
				        any from 10.1.0.0/16 to 10.9.0.0/16
				        protect tunnel 10.1.1.10 -> 192.0.2.1 esp-aes128-hmac-sha1
				    }
				}
				""");
		assertThat(sessions(dir))
				.containsExactly(new Session("a", "192.0.2.1", Outcome.MISSING_END_POINT, "-", "-", ""));
	}

	@Test
	void aResponderWithoutAnIkePolicyFailsMainMode() throws Exception {
		Checker.write(dir.resolve("a.ipsl"), """
				host a {
				    address 10.1.1.10
				    ike to-b { remote b authentication preshared "Xk9#mQ2!vL7@pR4$" }
				    policy to-b { any from a to b protect esp-3des-hmac-sha1 pfs modp1024 }
				}
				""");
		Checker.write(dir.resolve("b.ipsl"), """
				host b {
				    address 10.2.2.20
				    policy to-a { any from b to a protect esp-3des-hmac-sha1 pfs modp1024 }
				}
				""");
		assertThat(sessions(dir)).containsExactly(
				new Session("a", "b", Outcome.IKE_PHASE1_FAILED, "-", "esp-3des-hmac-sha1",
						"Main Mode processing failed"),
				new Session("b", "a", Outcome.IKE_PHASE1_FAILED, "-", "esp-3des-hmac-sha1",
						"Main Mode processing failed"));
	}
}
