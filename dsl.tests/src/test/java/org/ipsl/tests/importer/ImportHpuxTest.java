package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.ipsl.diagnostics.Category;
import org.ipsl.importer.hpux.HpuxImporter;
import org.ipsl.importer.ImportProblem;
import org.ipsl.tests.cli.IpslRun;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the importer makes of batch files as administrators write them, and what it refuses. */
class ImportHpuxTest {
	@TempDir
	Path dir;

	private static final String ADMIN = """
			add startup -spd_soft 40 -spd_hard 50
			add startup -spi_min 300 -spi_max 2500000
			add auth gw -rem 198.51.100.1 -preshared s3cr3t!key
			add auth gw6 -remote 2001:db8::1 -preshared 0x6f746865722d6b6579 -rtype FQDN -rid gw.example.com -exchange AM
			add ike gw -remote 198.51.100.1 -priority 5 -group 2 -hash SHA1 -encryption AES128 -auth PSK -life 3600 -maxqm 1
			add ikev1 gw6 -remote 2001:db8::1/128 -hash MD5 -auth PSK
			add host dns -source 192.0.2.10/32 -destination 198.51.100.0/24/DNS-UDP -action ESP_AES128_HMAC_SHA1/3600/50000,ESP_3DES_HMAC_SHA1 -flags EXCLUSIVE
			add host nested -source 192.0.2.10 -destination 198.51.100.1/32/443 -protocol TCP -action AH_SHA1+ESP_AES128_HMAC_SHA1
			   add host v6 -source 2001:db8::10 -destination 2001:db8::1 -action ESP_AES128_HMAC_SHA1
			add host keyed -source 192.0.2.10 -destination 198.51.100.9 -protocol UDP -action ESP_AES128_HMAC_MD5 -in ESP/2600001/0x0152b6db12f478264bef842ba3a24f6c/0xDEEF2797CFF08B2E838809F480FA361B -out ESP/0x27ac42/0xd7f3b2f88e61ca576063da5d1cfb464c/0xae5c8df9202abb8397e193fc2078e0bb
			add tunnel sites -source 10.1.0.0/16 -destination 10.2.0.0/16 -tsource 192.0.2.10 -tdestination 198.51.100.1 -action ESP_AES128_HMAC_SHA1
			add host sites -source 10.1.0.0/16 -destination 10.2.0.0/16 -tunnel sites -action PASS
			add host drop -destination 203.0.113.0/24
			add host default -action DISCARD
			""";

