package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.strongswan.StrongswanImporter;
import org.ipsl.importer.strongswan.StrongswanImporter.Source;
import org.ipsl.tests.support.Checker;
import org.ipsl.model.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ipsl import strongswan} makes of swanctl.conf and ipsec.conf as administrators write them. */
class ImportStrongswanTest {
	@TempDir
	Path dir;

	private static final String MOON = """
			# a gateway
			connections {
			   gw-gw {
			      local_addrs  = 192.168.0.1
			      remote_addrs = 192.168.0.2
			      local {
			         auth = psk
			         id = moon.example.org
			      }
			      remote {
			         auth = psk
			         id = sun.example.org
			      }
			      children {
			         net-net {
			            local_ts  = 10.1.0.0/16, 10.3.0.0/16[tcp/80]
			            remote_ts = 10.2.0.0/16
			            updown = /usr/local/libexec/ipsec/_updown iptables
			            esp_proposals = aes128gcm128-x25519
			            start_action = start
			         }
			      }
			      version = 2
			      proposals = aes128-sha256-x25519, default
			      reauth_time = 10800
			      dpd_delay = 30s
			   }
			}
			secrets {
			   ike-other {
			      id = 192.0.2.99
			      secret = "not this one"
			   }
			   ike-gw {
			      id-1 = moon.example.org
			      id-2 = sun.example.org
			      secret = 0sv+NkxY9LLZvwj4qCC2o/gGrWDF2d21jL
			   }
			}
			""";

	private static final String SUN = """
			connections {
			   gw-gw {
			      local_addrs  = 192.168.0.2
			      remote_addrs = 192.168.0.1
			      local {
			         auth = psk
			         id = sun.example.org
			      }
			      remote {
			         auth = psk
			         id = moon.example.org
			      }
			      children {
			         net-net {
			            local_ts  = 10.2.0.0/16
			            remote_ts = 10.1.0.0/16, 10.3.0.0/16[tcp/80]
			            updown = /usr/local/libexec/ipsec/_updown iptables
			            esp_proposals = aes128gcm128-x25519
			         }
			      }
			      version = 2
			      proposals = aes128-sha256-x25519, default
			   }
			}
			secrets {
			   ike-gw {
			      id-1 = moon.example.org
			      id-2 = sun.example.org
			      secret = 0sv+NkxY9LLZvwj4qCC2o/gGrWDF2d21jL
			   }
			}
			""";

	private Path machine(String host, String relative, String text) throws IOException {
		Path file = dir.resolve("machines").resolve(host).resolve("etc").resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
		return file;
	}

	private StrongswanImporter.Result run(boolean partial, Source... sources) {
		return new StrongswanImporter(Checker.injector())
				.run(new StrongswanImporter.Request(List.of(sources), Map.of(), dir.resolve("ws"), partial));
	}

	private String written(String name) throws IOException {
		return Files.readString(dir.resolve("ws").resolve(name));
	}

