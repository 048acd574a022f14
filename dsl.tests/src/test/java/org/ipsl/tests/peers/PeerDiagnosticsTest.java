package org.ipsl.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.tests.support.Markers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code between peers on two hosts in two files, with the mistake on either host, in IPv4 and
 * IPv6: the diagnostics are exactly the templates' {@code // expect:} markers, and each points at
 * the peer's line that carries the same code.
 */
class PeerDiagnosticsTest {
	private static final Set<String> PEER_CODES = Set.of("ike-no-policy", "ike-proposal-mismatch", "ike-auth-mismatch",
			"transform-mismatch", "pfs-mismatch", "lifetime-mismatch", "proposal-order-dependent", "asymmetric-policy",
			"selector-mismatch", "manual-sa-mismatch");

	@TempDir
	Path dir;

	static final String IKE = """
			    ike to-{peer} {
			        remote {peer}
			        proposals aes128-sha1-modp2048
			        authentication preshared "Xk9#mQ2!vL7@pR4$"
			    }
			""";

	static final String PROTECT = """
			    policy to-{peer} {
			        any from {self} to {peer}
			        protect esp-aes128-hmac-sha1
			    }
			""";

	static String host(String... members) {
		return "host {self} {\n    address {selfAddr}\n" + String.join("", members) + "}\n";
	}

	/** A case: its name and the two side templates; the first side carries the mistake (a pass that is not redundant needs a default discard). */
	record Case(String name, String first, String second) {
		@Override
		public String toString() {
			return name;
		}
	}

