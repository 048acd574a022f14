package org.ipsl.tests.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.generator.Target;
import org.ipsl.diagnostics.DiagnosticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each target cannot express: a {@code target-unsupported} error at the construct, naming
 * it, the host and the target, and no file of that target for that host. The HP-UX capability
 * table is checked release by release.
 */
class UnsupportedConstructsTest {
	private static final GenerateOptions A0200 = GenerateOptions.DEFAULT,
			A0201 = new GenerateOptions(HpuxRelease.A_02_01, 1), A0300 = new GenerateOptions(HpuxRelease.A_03_00, 1);

	/** A host with an IKE policy towards 192.0.2.0/24; {@code body} adds its lines. */
	private static String host(String body) {
		return """
				host h {
				    address 192.0.2.1, 2001:db8::1
				    ike peers priority 100 {
				        remote 192.0.2.0/24
				        authentication preshared "x8#Lq2!vR7@kT4$m"
				    }
				%s
				}
				""".formatted(body.indent(4).stripTrailing());
	}

	private static String policy(String name, int priority, String selector, String action) {
		return "policy " + name + " priority " + priority + " {\n    " + selector + "\n    " + action + "\n}";
	}

	private static final String KEYS = "encryption 3des 0xb18b3fd541f1982e35c2e83ffdf729fbbbabec19825832b6 "
			+ "authentication hmac-sha1 0xd21640a1e27ee2fba7d899fa6f20d6c50104cc6e";

