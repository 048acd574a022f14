package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.ipsl.ast.Endpoints;
import org.ipsl.ast.Priorities;
import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.Severity;
import org.ipsl.ipsl.AddressEndpoint;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.AuditLevel;
import org.ipsl.ipsl.AuditLevelKind;
import org.ipsl.ipsl.Bypass;
import org.ipsl.ipsl.CertificateAuthentication;
import org.ipsl.ipsl.DefaultAction;
import org.ipsl.ipsl.DefaultPolicy;
import org.ipsl.ipsl.DiscardAction;
import org.ipsl.ipsl.DynamicSpi;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostAddress;
import org.ipsl.ipsl.IdentityKind;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IkeProposalSet;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.Network;
import org.ipsl.ipsl.PassAction;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.PresharedAuthentication;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.ProtocolKind;
import org.ipsl.ipsl.SaProtocol;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.ipsl.Selector;
import org.ipsl.ipsl.SpdLimits;
import org.ipsl.ipsl.TransformSet;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;

/** One test per construct of the grammar: it parses, links, validates clean, and means what it says. */
class GrammarConstructsTest {
	@TempDir
	Path dir;

	private static final ParseHelper<Model> PARSER = Checker.injector()
			.getInstance(Key.get(new TypeLiteral<ParseHelper<Model>>() {
			}));

	/** What the language itself reports; the analyses' findings on these small texts are not the point here. */
	private static final Set<String> LANGUAGE_CODES = Set.of("syntax", "unresolved-name", "duplicate-name",
			"invalid-value");

	/** Checks the text as a whole workspace (no syntax, name or value diagnostic) and returns its model. */
	private Model clean(String text) throws Exception {
		List<Diagnostic> diagnostics = Checker.checkText(dir, text);
		assertThat(diagnostics).as("diagnostics").filteredOn(d -> LANGUAGE_CODES.contains(d.code().id())).isEmpty();
		return PARSER.parse(text);
	}

	private static Host host(Model model, String name) {
		return model.getDeclarations().stream().filter(d -> d instanceof Host && d.getName().equals(name))
				.map(Host.class::cast).findFirst().orElseThrow();
	}

	private static <T extends EObject> T member(Host host, Class<T> type, int index) {
		return host.getMembers().stream().filter(type::isInstance).map(type::cast).toList().get(index);
	}

	@Test
	void networkOfIpv4AndIpv6Prefixes() throws Exception {
		Model model = clean("network lan = 10.1.1.0/24, 10.1.5.0/24, 2001:db8::/32, fe80::1, ::ffff:10.0.0.1\n");
		Network network = (Network) model.getDeclarations().get(0);
		assertThat(network.getPrefixes()).extracting(a -> a.getValue())
				.containsExactly("10.1.1.0/24", "10.1.5.0/24", "2001:db8::/32", "fe80::1", "::ffff:10.0.0.1");
		assertThat(Endpoints.addresses(network)).extracting(a -> a.prefixLength()).containsExactly(24, 24, 32, 128,
				128);
	}

	@Test
	void ikeProposalListOfSuites() throws Exception {
		Model model = clean("ike-proposal corp = aes128-sha1-modp2048, 3des-md5-modp1024, aes256-sha512-ecp384\n"
				+ "ike-proposal wider = corp, aes192-sha384-modp4096\n");
		assertThat(((IkeProposalSet) model.getDeclarations().get(0)).getProposals()).hasSize(3);
		IkeProposalSet wider = (IkeProposalSet) model.getDeclarations().get(1);
		assertThat(wider.getProposals().get(0).getRef().getName()).isEqualTo("corp");
	}

	@Test
	void transformSetWithLifetimesAndNesting() throws Exception {
		Model model = clean("transform-set esp = esp-aes128-hmac-sha1 lifetime 1h 50000KB, esp-3des-hmac-sha1,\n"
				+ "    ah-hmac-sha1 + esp-aes128-gcm16 lifetime 600s, esp-null-hmac-sha1 lifetime 30m\n");
		TransformSet set = (TransformSet) model.getDeclarations().get(0);
		assertThat(set.getTransforms()).hasSize(4);
		assertThat(set.getTransforms().get(0).getLifetime().getTime()).isEqualTo("1h");
		assertThat(set.getTransforms().get(0).getLifetime().getSize()).isEqualTo("50000KB");
		assertThat(set.getTransforms().get(2).getInner()).isEqualTo("esp-aes128-gcm16");
	}