	static List<Case> cases() {
		String manualOut = """
				    policy syslog {
				        udp from {self} to {peer} port syslog
				        protect manual keys
				    }
				""";
		String manualIn = """
				    policy syslog {
				        udp from {self} port syslog to {peer}
				        protect manual keys
				    }
				""";
		String keysA = """
				    manual-sa keys {
				        peer {peer}
				        inbound  esp spi 3000001 encryption aes128 0xdeef2797cff08b2e838809f480fa361b authentication hmac-sha1 0x0152b6db12f478264bef842ba3a24f6cfee6ec7c
				        outbound esp spi 3000002 encryption aes128 0xae5c8df9202abb8397e193fc2078e0bb authentication hmac-sha1 0xd7f3b2f88e61ca576063da5d1cfb464c20a65df5%s
				    }
				""";
		String keysB = """
				    manual-sa keys {
				        peer {peer}
				        inbound  esp spi %s encryption aes128 %s authentication hmac-sha1 0xd7f3b2f88e61ca576063da5d1cfb464c20a65df5%s
				        outbound esp spi 3000001 encryption aes128 0xdeef2797cff08b2e838809f480fa361b authentication hmac-sha1 0x0152b6db12f478264bef842ba3a24f6cfee6ec7c
				    }
				""";
		String goodKey = "0xae5c8df9202abb8397e193fc2078e0bb", otherKey = "0x833da2015b8e9c473a43171221fecdaf";
		String tunnel = """
				    policy nets {%s
				        any from {selfNet} to {peerNet}
				        protect tunnel {selfAddr} -> {peerAddr} %s
				    }
				""";
		return List.of(
				new Case("agreeing transport", host(IKE, PROTECT), host(IKE, PROTECT)),
				new Case("agreeing tunnel with PFS",
						host(IKE, tunnel.formatted("", "esp-aes128-hmac-sha1 pfs modp2048")),
						host(IKE, tunnel.formatted("", "esp-aes128-hmac-sha1 pfs modp2048"))),
				new Case("agreeing nested AH+ESP",
						host(IKE, PROTECT.replace("esp-aes128", "ah-hmac-sha1 + esp-aes128")),
						host(IKE, PROTECT.replace("esp-aes128", "ah-hmac-sha1 + esp-aes128"))),
				new Case("agreeing identity",
						host(IKE.replace("    }", "        remote-id {family} \"{peerAddr}\"\n    }"), PROTECT),
						host(IKE, PROTECT)),
				new Case("agreeing manual keys", host(manualOut, keysA.formatted("")),
						host(manualIn, keysB.formatted("3000002", goodKey, ""))),
				new Case("ike-proposal-mismatch",
						host(mark(IKE, "ike", "ike-proposal-mismatch").replace("aes128-sha1-modp2048",
								"3des-sha1-modp1024"), PROTECT),
						host(mark(IKE, "ike", "ike-proposal-mismatch"), PROTECT)),
				// A.02.01 guide, page 139: the exchange mode must match the peer's
				new Case("ike-proposal-mismatch: Aggressive Mode against Main Mode (A.02.01 guide, page 139)",
						host(mark(IKE, "ike", "ike-proposal-mismatch").replace("    }",
								"        mode aggressive\n    }"), PROTECT),
						host(mark(IKE, "ike", "ike-proposal-mismatch"), PROTECT)),
				new Case("ike-auth-mismatch: preshared keys",
						host(mark(IKE, "ike", "ike-auth-mismatch").replace("Xk9#mQ2!vL7@pR4$", "Xk9#mQ2!vL7@pR4%"),
								PROTECT),
						host(mark(IKE, "ike", "ike-auth-mismatch"), PROTECT)),
				new Case("ike-auth-mismatch: certificate against preshared key",
						host(mark(IKE, "ike", "ike-auth-mismatch").replace("preshared \"Xk9#mQ2!vL7@pR4$\"",
								"certificate \"certs/{self}.pem\"   // expect: cert-missing"), PROTECT),
						host(mark(IKE, "ike", "ike-auth-mismatch"), PROTECT)),
				new Case("ike-auth-mismatch: identity",
						host(mark(IKE, "ike", "ike-auth-mismatch").replace("    }",
								"        remote-id fqdn \"{peer}.example.com\"\n    }"),
								PROTECT),
						host(mark(IKE, "ike", "ike-auth-mismatch"), PROTECT)),
				new Case("ike-no-policy", host(mark(PROTECT, "policy", "ike-no-policy")),
						host(IKE, mark(PROTECT, "policy", "ike-no-policy"))),
				new Case("transform-mismatch",
						host(IKE, mark(PROTECT, "policy", "transform-mismatch").replace("esp-aes128", "esp-3des")),
						host(IKE, mark(PROTECT, "policy", "transform-mismatch"))),
				new Case("transform-mismatch: nested AH+ESP against ESP",
						host(IKE,
								mark(PROTECT, "policy", "transform-mismatch").replace("esp-aes128",
										"ah-hmac-sha1 + esp-aes128")),
						host(IKE, mark(PROTECT, "policy", "transform-mismatch"))),
				new Case("transform-mismatch: tunnel against transport",
						host(IKE, mark(PROTECT, "policy", "transform-mismatch").replace("protect esp",
								"protect tunnel {selfAddr} -> {peerAddr} esp")),
						host(IKE, mark(PROTECT, "policy", "transform-mismatch"))),
				new Case("pfs-mismatch",
						host(IKE, mark(PROTECT, "policy", "pfs-mismatch").replace("sha1\n", "sha1 pfs modp2048\n")),
						host(IKE, mark(PROTECT, "policy", "pfs-mismatch"))),
				new Case("pfs-mismatch in a tunnel",
						host(IKE, tunnel.formatted("   // expect: pfs-mismatch", "esp-aes128-hmac-sha1 pfs modp3072")),
						host(IKE, tunnel.formatted("   // expect: pfs-mismatch", "esp-aes128-hmac-sha1 pfs modp2048"))),
				new Case("lifetime-mismatch of the IKE SA",
						host(mark(IKE, "ike", "lifetime-mismatch").replace("    }", "        lifetime 2h\n    }"),
								PROTECT),
						host(mark(IKE, "ike", "lifetime-mismatch"), PROTECT)),
				new Case("lifetime-mismatch of the IPsec SA",
						host(IKE, mark(PROTECT, "policy", "lifetime-mismatch").replace("sha1\n", "sha1 lifetime 1h\n")),
						host(IKE, mark(PROTECT, "policy", "lifetime-mismatch"))),
				new Case("proposal-order-dependent in Main Mode",
						host(mark(IKE, "ike", "proposal-order-dependent").replace("modp2048",
								"modp2048, 3des-sha1-modp1024"), PROTECT),
						host(mark(IKE, "ike", "proposal-order-dependent").replace("aes128-sha1-modp2048",
								"3des-sha1-modp1024, aes128-sha1-modp2048"), PROTECT)),
				new Case("proposal-order-dependent in Quick Mode",
						host(IKE,
								mark(PROTECT, "policy", "proposal-order-dependent").replace("sha1\n",
										"sha1, esp-3des-hmac-sha1\n")),
						host(IKE, mark(PROTECT, "policy", "proposal-order-dependent").replace("esp-aes128-hmac-sha1",
								"esp-3des-hmac-sha1, esp-aes128-hmac-sha1"))),
				new Case("asymmetric-policy: the peer passes",
						host(IKE, mark(PROTECT, "policy", "asymmetric-policy")),
						host(IKE,
								mark(PROTECT, "policy", "asymmetric-policy").replace("protect esp-aes128-hmac-sha1",
										"pass"),
								"    default discard\n")),
				new Case("asymmetric-policy: the peer's default discards",
						host(IKE, mark(PROTECT, "policy", "asymmetric-policy")),
						host(IKE, "    default discard   // expect: asymmetric-policy\n")),
				new Case("asymmetric-policy: the peer has no policy at all",
						host(IKE, mark(PROTECT, "policy", "asymmetric-policy")),
						"host {self} {   // expect: asymmetric-policy\n    address {selfAddr}\n}\n"),
				new Case("asymmetric-policy: manual keys towards a peer that passes",
						host(mark(manualOut, "policy", "asymmetric-policy"), keysA.formatted("")),
						host(mark(manualIn, "policy", "asymmetric-policy").replace("protect manual keys", "pass"),
								"    default discard\n")),
				new Case("selector-mismatch",
						host(IKE, mark(PROTECT, "policy", "selector-mismatch").replace("any from", "tcp from")),
						host(IKE, """
								    policy low {   // expect: selector-mismatch
								        tcp from {self} port 0..1023 to {peer}
								        protect esp-aes128-hmac-sha1
								    }
								    policy high {   // expect: selector-mismatch
								        tcp from {self} port 1024..65535 to {peer}
								        protect esp-aes128-hmac-sha1
								    }
								""")),
				new Case("an invalid value takes its host out of the traffic between peers",
						host(IKE, PROTECT.replace("any from {self} to {peer}",
								"tcp from {self} to {peer} port 70000   // expect: invalid-value")),
						host(IKE, PROTECT)),
				new Case("manual-sa-mismatch: SPI",
						host(manualOut, keysA.formatted("   // expect: manual-sa-mismatch")),
						host(manualIn, keysB.formatted("3000003", goodKey, "   // expect: manual-sa-mismatch"))),
				new Case("manual-sa-mismatch: key",
						host(manualOut, keysA.formatted("   // expect: manual-sa-mismatch")),
						host(manualIn, keysB.formatted("3000002", otherKey, "   // expect: manual-sa-mismatch"))),
				new Case("manual-sa-mismatch: manual keys against IKE",
						host(mark(manualOut, "policy", "manual-sa-mismatch"), keysA.formatted("")),
						host(IKE, mark(manualIn, "policy", "manual-sa-mismatch").replace("protect manual keys",
								"protect esp-aes128-hmac-sha1"))));
	}

