package org.ipsl.analysis.ikev2;

import org.ipsl.model.StartAction;
import org.ipsl.model.IkeVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.SecretFingerprint;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * strongSwan's own scenarios, their configurations written here as the model the importer produces,
 * predicted and held against every {@code swanctl --list-sas} line of their evaltest.dat.
 */
class CorpusScenariosTest {

	@BeforeAll
	static void corpusAtHand() {
		assumeTrue(Files.isDirectory(EvaltestLines.CORPUS), "the strongSwan corpus is not at " + EvaltestLines.CORPUS);
	}

	static final List<IpRange> MOON = List.of(IpRange.parse("192.168.0.1"), IpRange.parse("10.1.0.1"));
	static final List<IpRange> SUN = List.of(IpRange.parse("192.168.0.2"), IpRange.parse("10.2.0.1"));

	static IkeIdentity fqdn(String name) {
		return new IkeIdentity(IkeIdentity.Kind.FQDN, name);
	}

	static IkeIdentity email(String name) {
		return new IkeIdentity(IkeIdentity.Kind.USER_FQDN, name);
	}

	static List<Proposal> ike(String... proposals) {
		return List.of(proposals).stream().map(p -> Proposal.parse(SaProtocol.IKE, p)).toList();
	}

	static List<Proposal> esp(String... proposals) {
		return List.of(proposals).stream().map(p -> Proposal.parse(SaProtocol.ESP, p)).toList();
	}

	static List<IkeTrafficSelector> ts(String... ranges) {
		return List.of(ranges).stream().map(IkeTrafficSelector::of).toList();
	}

	static SwanChild tunnel(String name, List<IkeTrafficSelector> local, List<IkeTrafficSelector> remote, String esp,
			int rule) {
		return new SwanChild(name, ChildMode.TUNNEL, esp(esp), local, remote, StartAction.NONE, rule);
	}

	static SwanConnection psk(String name, String local, String remote, String secret, IkeIdentity localId,
			Optional<IkeIdentity> remoteId,
			List<SwanChild> children) {
		IkeAuthentication auth = secret == null
				? IkeAuthentication.presharedUnknown()
				: IkeAuthentication.preshared(SecretFingerprint.of(secret));
		return new SwanConnection(name, IkeVersion.IKEV2, List.of(IpRange.parse(local)),
				remote == null ? List.of() : List.of(IpRange.parse(remote)), ike("aes128-sha256-x25519"), auth, auth,
				Optional.of(localId), remoteId, false, children, 0);
	}

	/** ikev2/net2net-psk: both gateways PSK with the same key; moon initiates net-net. */
	static List<SwanHost> net2netPsk(String moonSecret) {
		SwanHost moon = new SwanHost("moon", MOON, List.of(psk("gw-gw", "192.168.0.1", "192.168.0.2", moonSecret,
				fqdn("moon.strongswan.org"), Optional.of(fqdn("sun.strongswan.org")),
				List.of(tunnel("net-net", ts("10.1.0.0/16"), ts("10.2.0.0/16"), "aes128gcm128-x25519", 0)))));
		SwanHost sun = new SwanHost("sun", SUN,
				List.of(psk("gw-gw", "192.168.0.2", "192.168.0.1", "0sv+NkxY9LLZvwj4qCC2o/gGrWDF2d21jL",
						fqdn("sun.strongswan.org"), Optional.of(fqdn("moon.strongswan.org")),
						List.of(tunnel("net-net", ts("10.2.0.0/16"), ts("10.1.0.0/16"), "aes128gcm128-x25519", 0)))));
		return List.of(moon, sun);
	}

	@Test
	void net2netPskPredictsTheReadmesExampleAndEveryEvaltestLine() throws IOException {
		Negotiation.Result result = Negotiation.predict(net2netPsk("0sv+NkxY9LLZvwj4qCC2o/gGrWDF2d21jL"),
				List.of(new Negotiation.Initiation("moon", "net-net")));
		assertThat(result.findings()).isEmpty();
		Map<String, Object> moon = result.hosts().get("moon").get(0).json();
		assertThat(moon).containsEntry("name", "gw-gw").containsEntry("version", 2)
				.containsEntry("state", "ESTABLISHED")
				.containsEntry("initiator", true).containsEntry("local-host", "192.168.0.1")
				.containsEntry("remote-host", "192.168.0.2")
				.containsEntry("local-id", "moon.strongswan.org").containsEntry("remote-id", "sun.strongswan.org")
				.containsEntry("encr-alg", "AES_CBC").containsEntry("encr-keysize", 128)
				.containsEntry("integ-alg", "HMAC_SHA2_256_128")
				.containsEntry("prf-alg", "PRF_HMAC_SHA2_256").containsEntry("dh-group", "CURVE_25519");
		assertThat(moon.get("children"))
				.isEqualTo(List.of(Map.of("name", "net-net", "state", "INSTALLED", "mode", "TUNNEL",
						"protocol", "ESP", "encr-alg", "AES_GCM_16", "encr-keysize", 128, "local-ts",
						List.of("10.1.0.0/16"), "remote-ts",
						List.of("10.2.0.0/16"))));
		assertThat(result.hosts().get("sun").get(0).json()).containsEntry("initiator", false)
				.containsEntry("local-host", "192.168.0.2")
				.containsEntry("remote-id", "moon.strongswan.org");
		assertAgrees(result, EvaltestLines.of("ikev2", "net2net-psk"));
	}

