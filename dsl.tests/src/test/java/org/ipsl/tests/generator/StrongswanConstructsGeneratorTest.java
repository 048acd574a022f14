package org.ipsl.tests.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The constructs of strongSwan configurations in each target: swanctl.conf writes every one; xfrm
 * writes what is the kernel's (several traffic selectors, ranges, proposals' protocol); HP-UX and
 * the runtime refuse each with target-unsupported at its line, naming it.
 */
public class StrongswanConstructsGeneratorTest {
	/** Every construct of strongSwan configurations once, valid (the language tests read it too). */
	public static final String MOON = """
			host moon {
			    address 192.168.0.1, 10.1.0.1
			    ike gw-gw priority 10 {
			        version 2
			        local 192.168.0.1
			        remote 192.168.0.2
			        proposals aes128-aes256-sha256-sha1-x25519-modp2048, default
			        authentication preshared "Vq3#mZ8pL2@xR7wK"
			        local-id fqdn "moon.strongswan.org"
			        remote-id fqdn "sun.strongswan.org"
			    }
			    ike rw priority 20 {
			        version any
			        remote any
			        proposals aes128gcm16-prfsha256-ecp256
			        authentication certificate
			        remote-authentication preshared "Tq8#wN3pK5@zR2vM"
			        local-id key-id "#0102ab"
			        remote-id any
			    }
			    policy net-net priority 10 {
			        any from 10.1.0.0/16, 10.3.0.0/16 to 10.2.0.0/16
			        protect tunnel 192.168.0.1 -> 192.168.0.2 esp-aes128gcm16-x25519, default
			        ike gw-gw
			        start initiate
			    }
			    policy dns priority 20 {
			        any from 10.1.0.0/16 protocol udp port 53, 10.1.0.0/16 protocol tcp port 53 to 10.4.0.5
			        pass
			    }
			    policy range priority 30 {
			        any from 10.1.0.17..10.1.0.20 to 10.4.0.0/16
			        discard
			    }
			    policy road priority 40 {
			        icmp from 10.1.0.0/16 to any
			        protect ah-sha256
			        ike rw
			        start none
			    }
			}
			""";

	@Test
	void swanctlWritesEveryConstruct(@TempDir Path dir) {
		String conf = GeneratedWorkspaces.files(GeneratedWorkspaces.generate(dir, Map.of("moon.ipsl", MOON),
				Target.STRONGSWAN, GenerateOptions.DEFAULT)).get("moon/swanctl.conf");
		assertThat(conf).contains("""
				    gw-gw {
				        version = 2
				        local_addrs = 192.168.0.1
				        remote_addrs = 192.168.0.2
				        proposals = aes128-aes256-sha256-sha1-x25519-modp2048, default
				""");
		assertThat(conf).contains("""
				            net-net {
				                mode = tunnel
				                local_ts = 10.1.0.0/16
				                remote_ts = 10.2.0.0/16
				                esp_proposals = aes128gcm16-x25519, default
				""").contains("""
				            net-net-2 {
				                mode = tunnel
				                local_ts = 10.3.0.0/16
				""").contains("start_action = start\n");
		assertThat(conf).contains("""
				    rw {
				        version = 0
				        local_addrs = 192.168.0.1, 10.1.0.1
				        remote_addrs = %any
				        proposals = aes128gcm16-prfsha256-ecp256
				""").contains("""
				        local {
				            auth = pubkey
				            id = "keyid:#0102ab"
				        }
				        remote {
				            auth = psk
				            id = %any
				        }
				""");
		assertThat(conf).contains("""
				            road {
				                mode = transport
				                local_ts = 10.1.0.0/16[icmp]
				                remote_ts = 0.0.0.0/0[icmp]
				                ah_proposals = sha256
				""").contains("start_action = none\n");
		assertThat(conf).contains("local_ts = 10.1.0.0/16[udp/53]\n").contains("local_ts = 10.1.0.0/16[tcp/53]\n")
				.contains("remote_ts = 10.4.0.5/32[tcp]\n");
		// the range as the prefixes that make it up
		assertThat(conf).contains("local_ts = 10.1.0.17/32\n").contains("local_ts = 10.1.0.18/31\n")
				.contains("local_ts = 10.1.0.20/32\n");
		// the peer's preshared key of rw is a secret for any peer (remote-id any), never in clear
		assertThat(conf).contains("    ike-rw {\n        secret = 0x").doesNotContain("Tq8#wN3pK5@zR2vM")
				.doesNotContain("Vq3#mZ8pL2@xR7wK");
	}

	@Test
	void xfrmWritesEachTrafficSelectorAndTheProposalsProtocol(@TempDir Path dir) {
		String script = GeneratedWorkspaces.files(GeneratedWorkspaces.generate(dir, Map.of("moon.ipsl", MOON),
				Target.XFRM, GenerateOptions.DEFAULT)).get("moon/xfrm.sh");
		assertThat(script).contains("src 10.1.0.0/16 dst 10.2.0.0/16 dir out")
				.contains("src 10.3.0.0/16 dst 10.2.0.0/16 dir out").contains("proto udp sport 53")
				.contains("proto tcp sport 53").contains("src 10.1.0.18/31 dst 10.4.0.0/16")
				.contains("tmpl proto ah mode transport");
	}

