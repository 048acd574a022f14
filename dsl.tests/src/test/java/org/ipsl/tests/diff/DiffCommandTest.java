package org.ipsl.tests.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code ipsl diff OLD NEW}: what it reports for each kind of change, its formats and exit codes. */
class DiffCommandTest {
	@TempDir
	Path dir;

	/** The host of docs/cli.md's JSON example. */
	static final String WEB_FIRST = """
			host gw {
			    address 10.0.0.1
			    policy web priority 10 {
			        tcp from 10.0.0.1 to 10.9.0.0/16 port 443
			        pass
			    }
			    policy lab priority 20 {
			        any from 10.0.0.1 to 10.9.0.0/16
			        discard
			    }
			    policy dns priority 30 {
			        udp from 10.0.0.1 to 10.8.0.53 port 53
			        pass
			    }
			    default pass
			}
			""";

	@Test
	void aReorderingWithoutEffectReportsNothingAndExitsZero() throws Exception {
		// dns shares no packet with web or lab: moving it first changes no packet's fate.
		String dnsFirst = WEB_FIRST.replace("policy dns priority 30", "policy dns priority 5");
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", dnsFirst));
		assertThat(run.stdout()).isEqualTo("nothing changes\n");
		assertThat(run.exitCode()).isZero();
	}