	@Test
	void everyBuiltInTransformAndSuiteIsAccepted() throws Exception {
		clean("transform-set all = esp-des-hmac-md5, esp-3des-hmac-md5, esp-3des-hmac-sha1, esp-aes128-hmac-sha1,\n"
				+ " esp-aes256-hmac-sha1, esp-aes128-hmac-sha256, esp-aes256-hmac-sha256, esp-aes128-gcm16,\n"
				+ " esp-aes256-gcm16, esp-null-hmac-sha1, ah-hmac-md5, ah-hmac-sha1, ah-hmac-sha256\n"
				+ "ike-proposal all = des-md5-modp768, 3des-sha1-modp1024, aes128-sha256-modp1536,\n"
				+ " aes192-sha384-modp2048, aes256-sha512-modp3072, aes128-sha1-modp4096, aes256-sha256-ecp256,\n"
				+ " aes256-sha384-ecp384\n");
	}

	@Test
	void hostSettings() throws Exception {
		Model model = clean("""
				host alpha {
				    address 10.1.1.10, 2001:db8::10
				    dynamic-spi 300..2500000
				    spd-limits soft 50 hard 60
				    audit-level informative
				    bypass 10.1.1.99, 2001:db8::99
				}
				""");
		Host alpha = host(model, "alpha");
		assertThat(member(alpha, HostAddress.class, 0).getAddresses()).hasSize(2);
		assertThat(member(alpha, DynamicSpi.class, 0).getHigh()).isEqualTo("2500000");
		assertThat(member(alpha, SpdLimits.class, 0).getSoft()).isEqualTo("50");
		assertThat(member(alpha, AuditLevel.class, 0).getLevel()).isEqualTo(AuditLevelKind.INFORMATIVE);
		assertThat(member(alpha, Bypass.class, 0).getAddresses()).hasSize(2);
	}

	@Test
	void everyAuditLevel() throws Exception {
		for (String level : List.of("alert", "error", "warning", "informative", "debug"))
			assertThat(member(host(clean("host h { audit-level " + level + " }"), "h"), AuditLevel.class, 0)
					.getLevel().getLiteral()).isEqualTo(level);
	}

	@Test
	void ikePolicyWithPresharedSecretAndIdentities() throws Exception {
		Model model = clean(
				"""
						ike-proposal corp = aes128-sha1-modp2048
						host alpha {
						    address 10.1.1.10
						    ike to-beta priority 10 {
						        remote beta
						        proposals corp, 3des-md5-modp1024
						        authentication preshared "correct horse battery staple"
						        local-id fqdn "alpha.example.com"
						        remote-id user-fqdn "admin@beta.example.com"
						        lifetime 8h
						    }
						    ike to-net {
						        lifetime 28800s
						        authentication preshared file "secrets/net.psk"
						        remote 10.9.0.0/16
						        local-id ipv4 "10.1.1.10"
						        remote-id dn "CN=net, O=Example"
						    }
						    ike to-v6 { remote 2001:db8::/48 authentication preshared "Tr0ub4dor&3xyz!" local-id ipv6 "2001:db8::10" }
						    ike to-lan { remote lan authentication preshared "Tr0ub4dor&3xyz!" }
						}
						host beta { address 10.2.2.20 }
						network lan = 10.3.0.0/16
						""");
		Host alpha = host(model, "alpha");
		IkePolicy first = member(alpha, IkePolicy.class, 0);
		assertThat(((NamedEndpoint) first.getRemote()).getRef().getName()).isEqualTo("beta");
		assertThat(first.getProposals()).hasSize(2);
		assertThat(((PresharedAuthentication) first.getAuthentication()).getSecret())
				.isEqualTo("correct horse battery staple");
		assertThat(first.getRemoteId().getKind()).isEqualTo(IdentityKind.USER_FQDN);
		IkePolicy second = member(alpha, IkePolicy.class, 1);
		assertThat(((PresharedAuthentication) second.getAuthentication()).getFile()).isEqualTo("secrets/net.psk");
		assertThat(second.getRemoteId().getKind()).isEqualTo(IdentityKind.DN);
		assertThat(Priorities.of(alpha).get(second)).isEqualTo(20L);
	}