	@Test
	void net2netPskFailIsAuthenticationFailedOnBothGateways() throws IOException {
		Negotiation.Result result = Negotiation.predict(net2netPsk("0sv+NkxY9LLZvwj4qCC2o/gGrWDF2dxxxx"),
				List.of(new Negotiation.Initiation("moon", "net-net")));
		assertThat(result.hosts().get("moon")).extracting(IkeSaPrediction::state)
				.containsExactly("AUTHENTICATION_FAILED");
		assertThat(result.hosts().get("sun")).extracting(IkeSaPrediction::state)
				.containsExactly("AUTHENTICATION_FAILED");
		assertThat(result.findings()).extracting(f -> f.code() + "@" + f.place().host()).containsExactlyInAnyOrder(
				"AUTHENTICATION_FAILED@0", "AUTHENTICATION_FAILED@1");
		assertThat(result.findings().get(0).message()).contains("preshared key").doesNotContain("0sv+Nkx");
		assertAgrees(result, EvaltestLines.of("ikev2", "net2net-psk-fail"));
	}

	/** ikev2/rw-psk-fqdn: carol and dave initiate towards moon's %any connection, which knows no single key. */
	@Test
	void roadWarriorsReachAnAnyRemoteConnection() throws IOException {
		SwanConnection rw = psk("rw", "192.168.0.1", null, null, fqdn("moon.strongswan.org"), Optional.empty(),
				List.of(tunnel("net", ts("10.1.0.0/16"), List.of(), "aes128gcm128-x25519", 0)));
		List<SwanHost> hosts = new ArrayList<>();
		hosts.add(new SwanHost("moon", MOON, List.of(rw)));
		for (String[] rwHost : List.of(new String[]{"carol", "192.168.0.100"}, new String[]{"dave", "192.168.0.200"}))
			hosts.add(new SwanHost(rwHost[0], List.of(IpRange.parse(rwHost[1])),
					List.of(psk("home", rwHost[1], "192.168.0.1", null, email(rwHost[0] + "@strongswan.org"),
							Optional.of(fqdn("moon.strongswan.org")),
							List.of(tunnel("home", List.of(), ts("10.1.0.0/16"), "aes128gcm128-x25519", 0))))));
		Negotiation.Result result = Negotiation.predict(hosts,
				List.of(new Negotiation.Initiation("carol", "home"), new Negotiation.Initiation("dave", "home")));
		assertThat(result.findings()).isEmpty();
		assertThat(result.hosts().get("moon")).hasSize(2);
		assertAgrees(result, EvaltestLines.of("ikev2", "rw-psk-fqdn"));
	}

	/** Every YES line has a predicted SA of its host and name with all its pairs; no NO line has one. */
	static void assertAgrees(Negotiation.Result result, EvaltestLines lines) {
		assertThat(lines.checks()).isNotEmpty();
		for (EvaltestLines.Check check : lines.checks()) {
			List<IkeSaPrediction> sas = result.hosts().getOrDefault(check.host(), List.of());
			boolean found = sas.stream().map(IkeSaPrediction::json).filter(sa -> check.name().equals(sa.get("name")))
					.anyMatch(sa -> EvaltestLines.disagreements(check.ike(), sa).isEmpty() && (check.child().isEmpty()
							|| children(sa).stream().anyMatch(c -> check.child().equals(c.get("name"))
									&& EvaltestLines.disagreements(check.childPairs(), c).isEmpty())));
			assertThat(found)
					.as("%s %s %s %s: predicted %s", check.host(), check.name(), check.ike(), check.childPairs(),
							sas.stream().map(IkeSaPrediction::json).toList())
					.isEqualTo(check.yes());
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> children(Map<String, Object> sa) {
		return (List<Map<String, Object>>) sa.get("children");
	}
}
