package org.ipsl.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code ipsl check --peers --format json}: per host, the IKE_SAs strongSwan would list, on a workspace
 * written like strongSwan's ikev2/net2net-psk scenario (moon initiates net-net towards sun): the
 * prediction is the one its evaltest.dat checks (shared/corpus/README.md).
 */
class StrongswanPredictionCliTest {

	static String gateway(String name, String address, String peer, String peerAddress, String local, String remote,
			String proposals, String start) {
		return """
				host %1$s {
				    address %2$s
				    ike gw-gw {
				        version 2
				        remote %4$s
				        proposals %7$s
				        authentication preshared "Zq8#kV3!mW5@tY1$"
				        local-id fqdn "%1$s.strongswan.org"
				        remote-id fqdn "%3$s.strongswan.org"
				    }
				    policy net-net {
				        any from %5$s to %6$s
				        protect tunnel %2$s -> %4$s esp-aes128gcm128-x25519 ike gw-gw start %8$s
				    }
				    default pass
				}
				""".formatted(name, address, peer, peerAddress, local, remote, proposals, start);
	}

	static void workspace(Path dir, String moonProposals, String sunProposals) {
		Checker.write(dir.resolve("moon.ipsl"),
				gateway("moon", "192.168.0.1", "sun", "192.168.0.2", "10.1.0.0/16", "10.2.0.0/16", moonProposals,
						"initiate"));
		Checker.write(dir.resolve("sun.ipsl"),
				gateway("sun", "192.168.0.2", "moon", "192.168.0.1", "10.2.0.0/16", "10.1.0.0/16", sunProposals,
						"none"));
	}

	@Test
	void eachHostListsTheSaInStrongSwansWords(@TempDir Path dir) throws Exception {
		workspace(dir, "aes128-sha256-x25519", "aes128-sha256-x25519");
		IpslRun run = IpslRun.run(dir, "check", "--peers", "--format", "json", ".");
		JsonObject result = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertThat(result.getAsJsonArray("diagnostics")).isEmpty();
		JsonObject moon = result.getAsJsonObject("hosts").getAsJsonArray("moon").get(0).getAsJsonObject();
		assertThat(moon.toString())
				.isEqualTo("{\"name\":\"gw-gw\",\"version\":2,\"state\":\"ESTABLISHED\",\"initiator\":true,"
						+ "\"local-host\":\"192.168.0.1\",\"remote-host\":\"192.168.0.2\",\"local-id\":\"moon.strongswan.org\","
						+ "\"remote-id\":\"sun.strongswan.org\",\"encr-alg\":\"AES_CBC\",\"encr-keysize\":128,\"integ-alg\":\"HMAC_SHA2_256_128\","
						+ "\"prf-alg\":\"PRF_HMAC_SHA2_256\",\"dh-group\":\"CURVE_25519\",\"children\":[{\"name\":\"net-net\",\"state\":\"INSTALLED\","
						+ "\"mode\":\"TUNNEL\",\"protocol\":\"ESP\",\"encr-alg\":\"AES_GCM_16\",\"encr-keysize\":128,"
						+ "\"local-ts\":[\"10.1.0.0/16\"],\"remote-ts\":[\"10.2.0.0/16\"]}]}");
		JsonArray sun = result.getAsJsonObject("hosts").getAsJsonArray("sun");
		assertThat(sun).hasSize(1);
		assertThat(sun.get(0).getAsJsonObject().get("initiator").getAsBoolean()).isFalse();
		assertThat(run.stdout()).doesNotContain("Zq8#kV3");
	}

	/** ikev2/rw-psk-fqdn's shape: moon answers any road warrior, its tunnel's remote end is `any`. */
	@Test
	void aRoadWarriorsTunnelEndIsTheInitiatorsAddress(@TempDir Path dir) throws Exception {
		Checker.write(dir.resolve("moon.ipsl"), """
				host moon {
				    address 192.168.0.1
				    ike rw {
				        version 2
				        remote any
				        proposals aes128-sha256-x25519
				        authentication preshared "Zq8#kV3!mW5@tY1$"
				        local-id fqdn "moon.strongswan.org"
				        remote-id any
				    }
				    policy rw {
				        any from 10.1.0.0/16 to any
				        protect tunnel 192.168.0.1 -> any esp-aes128gcm128-x25519 ike rw start none
				    }
				    default pass
				}
				""");
		Checker.write(dir.resolve("carol.ipsl"),
				gateway("carol", "192.168.0.100", "moon", "192.168.0.1", "192.168.0.100", "10.1.0.0/16",
						"aes128-sha256-x25519",
						"initiate"));
		IpslRun run = IpslRun.run(dir, "check", "--peers", "--format", "json", ".");
		JsonObject result = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertThat(result.getAsJsonArray("diagnostics").asList())
				.noneMatch(d -> d.getAsJsonObject().get("severity").getAsString().equals("error"));
		JsonObject moon = result.getAsJsonObject("hosts").getAsJsonArray("moon").get(0).getAsJsonObject();
		assertThat(moon.get("state").getAsString()).isEqualTo("ESTABLISHED");
		assertThat(moon.get("remote-host").getAsString()).isEqualTo("192.168.0.100");
		JsonObject child = moon.getAsJsonArray("children").get(0).getAsJsonObject();
		assertThat(child.get("state").getAsString()).isEqualTo("INSTALLED");
		assertThat(child.get("mode").getAsString()).isEqualTo("TUNNEL");
		assertThat(child.get("remote-ts").toString()).as("narrowed to the road warrior's address")
				.isEqualTo("[\"192.168.0.100/32\"]");
		JsonObject carol = result.getAsJsonObject("hosts").getAsJsonArray("carol").get(0).getAsJsonObject();
		assertThat(carol.getAsJsonArray("children").get(0).getAsJsonObject().get("state").getAsString())
				.isEqualTo("INSTALLED");
	}

	@Test
	void noCommonProposalIsReportedOnBothIkePolicies(@TempDir Path dir) throws Exception {
		workspace(dir, "aes128-sha256-x25519", "aes256-sha512-modp4096");
		IpslRun run = IpslRun.run(dir, "check", "--peers", "--format", "json", ".");
		assertThat(run.exitCode()).isEqualTo(1);
		JsonObject result = JsonParser.parseString(run.stdout()).getAsJsonObject();
		assertThat(result.getAsJsonArray("diagnostics").asList())
				.extracting(d -> d.getAsJsonObject().get("code").getAsString() + " "
						+ d.getAsJsonObject().get("file").getAsString() + ":"
						+ d.getAsJsonObject().get("line").getAsInt())
				.containsExactlyInAnyOrder("no-proposal-chosen moon.ipsl:3", "no-proposal-chosen sun.ipsl:3");
		assertThat(result.getAsJsonObject("hosts").getAsJsonArray("moon").get(0).getAsJsonObject().get("state")
				.getAsString())
				.isEqualTo("NO_PROPOSAL_CHOSEN");
	}
}