	@Test
	void ikePolicyWithCertificates() throws Exception {
		Model model = PARSER.parse("""
				host alpha {
				    ike to-any {
				        remote 0.0.0.0/0
				        authentication certificate "certs/alpha.pem" ca "certs/ca.pem" crl "certs/ca.crl"
				    }
				}
				""");
		CertificateAuthentication auth = (CertificateAuthentication) member(host(model, "alpha"), IkePolicy.class, 0)
				.getAuthentication();
		assertThat(List.of(auth.getCertificate(), auth.getCa(), auth.getCrl()))
				.containsExactly("certs/alpha.pem", "certs/ca.pem", "certs/ca.crl");
	}

	@Test
	void selectorProtocols() throws Exception {
		Model model = clean("""
				host h {
				    address 10.0.0.1, 2001:db8::1
				    policy a { any from any to any pass }
				    policy b { tcp from 10.0.0.1 to 10.0.0.2 discard }
				    policy c { udp from 10.0.0.1 to 10.0.0.2 discard }
				    policy d { icmp from 10.0.0.1 to 10.0.0.2 discard }
				    policy e { icmpv6 from 2001:db8::1 to 2001:db8::2 discard }
				    policy f { 47 from 10.0.0.1 to 10.0.0.2 discard }
				    policy g { icmp type 8 from 10.0.0.1 to any discard }
				    policy i { icmpv6 type 128 from any to 2001:db8::/32 discard }
				}
				""");
		Host h = host(model, "h");
		assertThat(member(h, Policy.class, 0).getSelector().getProtocol().getKind()).isEqualTo(ProtocolKind.ANY);
		assertThat(member(h, Policy.class, 4).getSelector().getProtocol().getKind()).isEqualTo(ProtocolKind.ICMPV6);
		assertThat(member(h, Policy.class, 5).getSelector().getProtocol().getNumber()).isEqualTo("47");
		assertThat(member(h, Policy.class, 6).getSelector().getIcmpType()).isEqualTo("8");
	}

	@Test
	void selectorPortsAndEndpoints() throws Exception {
		Model model = clean("""
				network lan = 10.1.0.0/16
				host peer { address 10.2.2.20 }
				host h {
				    address 10.1.1.10
				    policy a { tcp from lan port 1024..65535 to peer port ssh pass }
				    policy b { udp from 10.1.1.10 port 514 to 10.2.0.0/16 port 500..501 pass }
				    policy c { tcp from any to 192.0.2.1 port https discard }
				}
				""");
		Selector a = member(host(model, "h"), Policy.class, 0).getSelector();
		assertThat(((NamedEndpoint) a.getLocal().get(0).getEnd()).getRef().getName()).isEqualTo("lan");
		assertThat(a.getLocal().get(0).getPorts().getLow()).isEqualTo("1024");
		assertThat(a.getLocal().get(0).getPorts().getHigh()).isEqualTo("65535");
		assertThat(a.getRemote().get(0).getPorts().getLow()).isEqualTo("ssh");
		Selector c = member(host(model, "h"), Policy.class, 2).getSelector();
		assertThat(c.getLocal().get(0).getEnd()).isInstanceOf(AnyEndpoint.class);
		assertThat(((AddressEndpoint) c.getRemote().get(0).getEnd()).getAddress().getValue()).isEqualTo("192.0.2.1");
	}