	private HpuxImporter.Result run(String name, String text, boolean partial) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, text);
		return new HpuxImporter(Checker.injector())
				.run(new HpuxImporter.Request(List.of(file), List.of(), dir.resolve("ws"),
						partial));
	}

	@Test
	void anAdministratorsBatchFileBecomesOneHost() throws IOException {
		HpuxImporter.Result result = run("web1.batch", ADMIN, false);
		assertThat(result.problems()).isEmpty();
		assertThat(result.exitCode()).isZero();
		assertThat(Files.readString(dir.resolve("ws/web1.ipsl"))).isEqualTo("""
				host web1 {
				    address 192.0.2.10, 2001:db8::10
				    dynamic-spi 300..2500000
				    spd-limits soft 40 hard 50

				    ike gw priority 5 {
				        remote 198.51.100.1
				        proposals aes128-sha1-modp1024
				        authentication preshared file "secrets/web1-gw.psk"
				        max-quick-modes 1
				        lifetime 3600
				    }

				    ike gw6 priority 15 {
				        remote 2001:db8::1
				        proposals 3des-md5-modp1024
				        authentication preshared file "secrets/web1-gw6.psk"
				        remote-id fqdn "gw.example.com"
				        mode aggressive
				    }

				    policy dns priority 10 {
				        udp from 192.0.2.10 to 198.51.100.0/24 port 53
				        protect esp-aes128-hmac-sha1 lifetime 3600 50000KB, esp-3des-hmac-sha1
				        exclusive
				    }

				    policy nested priority 20 {
				        tcp from 192.0.2.10 to 198.51.100.1 port 443
				        protect ah-hmac-sha1 + esp-aes128-hmac-sha1
				    }

				    policy v6 priority 30 {
				        any from 2001:db8::10 to 2001:db8::1
				        protect esp-aes128-hmac-sha1
				    }

				    policy keyed priority 40 {
				        udp from 192.0.2.10 to 198.51.100.9
				        protect manual keyed
				    }

				    policy sites priority 50 {
				        any from 10.1.0.0/16 to 10.2.0.0/16
				        protect tunnel 192.0.2.10 -> 198.51.100.1 esp-aes128-hmac-sha1
				    }

				    policy drop priority 60 {
				        any from 0.0.0.0/0 to 203.0.113.0/24
				        discard
				    }

				    manual-sa keyed {
				        peer 198.51.100.9
				        inbound esp spi 2600001
				            encryption aes128 0xdeef2797cff08b2e838809f480fa361b
				            authentication hmac-md5 0x0152b6db12f478264bef842ba3a24f6c
				        outbound esp spi 2600002
				            encryption aes128 0xae5c8df9202abb8397e193fc2078e0bb
				            authentication hmac-md5 0xd7f3b2f88e61ca576063da5d1cfb464c
				    }

				    default discard
				}
				""");
		assertThat(Files.readString(dir.resolve("ws/secrets/web1-gw.psk"))).isEqualTo("s3cr3t!key\n");
		assertThat(Files.readString(dir.resolve("ws/secrets/web1-gw6.psk"))).isEqualTo("0x6f746865722d6b6579\n");
		for (String file : List.of("web1.ipsl", "secrets/web1-gw.psk", "secrets/web1-gw6.psk"))
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ws").resolve(file))))
					.as(file).isEqualTo("rw-------");
		assertThat(Checker.check(dir.resolve("ws"))).as("no syntax, name or value error")
				.noneMatch(d -> d.code().category() == Category.LANGUAGE);
	}

	@Test
	void whatIpslCannotExpressIsAnErrorAtItsPlace() throws IOException {
		HpuxImporter.Result result = run("refused.batch", """
				add auth cert3 -remote 10.0.0.2 -preshared k1 -local_method RSASIG
				add auth hex -remote 10.0.0.3 -preshared 0x6b657
				add ike cert -remote 10.0.0.4 -auth RSASIG
				add host excl -destination 10.0.0.2 -action PASS -flags EXCLUSIVE
				add host unauth -destination 10.0.0.2 -action ESP_3DES
				add host pass -destination 10.0.0.5 -action PASS
				""", false);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(dir.resolve("ws")).doesNotExist();
		assertThat(result.problems()).extracting(p -> p.line() + ":" + p.column() + ": " + p.message()).containsExactly(
				"1:61: certificate authentication: IPSL names the certificate, CA and CRL files, which a batch file does not hold",
				"2:42: HP-UX reads a preshared key that begins with 0x as hexadecimal (A.03.00 guide, page 155), and the rest of this one is not pairs of hex digits",
				"3:37: certificate authentication: IPSL names the certificate, CA and CRL files, which a batch file does not hold",
				"4:57: -flags EXCLUSIVE on a policy that is not a dynamic-key transport policy: IPSL's exclusive belongs to protect with transforms and no tunnel",
				"5:47: transform 'ESP_3DES' has no IPSL equivalent (IPSL's transforms are listed in LANGUAGE.md; unauthenticated ESP is not among them)",
				"6:10: 'pass' cannot be an IPSL name (a keyword, or characters other than letters, digits, - and _)");
		assertThat(result.problems()).noneMatch(ImportProblem::unreadable);
	}

	@Test
	void partialWritesTheRestAndListsWhatIsLeftOut() throws Exception {
		Files.writeString(dir.resolve("h.batch"), """
				add host ok -source 10.0.0.1 -destination 10.0.0.2 -action PASS
				add host mip -source 10.0.0.1 -destination 10.0.0.3 -action ESP_AES128_HMAC_SHA1 -flags MIPV6
				add host default -action DISCARD
				""");
		IpslRun run = IpslRun.run(dir, "import", "hpux", "h.batch", "--out", "ws", "--partial");
		assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
		assertThat(run.stdout().lines()).containsExactly(
				"h.batch:2:89: -flags MIPV6: IPSL has no Mobile IPv6 policies (left out)",
				"wrote ws/h.ipsl");
		assertThat(run.stderr().strip()).isEqualTo("ipsl: 1 problem left out (listed above); the rest is written");
		assertThat(Files.readString(dir.resolve("ws/h.ipsl"))).contains("policy ok priority 10").doesNotContain("mip")
				.contains("default discard");
	}

	@Test
	void secretsAreNeverPrinted() throws Exception {
		Files.writeString(dir.resolve("h.batch"),
				"""
						add auth peer -remote 10.0.0.2 -preshared Zq9!secret
						add ike peer -remote 10.0.0.2 -authentication PSK
						add host ok -source 10.0.0.1 -destination 10.0.0.2 -action ESP_AES128_HMAC_SHA1 -colour 0x0123456789abcdef
						""");
		IpslRun failed = IpslRun.run(dir, "import", "hpux", "h.batch", "--out", "ws");
		IpslRun partial = IpslRun.run(dir, "import", "hpux", "h.batch", "--out", "ws", "--partial");
		for (IpslRun run : List.of(failed, partial))
			assertThat(run.stdout() + run.stderr()).doesNotContain("Zq9!secret").doesNotContain("Exception");
		assertThat(Files.readString(dir.resolve("ws/h.ipsl"))).doesNotContain("Zq9!secret")
				.contains("authentication preshared file \"secrets/h-peer.psk\"");
		assertThat(Files.readString(dir.resolve("ws/secrets/h-peer.psk"))).isEqualTo("Zq9!secret\n");
	}

	@Test
	void anExistingFileIsNeverOverwritten() throws Exception {
		Files.writeString(dir.resolve("h.batch"), "add host default -action PASS\n");
		Checker.write(dir.resolve("ws/h.ipsl"), "// mine\n");
		IpslRun run = IpslRun.run(dir, "import", "hpux", "h.batch", "--out", "ws", "--address", "10.0.0.1");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stderr()).startsWith("ipsl: ws/h.ipsl: exists and was not generated by IPSL");
		assertThat(Files.readString(dir.resolve("ws/h.ipsl"))).isEqualTo("// mine\n");
	}
}