	@ParameterizedTest
	@EnumSource(value = Target.class, names = {"HPUX", "RUNTIME"})
	void hpuxAndTheRuntimeRefuseEachConstructAtItsLine(Target target, @TempDir Path dir) {
		Path workspace = GeneratedWorkspaces.workspace(dir.resolve("w"), Map.of("moon.ipsl", MOON));
		Generation.Result result = GeneratedWorkspaces.run(workspace, EnumSet.of(target), GenerateOptions.DEFAULT,
				dir.resolve("out"));
		assertThat(result.blocked()).as("the workspace is error-free: %s", result.diagnostics()).isFalse();
		List<Diagnostic> refused = result.diagnostics().stream()
				.filter(d -> d.code() == DiagnosticCode.TARGET_UNSUPPORTED).toList();
		Map<String, Integer> expected = Map.ofEntries(Map.entry("version 2 of IKE policy gw-gw", 4),
				Map.entry("local of IKE policy gw-gw", 5),
				Map.entry("proposal aes128-aes256-sha256-sha1-x25519-modp2048 of IKE policy gw-gw", 7),
				Map.entry("proposal default of IKE policy gw-gw", 7),
				Map.entry("version any of IKE policy rw", 13),
				Map.entry("proposal aes128gcm16-prfsha256-ecp256 of IKE policy rw", 15),
				Map.entry("certificate without a file of IKE policy rw", 16),
				Map.entry("remote-authentication of IKE policy rw", 17),
				Map.entry("local-id key-id \"#0102ab\" of IKE policy rw", 12),
				Map.entry("remote-id any of IKE policy rw", 12),
				Map.entry("proposal esp-aes128gcm16-x25519 of policy net-net", 23),
				Map.entry("proposal default of policy net-net", 23),
				Map.entry("start initiate of policy net-net", 25),
				Map.entry("traffic selectors of several protocols or ports in policy dns", 27),
				Map.entry("proposal ah-sha256 of policy road", 37),
				// HP-UX would take gw-gw, the first IKE policy whose remote meets road's
				Map.entry("ike rw of policy road", 38),
				Map.entry("start none of policy road", 39));
		for (Map.Entry<String, Integer> construct : expected.entrySet())
			assertThat(refused).as(construct.getKey()).anySatisfy(d -> {
				assertThat(d.message()).startsWith(construct.getKey() + " cannot be generated for ");
				assertThat(d.line()).isEqualTo(construct.getValue());
			});
		assertThat(refused).hasSize(expected.size());
		assertThat(GeneratedWorkspaces.files(dir.resolve("out"))).as("nothing for that host").isEmpty();
	}

	/** A road warrior responder: the tunnel's remote end is whichever address the IKE peer has. */
	static final String ROAD_WARRIOR = """
			host moon {
			    address 192.168.0.1
			    ike rw {
			        version 2
			        remote any
			        authentication preshared "Vq3#mZ8pL2@xR7wK"
			    }
			    policy rw {
			        any from 10.1.0.0/16 to any
			        protect tunnel 192.168.0.1 -> any esp-aes128-hmac-sha256
			        ike rw
			    }
			}
			""";

	@Test
	void swanctlWritesATunnelToAnyPeerAsTheConnectionsChild(@TempDir Path dir) {
		String conf = GeneratedWorkspaces.files(GeneratedWorkspaces.generate(dir, Map.of("moon.ipsl", ROAD_WARRIOR),
				Target.STRONGSWAN, GenerateOptions.DEFAULT)).get("moon/swanctl.conf");
		assertThat(conf).contains("remote_addrs = %any\n").contains("""
				            rw {
				                mode = tunnel
				                local_ts = 10.1.0.0/16
				                remote_ts = 0.0.0.0/0
				""");
	}

	@ParameterizedTest
	@EnumSource(value = Target.class, names = {"HPUX", "RUNTIME", "XFRM"})
	void otherTargetsRefuseATunnelToAnyPeerAtItsLine(Target target, @TempDir Path dir) {
		Path workspace = GeneratedWorkspaces.workspace(dir.resolve("w"), Map.of("moon.ipsl", ROAD_WARRIOR));
		Generation.Result result = GeneratedWorkspaces.run(workspace, EnumSet.of(target), GenerateOptions.DEFAULT,
				dir.resolve("out"));
		assertThat(result.diagnostics()).as("%s", result.diagnostics())
				.anySatisfy(d -> {
					assertThat(d.code()).isEqualTo(DiagnosticCode.TARGET_UNSUPPORTED);
					assertThat(d.message()).startsWith("tunnel to any of policy rw cannot be generated for ");
					assertThat(d.line()).isEqualTo(10);
				});
	}

	@Test
	void anIkeBindingHpuxWouldMakeItselfIsWritten(@TempDir Path dir) {
		String text = """
				host h {
				    address 192.0.2.1
				    ike peers { remote 192.0.2.0/24 authentication preshared "x8#Lq2!vR7@kT4$m" }
				    policy p { any from 192.0.2.1 to 192.0.2.2 protect esp-aes128-hmac-sha1 ike peers start trap }
				}
				""";
		assertThat(GeneratedWorkspaces.files(GeneratedWorkspaces.generate(dir, Map.of("h.ipsl", text), Target.HPUX,
				GenerateOptions.DEFAULT)).get("h/ipsec_config.batch")).contains("add host p");
	}
}