	@Test
	void actions() throws Exception {
		Model model = clean("""
				transform-set corp = esp-aes128-hmac-sha1, esp-3des-hmac-sha1
				host h {
				    address 10.1.1.10
				    policy a { tcp from 10.1.1.10 to 10.2.2.20 port 23 discard }
				    policy b { tcp from 10.1.1.10 to 10.2.2.20 port 80 pass }
				    policy c {
				        tcp from 10.1.1.10 to 10.2.2.20 port 443
				        protect esp-aes128-hmac-sha1 lifetime 1h 50000KB, corp
				        pfs modp2048
				    }
				    policy d {
				        any from 10.1.0.0/16 to 10.2.0.0/16
				        protect tunnel 10.1.1.10 -> 10.2.2.20 corp pfs ecp256
				    }
				    policy e {
				        udp from 10.1.1.10 to 10.2.2.20 port syslog
				        protect manual to-beta
				    }
				    manual-sa to-beta {
				        peer 10.2.2.20
				        inbound esp spi 0x101 encryption aes128 0x3b1f6a0c9d2e4f5a6b7c8d9e0f1a2b3c
				            authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f
				        outbound esp spi 0x102 encryption aes128 0x8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e1f
				            authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e
				    }
				}
				""");
		Host h = host(model, "h");
		assertThat(member(h, Policy.class, 0).getAction()).isInstanceOf(DiscardAction.class);
		assertThat(member(h, Policy.class, 1).getAction()).isInstanceOf(PassAction.class);
		ProtectAction c = (ProtectAction) member(h, Policy.class, 2).getAction();
		assertThat(c.getTransforms()).hasSize(2);
		assertThat(c.getPfs()).isEqualTo("modp2048");
		ProtectAction d = (ProtectAction) member(h, Policy.class, 3).getAction();
		assertThat(d.getTunnel()).isNotNull();
		assertThat(d.getPfs()).isEqualTo("ecp256");
		ProtectAction e = (ProtectAction) member(h, Policy.class, 4).getAction();
		assertThat(e.getManualSa().getName()).isEqualTo("to-beta");
	}

	@Test
	void manualSaOfAhAndEspWithIv() throws Exception {
		Model model = clean(
				"""
						host h {
						    address 10.1.1.10
						    manual-sa both {
						        peer 10.2.2.20
						        inbound ah spi 3000000 authentication hmac-sha256 0x78a99e3c3a07dd34ef6c792c218eb38f449a694abbb5ee05ba01eb6b68bad777
						        outbound esp spi 3000001 encryption aes256-gcm16 0x3b1f6a0c9d2e4f5a6b7c8d9e0f1a2b3c8c2d4e6f1a3b5c7d9e0f2a4b6c8d0e1f01020304
						            iv 0x0011223344556677
						    }
						}
						""");
		ManualSa sa = member(host(model, "h"), ManualSa.class, 0);
		SaSpec in = sa.getSas().get(0), out = sa.getSas().get(1);
		assertThat(in.getProtocol()).isEqualTo(SaProtocol.AH);
		assertThat(in.getSpi()).isEqualTo("3000000");
		assertThat(out.getEncryption().getAlgorithm()).isEqualTo("aes256-gcm16");
		assertThat(out.getIv()).isEqualTo("0x0011223344556677");
	}

	@Test
	void defaultPolicy() throws Exception {
		assertThat(member(host(clean("host h { default discard }"), "h"), DefaultPolicy.class, 0).getAction())
				.isEqualTo(DefaultAction.DISCARD);
		assertThat(member(host(clean("host h { default pass }"), "h"), DefaultPolicy.class, 0).getAction())
				.isEqualTo(DefaultAction.PASS);
	}

	@Test
	void omittedPrioritiesFollowHpuxRule() throws Exception {
		Host h = host(clean("""
				host h {
				    policy a { any from any to any pass }
				    policy b { any from any to any pass }
				    policy c priority 100 { any from any to any pass }
				    policy d { any from any to any pass }
				    ike x { remote any authentication preshared "Tr0ub4dor&3xyz!" }
				    ike y priority 5 { remote any authentication preshared "Tr0ub4dor&3xyz!" }
				    ike z { remote any authentication preshared "Tr0ub4dor&3xyz!" }
				}
				"""), "h");
		var priorities = Priorities.of(h);
		assertThat(List.of(0, 1, 2, 3).stream().map(i -> priorities.get(member(h, Policy.class, i))).toList())
				.containsExactly(10L, 20L, 100L, 110L);
		assertThat(List.of(0, 1, 2).stream().map(i -> priorities.get(member(h, IkePolicy.class, i))).toList())
				.containsExactly(10L, 5L, 15L);
	}