	@Test
	void aReorderingWithEffectReportsThePacketsAndBothPolicies() throws Exception {
		String labFirst = WEB_FIRST.replace("policy lab priority 20", "policy lab priority 5");
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", labFirst));
		assertThat(run.stdout()).isEqualTo("""
				host gw
				  tcp from 10.0.0.1 to 10.9.0.0/16 port 443
				    before: `web` (priority 10): passed in clear
				    after:  `lab` (priority 5): discarded
				""");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void anAddedPolicyReportsWhatItTakesFromTheDefault() throws Exception {
		String withSsh = WEB_FIRST.replace("    default pass", """
				policy ssh priority 40 {
				    tcp from 10.0.0.1 to 10.7.0.0/24 port 22
				    discard
				}
				default pass""");
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", withSsh));
		assertThat(run.stdout()).isEqualTo("""
				host gw
				  tcp from 10.0.0.1 to 10.7.0.0/24 port 22
				    before: the default policy: passed in clear
				    after:  `ssh` (priority 40): discarded
				""");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void aRewrittenPolicyWithTheSamePacketsReportsNothing() throws Exception {
		// The same packets written as two prefixes and a named network, and the policies renamed.
		String rewritten = "network lab-net = 10.9.0.0/17, 10.9.128.0/17\n"
				+ WEB_FIRST.replace("any from 10.0.0.1 to 10.9.0.0/16", "any from 10.0.0.1 to lab-net")
						.replace("policy web", "policy https");
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", rewritten));
		assertThat(run.stdout()).isEqualTo("nothing changes\n");
		assertThat(run.exitCode()).isZero();
	}

	private static String pair(String transformA, String proposalA) {
		return """
				host a {
				    address 10.0.0.1
				    ike to-b priority 10 {
				        remote b
				        proposals %s
				        authentication preshared "Vq3#mZ8!pL2@xR7$"
				    }
				    policy to-b priority 10 {
				        any from a to b
				        protect %s
				    }
				    default pass
				}
				host b {
				    address 10.0.0.2
				    ike to-a priority 10 {
				        remote a
				        proposals aes128-sha1-modp2048
				        authentication preshared "Vq3#mZ8!pL2@xR7$"
				    }
				    policy to-a priority 10 {
				        any from b to a
				        protect esp-aes128-hmac-sha1, esp-aes256-hmac-sha256
				    }
				    default pass
				}
				""".formatted(proposalA, transformA);
	}

	@Test
	void aChangedTransformShowsInTheDecisionAndTheSession() throws Exception {
		IpslRun run = diff(Map.of("ab.ipsl", pair("esp-aes128-hmac-sha1", "aes128-sha1-modp2048")),
				Map.of("ab.ipsl", pair("esp-aes256-hmac-sha256", "aes128-sha1-modp2048")));
		assertThat(run.stdout()).isEqualTo("""
				host a
				  any from 10.0.0.1 to 10.0.0.2
				    before: `to-b` (priority 10): protected with esp-aes128-hmac-sha1
				    after:  `to-b` (priority 10): protected with esp-aes256-hmac-sha256
				session a -> b
				  before: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				  after:  ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes256-hmac-sha256
				session b -> a
				  before: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				  after:  ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes256-hmac-sha256
				""");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void aChangedIkeProposalChangesTheSessionTableOnly() throws Exception {
		// The new version has an ike-proposal-mismatch error: a finding, which the diff shows as sessions that fail.
		IpslRun run = diff(Map.of("ab.ipsl", pair("esp-aes128-hmac-sha1", "aes128-sha1-modp2048")),
				Map.of("ab.ipsl", pair("esp-aes128-hmac-sha1", "aes256-sha256-modp2048")));
		assertThat(run.stdout()).isEqualTo("""
				session a -> b
				  before: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				  after:  IKE_PHASE1_FAILED, proposal -, transform esp-aes128-hmac-sha1, audit: MM negotiation timeout
				session b -> a
				  before: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				  after:  IKE_PHASE1_FAILED, proposal -, transform esp-aes128-hmac-sha1, audit: MM negotiation timeout
				""");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void aRenamedHostIsRemovedUnderItsOldNameAndAddedUnderItsNew() throws Exception {
		String old = pair("esp-aes128-hmac-sha1", "aes128-sha1-modp2048");
		String renamed = old.replace("host b {", "host c {").replace("remote b", "remote c").replace("to b", "to c")
				.replace("from b", "from c");
		IpslRun run = diff(Map.of("ab.ipsl", old), Map.of("ab.ipsl", renamed));
		assertThat(run.stdout()).isEqualTo("""
				host b: removed
				host c: added
				session a -> b
				  before: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				  after:  no session
				session a -> c
				  before: no session
				  after:  ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				session b -> a
				  before: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				  after:  no session
				session c -> a
				  before: no session
				  after:  ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-hmac-sha1
				""");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void anAddedHostIsReported() throws Exception {
		String added = WEB_FIRST + "host other {\n    address 10.0.0.9\n    default discard\n}\n";
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", added));
		assertThat(run.stdout()).isEqualTo("host other: added\n");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void jsonNamesThePacketsFieldByFieldAndTheDecisions() throws Exception {
		String labFirst = WEB_FIRST.replace("policy lab priority 20", "policy lab priority 5");
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", labFirst), "--format", "json");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonObject result = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertThat(result.keySet()).containsExactly("hosts", "sessions");
		assertThat(result.getAsJsonArray("sessions")).isEmpty();
		JsonObject host = result.getAsJsonArray("hosts").get(0).getAsJsonObject();
		assertThat(host.get("host").getAsString()).isEqualTo("gw");
		assertThat(host.get("presence").getAsString()).isEqualTo("changed");
		JsonObject change = host.getAsJsonArray("changes").get(0).getAsJsonObject();
		JsonArray packets = change.getAsJsonArray("packets");
		assertThat(packets).hasSize(1);
		JsonObject block = packets.get(0).getAsJsonObject();
		assertThat(block.keySet()).containsExactly("local", "remote", "protocol", "localPorts", "remotePorts",
				"icmpType", "text");
		assertThat(block.get("remote").toString()).isEqualTo("[\"10.9.0.0/16\"]");
		assertThat(block.get("remotePorts").toString()).isEqualTo("[\"443\"]");
		assertThat(block.get("protocol").toString()).isEqualTo("[\"tcp\"]");
		JsonObject before = change.getAsJsonObject("before"), after = change.getAsJsonObject("after");
		assertThat(before.get("policy").getAsString()).isEqualTo("web");
		assertThat(before.get("priority").getAsInt()).isEqualTo(10);
		assertThat(before.get("action").getAsString()).isEqualTo("pass");
		assertThat(after.get("policy").getAsString()).isEqualTo("lab");
		assertThat(after.get("action").getAsString()).isEqualTo("discard");
		assertThat(before.get("text").getAsString()).isEqualTo("`web` (priority 10): passed in clear");
		assertThat(change.getAsJsonArray("except")).isEmpty();
	}

	@Test
	void aVersionWithASyntaxErrorIsNotComparedAndExitsTwo() throws Exception {
		String broken = WEB_FIRST.replace("        pass\n    }\n    policy lab",
				"        bogus\n    }\n    policy lab");
		IpslRun run = diff(Map.of("gw.ipsl", WEB_FIRST), Map.of("gw.ipsl", broken));
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr())
				.startsWith("ipsl: new has errors that leave what it does unknown, so nothing is compared:\n"
						+ "new/gw.ipsl:5:9: error: ");
	}

	@Test
	void twoVersionsOfOneFileCompareTheHostsOfThatFile() throws Exception {
		Checker.write(dir.resolve("old/gw.ipsl"), WEB_FIRST);
		Checker.write(dir.resolve("old/other.ipsl"), "host other {\n    default discard\n}\n");
		Checker.write(dir.resolve("new/gw.ipsl"), WEB_FIRST.replace("policy lab priority 20", "policy lab priority 5"));
		IpslRun run = IpslRun.run(dir, "diff", "old/gw.ipsl", "new/gw.ipsl");
		// other.ipsl is not in the new folder, but only gw.ipsl's hosts are compared.
		assertThat(run.stdout()).startsWith("host gw\n").doesNotContain("other");
		assertThat(run.exitCode()).isEqualTo(1);
	}

	@Test
	void aFileWhosePeerCannotBeReadIsNotCompared() throws Exception {
		String[] hosts = pair("esp-aes128-hmac-sha1", "aes128-sha1-modp2048").split("(?=host b \\{)");
		String brokenB = hosts[1].replace("protect esp-aes128-hmac-sha1, esp-aes256-hmac-sha256", "protect esp-bogus");
		for (String version : new String[]{"old", "new"}) {
			Checker.write(dir.resolve(version + "/a.ipsl"), hosts[0]);
			Checker.write(dir.resolve(version + "/b.ipsl"), version.equals("old") ? hosts[1] : brokenB);
		}
		IpslRun run = IpslRun.run(dir, "diff", "old/a.ipsl", "new/a.ipsl");
		// a.ipsl itself has no error, but its session with b depends on b's unreadable policy.
		assertThat(run.stderr())
				.startsWith("ipsl: new/a.ipsl has errors that leave what it does unknown, so nothing is compared:\n"
						+ "new/b.ipsl:")
				.endsWith(
						"[unresolved-name]\nhost b: a policy or IKE policy could not be read (`ipsl check` on its workspace tells why)\n");
		assertThat(run.exitCode()).isEqualTo(2);
	}

	@Test
	void aMissingPathExitsTwo() throws Exception {
		Checker.write(dir.resolve("old/gw.ipsl"), WEB_FIRST);
		IpslRun run = IpslRun.run(dir, "diff", "old", "nowhere");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).isEqualTo("ipsl: nowhere: no such file or folder\n");
	}

	private IpslRun diff(Map<String, String> old, Map<String, String> now, String... options) throws Exception {
		old.forEach((name, text) -> Checker.write(dir.resolve("old").resolve(name), text));
		now.forEach((name, text) -> Checker.write(dir.resolve("new").resolve(name), text));
		String[] args = new String[options.length + 3];
		args[0] = "diff";
		System.arraycopy(options, 0, args, 1, options.length);
		args[options.length + 1] = "old";
		args[options.length + 2] = "new";
		return IpslRun.run(dir, args);
	}
}