	@Test
	void twoGatewaysBecomeTwoHostsSharingTheirNetworksAndProposals() throws IOException {
		Path moon = machine("moon", "swanctl/swanctl.conf", MOON);
		Path sun = machine("sun", "swanctl/swanctl.conf", SUN);
		machine("moon", "network/interfaces",
				"auto eth0\niface eth0 inet static\n\taddress 192.168.0.1\n\tnetmask 255.255.255.0\n"
						+ "iface eth1 inet static\n\taddress 10.1.0.1\n");
		StrongswanImporter.Result result = run(false, new Source(moon), new Source(sun, null,
				List.of(IpAddress.parse("192.168.0.2").value()), null, null, Set.of()));
		assertThat(result.problems()).isEmpty();
		assertThat(result.exitCode()).isZero();
		String moonIpsl = written("moon.ipsl");
		assertThat(moonIpsl).startsWith("host moon {\n    address 192.168.0.1, 10.1.0.1\n")
				.contains("ike gw-gw {", "remote 192.168.0.2", "local 192.168.0.1", "version 2",
						"proposals aes128-sha256-x25519, default",
						"authentication preshared file \"secrets/moon-gw-gw.psk\"",
						"local-id fqdn \"moon.example.org\"", "remote-id fqdn \"sun.example.org\"", "policy net-net {",
						"any from net-10-1-0-0-16, net-10-3-0-0-16 protocol tcp port 80 to net-10-2-0-0-16",
						"protect tunnel 192.168.0.1 -> 192.168.0.2 net-net-esp\n        ike gw-gw\n        start initiate\n");
		assertThat(written("sun.ipsl")).contains("host sun {\n    address 192.168.0.2\n",
				"protect tunnel 192.168.0.2 -> 192.168.0.1 net-net-esp\n        ike gw-gw\n        start none\n");
		assertThat(written("shared.ipsl")).contains("network net-10-1-0-0-16 = 10.1.0.0/16",
				"network net-10-2-0-0-16 = 10.2.0.0/16", "network net-10-3-0-0-16 = 10.3.0.0/16",
				"transform-set net-net-esp = esp-aes128gcm128-x25519")
				.doesNotContain("ike-proposal"); // a list with default stays in each host
		// the key of both identities, base64 as hex, owner-only
		Path secret = dir.resolve("ws/secrets/moon-gw-gw.psk");
		assertThat(Files.readString(secret)).isEqualTo("0xbfe364c58f4b2d9bf08f8a820b6a3f806ad60c5d9ddb58cb");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
		// what was left out on purpose: once per key, with its other places
		assertThat(result.ignored())
				.extracting(p -> p.line() + ":" + p.column() + " " + p.message().replaceFirst(":.*", ""))
				.contains("18:13 updown ignored on purpose", "25:7 reauth_time ignored on purpose",
						"26:7 dpd_delay ignored on purpose");
		assertThat(result.ignored()).filteredOn(p -> p.file().equals(moon) && p.message().startsWith("updown"))
				.hasSize(1);
		// the workspace written is IPSL the checker reads without a syntax error
		List<Diagnostic> diagnostics = Checker.check(dir.resolve("ws"));
		assertThat(diagnostics).noneMatch(d -> d.code() == DiagnosticCode.SYNTAX);
	}

	@Test
	void aLegacyIpsecConfWithDefaultsAlsoIncludeAndSecrets() throws IOException {
		Path conf = machine("carol", "ipsec.conf", """
				config setup
				   charondebug="ike 2"

				conn %default
				   keyexchange=ikev1
				   ikelifetime=60m
				   left=192.168.0.100
				   leftid=carol@example.org
				   authby=secret

				conn common
				   right=192.168.0.1
				   rightid=@moon.example.org
				   auto=ignore

				conn home
				   also=common
				   rightsubnet=10.1.0.0/16
				   ike=aes128-sha256-modp2048
				   esp=aes128-sha256!
				   auto=start

				include extra.conf
				""");
		machine("carol", "extra.conf", "conn direct\n   right=192.168.0.2\n   type=transport\n   auto=route\n");
		machine("carol", "ipsec.secrets",
				"# keys\ncarol@example.org @moon.example.org : PSK \"a secret\"\n: RSA carolKey.pem\n");
		StrongswanImporter.Result result = run(true, new Source(conf, null,
				List.of(IpAddress.parse("192.168.0.100").value()), null, null, Set.of()));
		String carol = written("carol.ipsl");
		assertThat(carol).contains("ike home {", "version 1", "local 192.168.0.100", "remote 192.168.0.1",
				"proposals aes128-sha256-modp2048, default", "local-id user-fqdn \"carol@example.org\"",
				"remote-id fqdn \"moon.example.org\"", "any from 192.168.0.100 to 10.1.0.0/16",
				"protect tunnel 192.168.0.100 -> 192.168.0.1 esp-aes128-sha256\n        ike home\n        start initiate\n",
				"ike direct {", "protect default\n        ike direct\n        start trap\n")
				.doesNotContain("ike common");
		assertThat(Files.readString(dir.resolve("ws/secrets/carol-home.psk"))).isEqualTo("a secret");
		assertThat(result.ignored()).extracting(ImportProblem::message)
				.anyMatch(m -> m.startsWith("ikelifetime ignored"))
				.anyMatch(m -> m.startsWith("charondebug ignored")).anyMatch(m -> m.startsWith("RSA secrets ignored"))
				.anyMatch(m -> m.startsWith("auto=ignore ignored on purpose: the connection is not loaded"));
		assertThat(result.problems()).noneMatch(p -> p.message().contains("a secret"));
	}