	@Test
	void commentsAnywhere() throws Exception {
		clean("""
				// a line comment
				/* a block
				   comment */ host h { /* inside */ address 10.0.0.1 // trailing
				    policy p /* between */ { tcp from any /* x */ to any port 80 discard } // after
				}
				""");
	}

	@Test
	void namesAreGlobalAcrossFiles() {
		List<Diagnostic> diagnostics = Checker.checkFiles(dir, Map.of(
				"common.ipsl", "network site-b = 10.2.0.0/16\ntransform-set corp = esp-aes128-hmac-sha1\n",
				"sub/alpha.ipsl", "host alpha { address 10.1.1.10\n ike i { remote site-b authentication preshared"
						+ " \"Vq3#mZ8!pL2@xR7$\" }\n policy p { any from alpha to site-b protect corp } }\n"));
		// site-b holds no host of the workspace: only peer-unknown hints.
		assertThat(diagnostics).extracting(d -> d.code().id()).containsOnly("peer-unknown");
	}

	/**
	 * LANGUAGE.md's example host parses and links; the checker finds the real mistakes in it: its
	 * bypass address 10.1.1.99 lies in lan-a, the source of the discarding policy no-telnet; syslog
	 * (priority 40) never fires, since branch (priority 30) tunnels all lan-a traffic to
	 * 10.2.2.0/24, beta included; branch's tunnel ends at 10.2.2.1, which no IKE policy covers. And
	 * beta, here only an address, passes in clear what web protects (asymmetric-policy on both).
	 */
	@Test
	void theHostOfLanguageMdParsesWithItsOneMistakeFound() throws Exception {
		List<Diagnostic> diagnostics = Checker.checkText(dir, """
				network lan-a = 10.1.1.0/24, 10.1.5.0/24
				ike-proposal corp-ike = aes128-sha1-modp2048, 3des-md5-modp1024
				transform-set corp-esp = esp-aes128-hmac-sha1, esp-3des-hmac-sha1
				host beta { address 10.2.2.20 }
				host alpha {
				    address 10.1.1.10, 2001:db8::10
				    dynamic-spi 300..2500000
				    spd-limits soft 50 hard 60
				    audit-level warning
				    bypass 10.1.1.99
				    ike to-beta priority 10 {
				        remote beta
				        proposals corp-ike
				        authentication preshared "correct horse battery staple"
				        local-id fqdn "alpha.example.com"
				        remote-id fqdn "beta.example.com"
				        lifetime 8h
				    }
				    policy no-telnet priority 10 {
				        tcp from lan-a to 10.2.2.0/24 port 23
				        discard
				    }
				    policy web priority 20 {
				        tcp from 10.1.1.10 to beta port 80
				        protect esp-aes128-hmac-sha1 lifetime 1h 50000KB, corp-esp
				        pfs modp2048
				    }
				    policy branch priority 30 {
				        any from lan-a to 10.2.2.0/24
				        protect tunnel 10.1.1.1 -> 10.2.2.1 corp-esp
				    }
				    policy syslog priority 40 {
				        udp from 10.1.1.10 to beta port 514
				        protect manual beta-syslog
				    }
				    manual-sa beta-syslog {
				        peer beta
				        inbound  esp spi 0x101 encryption 3des 0x9bdfb78470987fd9b4fdb2a0c4ef416ec1a37c0f3aa78d43
				                               authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f
				        outbound esp spi 0x102 encryption 3des 0xef5da9745d0b6fccf07b71ba9fc2241656af5114a2b7a1be
				                               authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e
				    }
				    default pass
				}
				""");
		assertThat(diagnostics).filteredOn(d -> d.severity() != Severity.HINT)
				.extracting(d -> d.code().id(), Diagnostic::line).containsExactly(tuple("asymmetric-policy", 4),
						tuple("bypass-local-address", 10), tuple("asymmetric-policy", 23), tuple("ike-no-policy", 28),
						tuple("policy-shadowed", 32));
	}
}