	/** The template with a marker at the end of the line that starts with the keyword. */
	static String mark(String template, String keyword, String code) {
		StringBuilder result = new StringBuilder();
		for (String line : template.split("\n", -1)) {
			result.append(line);
			if (line.trim().startsWith(keyword + " "))
				result.append("   // expect: ").append(code);
			result.append('\n');
		}
		return result.substring(0, result.length() - 1);
	}

	static Stream<Arguments> casesInBothDirectionsAndFamilies() {
		List<Arguments> arguments = new ArrayList<>();
		for (Case c : cases())
			for (TwoHosts.Family family : TwoHosts.Family.values())
				for (boolean firstIsAlpha : List.of(true, false))
					arguments.add(Arguments.of(c, new TwoHosts(family, firstIsAlpha)));
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} ({1})")
	@MethodSource("casesInBothDirectionsAndFamilies")
	void diagnosticsOnBothHostsPointingAtEachOther(Case c, TwoHosts hosts) throws IOException {
		Path workspace = hosts.write(dir, c.first(), c.second(), Map.of());
		List<Diagnostic> diagnostics = Markers.assertMatch(workspace);
		List<Markers.Expected> expected = Markers.expected(workspace);
		for (Diagnostic d : diagnostics) {
			if (!PEER_CODES.contains(d.code().id()))
				continue;
			assertThat(d.message()).as("no secret or key, not even in part").doesNotContain("Xk9#")
					.doesNotContain("pR4")
					.doesNotContainPattern("[0-9a-fA-F]{8}");
			assertThat(d.related()).as("related places of %s", d).isNotEmpty();
			for (Diagnostic.Related related : d.related()) {
				if (related.message().startsWith("the whole ")) { // the block the diagnostic underlines the head of
					assertThat(List.of(related.file(), related.line(), related.column()))
							.containsExactly(d.file(), d.line(), d.column());
					continue;
				}
				assertThat(related.file()).as("related file of %s", d).isNotEqualTo(d.file());
				assertThat(expected).as("the peer's line of %s has the same code", d)
						.contains(new Markers.Expected(related.file(), related.line(), d.code().id()));
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("families")
	void aRemoteOutsideTheWorkspaceGetsAHintOnly(TwoHosts.Family family) throws IOException {
		String outside = """
				    ike outside {
				        remote {outside}
				        proposals aes128-sha1-modp2048
				        authentication preshared "Xk9#mQ2!vL7@pR4$"
				    }
				    policy elsewhere {
				        any from {self} to {outside}
				        protect esp-aes128-hmac-sha1
				    }
				""";
		Path workspace = new TwoHosts(family, true).write(dir, host(outside), host(), Map.of());
		List<Diagnostic> hints = Markers.assertMatch(workspace).stream()
				.filter(d -> d.severity() == Severity.HINT).toList();
		assertThat(hints).extracting(d -> d.code().id()).containsOnly("peer-unknown");
		assertThat(hints).extracting(Diagnostic::line).containsExactlyInAnyOrder(4, 9);
		assertThat(hints).allMatch(d -> d.message().contains(family.outside) && d.related().isEmpty());
	}

	static Stream<TwoHosts.Family> families() {
		return Stream.of(TwoHosts.Family.values());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("families")
	void transformSetsFromAThirdFile(TwoHosts.Family family) throws IOException {
		String common = """
				ike-proposal corp-ike = aes128-sha1-modp2048, 3des-sha1-modp1024
				transform-set corp-esp = esp-aes128-hmac-sha1, esp-3des-hmac-sha1
				transform-set legacy-esp = esp-3des-hmac-md5
				""";
		String ike = IKE.replace("aes128-sha1-modp2048", "corp-ike");
		String side = host(ike, mark(PROTECT, "policy", "transform-mismatch").replace("esp-aes128-hmac-sha1", "%s"));
		Path workspace = new TwoHosts(family, true).write(dir, side.formatted("legacy-esp"), side.formatted("corp-esp"),
				Map.of("common.ipsl", common));
		Markers.assertMatch(workspace);
		Files.writeString(workspace.resolve("common.ipsl"),
				common.replace("= esp-3des-hmac-md5", "= esp-3des-hmac-sha1"));
		Files.writeString(workspace.resolve("alpha.ipsl"), Files.readString(workspace.resolve("alpha.ipsl"))
				.replace("   // expect: transform-mismatch", ""));
		Files.writeString(workspace.resolve("beta.ipsl"), Files.readString(workspace.resolve("beta.ipsl"))
				.replace("   // expect: transform-mismatch", ""));
		assertThat(Markers.assertMatch(workspace)).isEmpty();
	}
}