	/**
	 * @param line    where the diagnostic starts (the host text's line)
	 * @param message what it says after "cannot be generated for"
	 */
	record Case(String name, String text, Target target, GenerateOptions options, int line, String construct,
			String message) {
		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Case> cases() {
		String gcm = host(policy("gcm", 10, "any from 192.0.2.1 to 192.0.2.2", "protect esp-aes128-gcm16"));
		return Stream.of(
				new Case("SHA-2 transform on A.02", host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
						"protect esp-aes128-hmac-sha256")), Target.HPUX, A0200, 9, "transform esp-aes128-hmac-sha256",
						"HP-UX IPSec A.02.00 (host h): it has no such transform"),
				new Case("GCM on A.03.00", gcm, Target.HPUX, A0300, 9, "transform esp-aes128-gcm16",
						"HP-UX IPSec A.03.00 (host h): it has no such transform"),
				new Case("DES on A.03.00, which dropped it", host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
						"protect esp-des-hmac-md5")), Target.HPUX, A0300, 9, "transform esp-des-hmac-md5",
						"HP-UX IPSec A.03.00 (host h): it has no such transform"),
				new Case("AES-256 IKE", host("ike other priority 10 {\n    remote 198.51.100.1\n"
						+ "    proposals aes256-sha1-modp1024\n    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n}"),
						Target.HPUX, A0200, 9, "IKE proposal aes256-sha1-modp1024",
						"offers the IKE encryption DES, 3DES and AES128 only"),
				new Case("SHA-2 IKE", host("ike other priority 10 {\n    remote 198.51.100.1\n"
						+ "    proposals aes128-sha256-modp1024\n    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n}"),
						Target.HPUX, A0300, 9, "IKE proposal aes128-sha256-modp1024",
						"it offers the IKE hashes MD5 and SHA1 only"),
				new Case("ECP group", host("ike other priority 10 {\n    remote 198.51.100.1\n"
						+ "    proposals aes128-sha1-ecp256\n    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n}"),
						Target.HPUX, A0200, 9, "IKE proposal aes128-sha1-ecp256",
						"it offers the MODP Diffie-Hellman groups 1, 2, 5 and 14 only"),
				new Case("IPv6 bypass on A.02.00", host("bypass 2001:db8::1"), Target.HPUX, A0200, 7,
						"bypass 2001:db8::1", "the A.02.00 bypass list is IPv4 only"),
				new Case("ICMP type", host(policy("ping", 10, "icmp type 8 from 192.0.2.1 to 192.0.2.2", "discard")),
						Target.HPUX, A0200, 8, "ICMP type 8 of policy ping",
						"HP-UX host policies select by address, protocol and port only"),
				new Case("port range on HP-UX",
						host(policy("high", 10, "tcp from 192.0.2.1 to 192.0.2.2 port 1024..2048",
								"discard")),
						Target.HPUX, A0200, 8, "port range 1024..2048 of policy high",
						"HP-UX host policies take one port, or every port"),
				new Case("no room for the records an IKE policy becomes", "network two = 198.51.100.1, 198.51.100.3\n"
						+ host("ike two priority 10 {\n    remote two\n"
								+ "    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n}\nike next priority 11 {\n"
								+ "    remote 198.51.100.2\n    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n}"),
						Target.HPUX, A0200,
						8, "IKE policy two", "it becomes 2 HP-UX IKE policy records (one per remote address or address "
								+ "pair) at priorities 10..11, which reach the next one's priority 11"),
				// Windows interop paper, page 42; A.02.00 guide, page 93: one proposal, first IKE policy by priority
				new Case("a proposal list (Windows interop paper, page 42)", host("ike two priority 10 {\n"
						+ "    remote 198.51.100.1\n    proposals aes128-sha1-modp1024, 3des-sha1-modp1024\n"
						+ "    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n}"), Target.HPUX, A0201, 9,
						"the proposal list of IKE policy two", "HP-UX IPSec A.02.01 offers one proposal per IKE policy "
								+ "and uses only the first IKE policy by priority whose remote covers the peer"),
				new Case("group PFS on A.02 (A.02.00 guide, page 285)", host(policy("a", 10,
						"tcp from 192.0.2.1 to 192.0.2.2 port 22", "protect esp-aes128-hmac-sha1\n    pfs modp1024")),
						Target.HPUX, A0200, 10, "pfs modp1024 of policy a", "HP-UX IPSec A.02.00 has no "
								+ "Diffie-Hellman-group PFS, only PFS of keys and identities"),
				new Case("a PFS group other than the IKE group on A.03.00 (A.03.02.02 release notes, page 22)",
						host(policy("a", 10, "tcp from 192.0.2.1 to 192.0.2.2 port 22",
								"protect esp-aes128-hmac-sha1\n    pfs modp2048")),
						Target.HPUX, A0300, 10, "PFS of policy a", "-pfs ON|OFF, a switch without a group"),
				new Case("max-quick-modes on A.03.00 (A.03.02.02 release notes, page 22)",
						host("ike other priority 10 {\n"
								+ "    remote 198.51.100.1\n    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n"
								+ "    max-quick-modes 1\n}"),
						Target.HPUX, A0300, 10, "max-quick-modes of IKE policy other",
						"-pfs ON|OFF instead of -maxqm"),
				new Case("nested AH+ESP on A.03.00 (A.03.02.02 release notes, page 22)", host(policy("p", 10,
						"any from 192.0.2.1 to 192.0.2.2", "protect ah-hmac-sha1 + esp-aes128-hmac-sha1")), Target.HPUX,
						A0300, 9, "the transforms of policy p", "has no nested AH+ESP transforms"),
				new Case("Aggressive Mode on A.02.00 (Windows interop paper, page 12)", host("ike other priority 10 {\n"
						+ "    remote 198.51.100.1\n    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n"
						+ "    mode aggressive\n}"), Target.HPUX, A0200, 10, "mode aggressive of IKE policy other",
						"A.02.00 has Main Mode only"),
				new Case("a preshared key HP-UX reads as hex (A.03.00 guide, page 155)",
						host("ike other priority 10 {\n"
								+ "    remote 198.51.100.1\n    authentication preshared \"0xq8#Lq2!vR7@kT4$m\"\n}"),
						Target.HPUX,
						A0201, 9, "the preshared secret of IKE policy other", "begins with 0x as hexadecimal"),
				new Case("a preshared key with a double quote (A.03.00 guide, page 157)",
						host("ike other priority 10 {\n"
								+ "    remote 198.51.100.1\n    authentication preshared \"q8#Lq2\\\"vR7@kT4$m\"\n}"),
						Target.HPUX, A0200, 9, "the preshared secret of IKE policy other",
						"keeps double quotes as part of a preshared key"),
				new Case("exclusive with a tunnel (A.02.00 guide, page 82)", host(policy("t", 10,
						"any from 192.0.2.1 to 198.51.100.0/24", "protect tunnel 192.0.2.1 -> 192.0.2.9 "
								+ "esp-aes128-hmac-sha1\n    exclusive")),
						Target.HPUX, A0200, 10, "exclusive of policy t",
						"EXCLUSIVE is a host-policy flag not allowed with PASS"),
				// A.02.00 guide, page 141: the authentication record with the longest prefix is used
				new Case("a narrower record under a wider IKE policy (A.02.00 guide, page 141)",
						host("ike near priority 110 {\n"
								+ "    remote 192.0.2.7\n    authentication preshared \"Zq7!mW3#tB9@kL5$\"\n}"),
						Target.HPUX, A0200, 7,
						"IKE policy near", "HP-UX picks the authentication record by longest prefix"),
				new Case("max-quick-modes in strongSwan", host("ike other priority 10 {\n    remote 198.51.100.1\n"
						+ "    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n    max-quick-modes 1\n}"),
						Target.STRONGSWAN, A0200, 10, "max-quick-modes of IKE policy other",
						"no limit on the Quick Modes"),
				new Case("Aggressive Mode in IKEv2", host("ike other priority 10 {\n    remote 198.51.100.1\n"
						+ "    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n    mode aggressive\n}"),
						Target.STRONGSWAN,
						new GenerateOptions(HpuxRelease.A_02_00, 2), 10, "mode aggressive of IKE policy other",
						"Aggressive Mode is an IKEv1 exchange"),
				new Case("exclusive in strongSwan", host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
						"protect esp-aes128-hmac-sha1 exclusive")), Target.STRONGSWAN, A0200, 9,
						"exclusive of policy p",
						"one SA pair per child"),
				new Case("exclusive in the kernel", host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
						"protect esp-aes128-hmac-sha1 exclusive")), Target.XFRM, A0200, 9, "exclusive of policy p",
						"one SA pair per 5-tuple"),
				new Case("Aggressive Mode in the runtime", host("ike other priority 10 {\n    remote 198.51.100.1\n"
						+ "    authentication preshared \"x8#Lq2!vR7@kT4$m\"\n    mode aggressive\n}"), Target.RUNTIME,
						A0200, 10, "mode aggressive of IKE policy other", "Main Mode only"),
				new Case("AH manual keys", host(policy("m", 10, "udp from 192.0.2.1 to 192.0.2.7 port 514",
						"protect manual k") + "\nmanual-sa k {\n    peer 192.0.2.7\n"
						+ "    inbound ah spi 2600001 authentication hmac-sha1 0xd21640a1e27ee2fba7d899fa6f20d6c50104cc6e\n"
						+ "    outbound ah spi 2600002 authentication hmac-sha1 0x4b8913f2d615a10d270de246a5cf0df47a9a38e4\n}"),
						Target.HPUX, A0200, 13, "manual-sa k", "HP-UX documents manual keys for ESP only"),
				new Case("manual keys for a network",
						host(policy("m", 10, "udp from 192.0.2.1 to 192.0.2.0/28 port 514",
								"protect manual k")
								+ "\nmanual-sa k {\n    peer 192.0.2.7\n    inbound esp spi 2600001 " + KEYS
								+ "\n    outbound esp spi 2600002 " + KEYS.replace("b18b", "b28b") + "\n}"),
						Target.HPUX, A0200, 7,
						"manual keys of policy m", "the selector must name one local and one remote address"),
				new Case("PFS per policy where HP-UX has it per IKE policy", host(policy("a", 10,
						"tcp from 192.0.2.1 to 192.0.2.2 port 22", "protect esp-aes128-hmac-sha1\n    pfs modp1024")
						+ "\n"
						+ policy("b", 20, "tcp from 192.0.2.1 to 192.0.2.3 port 23", "protect esp-aes128-hmac-sha1")),
						Target.HPUX, A0300, 12, "PFS of policy b",
						"HP-UX sets PFS on the IKE policy, and policy a uses "
								+ "IKE policy peers with group 2"),
				new Case("AH and ESP alternatives", host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
						"protect ah-hmac-sha1, esp-aes128-hmac-sha1")), Target.HPUX, A0200, 9,
						"the transforms of policy p",
						"not a mix"),
				new Case("nested AH+ESP in strongSwan", host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
						"protect ah-hmac-sha1 + esp-aes128-hmac-sha1")), Target.STRONGSWAN, A0200, 9,
						"transform ah-hmac-sha1+esp-aes128-hmac-sha1 of policy p",
						"swanctl.conf has no AH+ESP bundles"),
				new Case("manual keys in strongSwan", host(policy("m", 10, "udp from 192.0.2.1 to 192.0.2.7 port 514",
						"protect manual k") + "\nmanual-sa k {\n    peer 192.0.2.7\n    inbound esp spi 2600001 " + KEYS
						+ "\n    outbound esp spi 2600002 " + KEYS.replace("b18b", "b28b") + "\n}"), Target.STRONGSWAN,
						A0200,
						9, "manual keys of policy m", "the xfrm target writes manual SAs"),
				new Case("two lifetimes in one strongSwan child",
						host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
								"protect esp-aes128-hmac-sha1 lifetime 1h, esp-3des-hmac-sha1 lifetime 2h")),
						Target.STRONGSWAN,
						A0200, 9, "lifetime of transform esp-3des-hmac-sha1 of policy p",
						"a strongSwan child has one lifetime"),
				new Case("port range in strongSwan",
						host(policy("high", 10, "tcp from 192.0.2.1 to 192.0.2.2 port 1024..2048",
								"protect esp-aes128-hmac-sha1")),
						Target.STRONGSWAN, A0200, 8, "port range 1024..2048 of policy high",
						"none of its kernel backends installs them"),
				new Case("port range in the kernel",
						host(policy("high", 10, "tcp from 192.0.2.1 to 192.0.2.2 port 1024..2048",
								"discard")),
						Target.XFRM, A0200, 8, "port range 1024..2048 of policy high",
						"a kernel selector takes one port, or every port"),
				new Case("AH and ESP alternatives in the kernel",
						host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2",
								"protect esp-aes128-hmac-sha1, ah-hmac-sha1")),
						Target.XFRM, A0200, 9,
						"transform ah-hmac-sha1 of policy p", "templates are one protocol stack"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isTargetUnsupportedAtTheConstruct(Case c, @TempDir Path dir) {
		Path workspace = GeneratedWorkspaces.workspace(dir.resolve("w"), Map.of("h.ipsl", c.text()));
		Generation.Result result = GeneratedWorkspaces.run(workspace, EnumSet.of(c.target()), c.options(),
				dir.resolve("out"));
		assertThat(result.blocked()).as("the workspace itself is error-free: %s", result.diagnostics()).isFalse();
		List<Diagnostic> unsupported = result.diagnostics().stream()
				.filter(d -> d.code() == DiagnosticCode.TARGET_UNSUPPORTED).toList();
		assertThat(unsupported).hasSize(1);
		Diagnostic d = unsupported.get(0);
		assertThat(d.severity()).isEqualTo(Severity.ERROR);
		assertThat(d.line()).as(d.message()).isEqualTo(c.line());
		assertThat(d.message()).startsWith(c.construct() + " cannot be generated for ").contains(c.message());
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(GeneratedWorkspaces.files(dir.resolve("out"))).as("nothing for that host").isEmpty();
	}

	/**
	 * Accepted where the release has it, with the unconfirmed name said in the script: the evidence
	 * for ESP_DES_HMAC_MD5 is the A.02.00 guide's prose name (page 293), not the A.03.00 table,
	 * which has no DES.
	 */
	@Test
	void whatAnotherReleaseHasIsGenerated(@TempDir Path dir) {
		String des = host(policy("p", 10, "any from 192.0.2.1 to 192.0.2.2", "protect esp-des-hmac-md5"));
		Path out = GeneratedWorkspaces.generate(dir.resolve("des"), Map.of("h.ipsl", des), Target.HPUX, A0200);
		assertThat(GeneratedWorkspaces.files(out).get("h/ipsec_config.batch"))
				.contains("-action ESP_DES_HMAC_MD5/28800/0");
		assertThat(GeneratedWorkspaces.files(out).get("h/ipsec_config.sh")).contains("#   transform ESP_DES_HMAC_MD5: "
				+ "not printed for A.02 (Table 3-2, A.02.00 guide page 80, is not stored); the A.02.00 guide, page 293, "
				+ "describes the transform by its hyphenated name").doesNotContain("A.03.00 transform table");
		Path v6 = GeneratedWorkspaces.generate(dir.resolve("v6"), Map.of("h.ipsl", host("bypass 2001:db8::1")),
				Target.HPUX, A0201);
		assertThat(GeneratedWorkspaces.files(v6).get("h/ipsec_config.batch")).startsWith("add bypass 2001:db8::1\n");
		assertThat(GeneratedWorkspaces.files(v6).get("h/ipsec_config.sh")).contains("#   an IPv6 bypass address: the "
				+ "A.02.01 guide, page 144, describes the bypass list as local IP addresses without an IPv6 note");
	}
}