	@Test
	void whatIpslCannotExpressIsReportedAtItsPlaceAndNothingIsWritten() throws IOException {
		Path conf = machine("moon", "swanctl/swanctl.conf", """
				connections {
				   rw {
				      pools = rw_pool
				      local {
				         auth = pubkey
				         id = moon.example.org
				      }
				      remote {
				         auth = eap-md5
				      }
				      frobnicate = yes
				   }
				}
				pools {
				   rw_pool {
				      addrs = 10.3.0.0/24
				   }
				}
				""");
		StrongswanImporter.Result result = run(false, new Source(conf));
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.written()).isEmpty();
		assertThat(Files.exists(dir.resolve("ws"))).isFalse();
		assertThat(result.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message())
				.containsExactlyInAnyOrder(
						"3:7 pools not imported: assigns virtual IP addresses from a pool (IPSL has no virtual IPs)",
						"9:10 auth = eap-md5 not imported: EAP authentication (IPSL has no EAP)",
						"11:7 frobnicate not imported: a setting of connection rw the importer does not know",
						"14:1 pools not imported: assigns virtual IP addresses from a pool (IPSL has no virtual IPs)");
		StrongswanImporter.Result partial = run(true, new Source(conf));
		assertThat(partial.exitCode()).isEqualTo(1);
		assertThat(written("moon.ipsl")).contains("ike rw {", "authentication certificate", "remote any");
	}

	@Test
	void textThatIsNotSwanctlSyntaxIsAnErrorWithItsPlace() throws IOException {
		Path conf = machine("moon", "swanctl/swanctl.conf",
				"connections {\n   gw {\n      version = 2\n      local {\n");
		StrongswanImporter.Result result = run(false, new Source(conf));
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message()).containsExactly(
				"4:7 section 'local' is not closed (a } is missing)", "2:4 section 'gw' is not closed (a } is missing)",
				"1:1 section 'connections' is not closed (a } is missing)");
		Path binary = machine("sun", "swanctl/swanctl.conf", "connections {\u0000}");
		assertThat(run(false, new Source(binary)).problems()).extracting(ImportProblem::message)
				.containsExactly("binary data: the file is not text (control character 0x00)");
		Path include = machine("venus", "swanctl/swanctl.conf", "connections {\n  include missing.conf\n}\n");
		assertThat(run(false, new Source(include)).problems())
				.extracting(p -> p.line() + ":" + p.column() + " " + p.message())
				.containsExactly("2:3 include missing.conf: no such file");
	}

	@Test
	void anExistingFileIsNeverOverwritten() throws IOException {
		Path moon = machine("moon", "swanctl/swanctl.conf", MOON);
		Files.createDirectories(dir.resolve("ws"));
		Files.writeString(dir.resolve("ws/moon.ipsl"), "mine");
		StrongswanImporter.Result result = run(false, new Source(moon));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.failure()).isNotNull();
		assertThat(written("moon.ipsl")).isEqualTo("mine");
		assertThat(Files.exists(dir.resolve("ws/secrets"))).isFalse();
	}
}
