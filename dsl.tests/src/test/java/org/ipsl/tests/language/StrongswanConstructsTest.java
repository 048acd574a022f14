package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.StringInputStream;
import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.PeerIke;
import org.ipsl.ast.HostRules;
import org.ipsl.ast.PeerHosts;
import org.ipsl.catalog.proposal.DefaultProposals;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;
import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;
import org.ipsl.ide.IpslIdeSetup;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.Model;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IkeVersion;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.StartAction;
import org.ipsl.model.TrafficSelector;
import org.ipsl.tests.generator.StrongswanConstructsGeneratorTest;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/**
 * What strongSwan configurations say, in the language: IKE version, local addresses, strongSwan
 * proposals and {@code default}, certificates by identity, the peer's own authentication, key-id
 * and {@code any} identities, wildcards, several traffic selectors with their own protocol and
 * ports, address ranges, a protection's IKE policy and start action. Parsed, read into the model,
 * validated, formatted, completed and hovered.
 */
class StrongswanConstructsTest {
	private static final Injector IDE;

	static {
		Checker.injector(); // registers the language with EMF
		IDE = new IpslIdeSetup().createInjector();
	}

	/** Every construct once, valid. */
	private static final String MOON = StrongswanConstructsGeneratorTest.MOON;

	@Test
	void everyConstructIsValid(@TempDir Path dir) {
		assertThat(Checker.checkText(dir, MOON)).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
	}

	@Test
	void aPolicyCarriesItsTrafficSelectorsItsIkePolicyAndItsStart() throws IOException {
		List<Rule> rules = HostRules.of(host(MOON)).rules();
		Rule netNet = rules.get(0);
		assertThat(netNet.local()).containsExactly(ts(-1, "10.1.0.0/16"), ts(-1, "10.3.0.0/16"));
		assertThat(netNet.remote()).containsExactly(ts(-1, "10.2.0.0/16"));
		assertThat(netNet.selectors()).singleElement().satisfies(s -> {
			assertThat(s.local()).containsExactly(IpRange.parse("10.1.0.0/16"), IpRange.parse("10.3.0.0/16"));
			assertThat(s.remote()).containsExactly(IpRange.parse("10.2.0.0/16"));
		});
		assertThat(netNet.ike()).contains("gw-gw");
		assertThat(netNet.start()).isEqualTo(StartAction.INITIATE);
		assertThat(netNet.action().transforms()).containsExactly("esp-aes128gcm16-x25519", "default");

		Rule dns = rules.get(1);
		assertThat(dns.local()).containsExactly(new TrafficSelector(Selector.UDP, List.of(IpRange.parse("10.1.0.0/16")),
				PortRange.of(53)),
				new TrafficSelector(Selector.TCP, List.of(IpRange.parse("10.1.0.0/16")), PortRange.of(53)));
		assertThat(dns.selectors()).extracting(Selector::protocol).containsExactly(Selector.UDP, Selector.TCP);
		assertThat(dns.region().contains(org.ipsl.model.region.Region.of(Selector.ALL.withProtocol(Selector.TCP)
				.from("10.1.0.0/16").to("10.4.0.5").withLocalPorts(PortRange.of(53))))).isTrue();
		assertThat(dns.start()).as("pass and discard are installed at once").isEqualTo(StartAction.TRAP);

		Rule range = rules.get(2);
		assertThat(range.selector().local()).containsExactly(IpRange.parse("10.1.0.17..10.1.0.20"));
		assertThat(range.selector().local().get(0).size()).isEqualTo(java.math.BigInteger.valueOf(4));
		assertThat(rules.get(3).ike()).contains("rw");
		assertThat(rules.get(3).start()).isEqualTo(StartAction.NONE);
	}

	@Test
	void anIkePolicyCarriesVersionAddressesProposalsAuthenticationsAndIdentities() throws IOException {
		PeerHost moon = PeerHosts.of(HostRules.of(host(MOON))).model();
		assertThat(moon.ikeComplete()).isTrue();
		PeerIke gw = moon.ikePolicies().get(0), rw = moon.ikePolicies().get(1);
		assertThat(gw.version()).contains(IkeVersion.IKEV2);
		assertThat(gw.local()).containsExactly(IpRange.parse("192.168.0.1"));
		List<Proposal> expected = Stream
				.concat(Stream.of(Proposal.parse(SaProtocol.IKE, "aes128-aes256-sha256-sha1-x25519-modp2048")),
						DefaultProposals.swanctl(SaProtocol.IKE).stream())
				.toList();
		assertThat(gw.offers()).isEqualTo(expected);
		assertThat(gw.proposals()).as("no built-in suites to compare the HP-UX way").isEmpty();
		assertThat(gw.remoteAuthentication()).isEqualTo(gw.authentication());

		assertThat(rw.version()).contains(IkeVersion.ANY);
		assertThat(rw.remote()).isEmpty();
		assertThat(rw.local()).as("every address of the host").isEmpty();
		assertThat(rw.authentication().method()).isEqualTo(IkeAuthentication.Method.CERTIFICATE);
		assertThat(rw.remoteAuthentication().method()).isEqualTo(IkeAuthentication.Method.PRESHARED);
		assertThat(rw.localId()).contains(new IkeIdentity(IkeIdentity.Kind.KEY_ID, "#0102ab"));
		assertThat(rw.remoteId()).contains(IkeIdentity.ANY);
	}

	/** A road warrior's tunnel: its remote end is the IKE peer's address, bound by name or covered. */
	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = {"protect tunnel 10.0.0.1 -> any default ike i",
			"protect tunnel 10.0.0.1 -> any default"})
	void aTunnelToAnyPeerIsValidUnderAnIkePolicyForAnyPeer(String action, @TempDir Path dir) throws IOException {
		String text = policy("any from 10.1.0.0/16 to any", action);
		assertThat(Checker.checkText(dir, text)).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
		Rule rule = HostRules.of(host(text)).rules().get(0);
		assertThat(rule.action().tunnelLocal()).contains("10.0.0.1");
		assertThat(rule.action().tunnelToAnyPeer()).isTrue();
		PeerHost h = PeerHosts.of(HostRules.of(host(text))).model();
		assertThat(h.rulesComplete()).isTrue();
	}

	@Test
	void hpuxFormsKeepTheirMeaningAndAWildcardIsOne() throws IOException {
		PeerIke ike = PeerHosts.of(HostRules.of(host("""
				host h { address 10.0.0.1 ike i { remote 10.0.0.2 proposals aes128-sha1-modp2048
				authentication preshared "Vq3#mZ8pL2@xR7wK" remote-id dn "C=CH, O=strongSwan, CN=*" } }
				"""))).model().ikePolicies().get(0);
		Rule rule = HostRules.of(host("""
				host h { address 10.0.0.1 policy p { any from 10.0.0.1 to 10.0.0.2 protect esp-aes128-hmac-sha1 } }
				""")).rules().get(0);
		assertThat(rule.start()).as("negotiated on the first packet").isEqualTo(StartAction.TRAP);
		assertThat(rule.ike()).isEmpty();
		assertThat(ike.version()).isEmpty();
		assertThat(ike.proposals()).extracting(Object::toString).containsExactly("aes128-sha1-modp2048");
		assertThat(ike.offers()).containsExactly(Proposal.parse(SaProtocol.IKE, "aes128-sha1-modp2048"));
		assertThat(ike.remoteId()).hasValueSatisfying(id -> assertThat(id.isWildcard()).isTrue());
	}

	record Mistake(String name, String text, DiagnosticCode code, int line, String message) {
		@Override
		public String toString() {
			return name;
		}
	}

	private static String ike(String settings) {
		return "host h {\naddress 10.0.0.1\nike i {\nremote 10.0.0.2\n" + settings + "\n}\n}\n";
	}

	private static String policy(String selector, String action) {
		return "host h {\naddress 10.0.0.1\nike i { remote any authentication preshared \"Vq3#mZ8pL2@xR7wK\" }\n"
				+ "policy p {\n" + selector + "\n" + action + "\n}\n}\n";
	}

	private static final String PSK = "authentication preshared \"Vq3#mZ8pL2@xR7wK\"";

	static Stream<Mistake> mistakes() {
		DiagnosticCode invalid = DiagnosticCode.INVALID_VALUE, unresolved = DiagnosticCode.UNRESOLVED_NAME;
		return Stream.of(
				new Mistake("version 3", ike(PSK + "\nversion 3"), invalid, 6, "1, 2 or any"),
				new Mistake("local-id any", ike(PSK + "\nlocal-id any"), invalid, 6, "remote-id"),
				new Mistake("wildcard sent", ike(PSK + "\nlocal-id fqdn \"*.example.com\""), invalid, 6, "remote-id"),
				new Mistake("wildcard inside", ike(PSK + "\nremote-id fqdn \"a*.example.com\""), invalid, 6, "first"),
				new Mistake("no DH group", ike(PSK + "\nproposals aes128-sha256"), invalid, 6, "DH group"),
				new Mistake("unknown keyword", ike(PSK + "\nproposals aes128-sha256-bogus"), unresolved, 6,
						"aes128-sha256-bogus"),
				new Mistake("psk without secret", ike("authentication preshared"), invalid, 5, "secret"),
				new Mistake("peer psk without secret",
						ike("authentication certificate\nremote-authentication preshared"),
						invalid, 6, "remote-authentication"),
				new Mistake("AEAD and classic",
						policy("any from 10.0.0.1 to 10.0.0.2", "protect esp-aes128-aes128gcm16"),
						invalid, 6, "AEAD"),
				new Mistake("reversed range", policy("any from 10.1.0.20..10.1.0.17 to any", "pass"), invalid, 5,
						"reversed"),
				new Mistake("range of a host", "host h { address 10.0.0.1..10.0.0.5 }", invalid, 1, "range"),
				new Mistake("selector protocol", policy("tcp from 10.0.0.1 protocol udp to any", "pass"), invalid, 5,
						"policy's"),
				new Mistake("protocols never meet",
						policy("any from 10.0.0.1 protocol udp to 10.0.0.2 protocol tcp", "pass"),
						invalid, 5, "shares a protocol"),
				new Mistake("port without tcp", policy("any from 10.0.0.1 port 53 to any", "pass"), invalid, 5,
						"tcp and udp"),
				new Mistake("tunnel to any, IKE policy for one peer",
						"host h {\naddress 10.0.0.1\nike i {\nremote 10.0.0.2\n" + PSK + "\n}\npolicy p {\n"
								+ "any from 10.1.0.0/16 to any\nprotect tunnel 10.0.0.1 -> any default ike i\n}\n}\n",
						invalid, 9, "IKE policy's remote is 'any'"),
				new Mistake("tunnel from any",
						policy("any from 10.1.0.0/16 to any", "protect tunnel any -> 10.0.0.2 default"),
						invalid, 6, "one address"),
				new Mistake("unknown ike", policy("any from 10.0.0.1 to 10.0.0.2", "protect default ike nosuch"),
						unresolved,
						6, "nosuch"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mistakes")
	void eachMistakeIsOneDiagnosticAtItsLine(Mistake m, @TempDir Path dir) {
		List<Diagnostic> errors = Checker.checkText(dir, m.text()).stream().filter(d -> d.severity() == Severity.ERROR)
				.toList();
		assertThat(errors).as(m.text()).singleElement().satisfies(d -> {
			assertThat(d.code()).isEqualTo(m.code());
			assertThat(d.line()).isEqualTo(m.line());
			assertThat(d.message()).contains(m.message());
		});
	}

	@Test
	void formattingGivesEachSettingItsLineAndIsStable() throws IOException {
		String messy = "host moon { address 192.168.0.1 ike gw priority 10 { version 2 local 192.168.0.1 remote any "
				+ "proposals aes128-sha256-x25519 , default authentication certificate remote-authentication certificate "
				+ "ca \"ca.pem\" remote-id any } policy p priority 20 { any from 10.1.0.0/16 protocol udp port 53 ,"
				+ "10.1.0.17..10.1.0.20 to any protect esp-aes128gcm16 ike gw start trap } }\n";
		String canonical = """
				host moon {
				    address 192.168.0.1
				    ike gw priority 10 {
				        version 2
				        local 192.168.0.1
				        remote any
				        proposals aes128-sha256-x25519, default
				        authentication certificate
				        remote-authentication certificate ca "ca.pem"
				        remote-id any
				    }
				    policy p priority 20 {
				        any from 10.1.0.0/16 protocol udp port 53, 10.1.0.17..10.1.0.20 to any
				        protect esp-aes128gcm16
				        ike gw
				        start trap
				    }
				}
				""";
		assertThat(FormatterTest.format(messy)).isEqualTo(canonical);
		assertThat(FormatterTest.format(canonical)).isEqualTo(canonical);
	}

	@Test
	void ipv6RangesAndMappedAddressesAreRead(@TempDir Path dir) throws IOException {
		String text = """
				host h { address fec1::1 policy p { any from fec1::1 to six discard } }
				network six = fec1::10..fec1::1f, ::ffff:10.0.0.1
				""";
		assertThat(Checker.checkText(dir, text)).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
		assertThat(HostRules.of(host(text)).rules().get(0).selector().remote()).containsExactly(
				IpRange.parse("fec1::10..fec1::1f"), IpRange.parse("::ffff:10.0.0.1"));
		assertThat(IpRange.parse("fec1::10..fec1::1f").size()).isEqualTo(java.math.BigInteger.valueOf(16));
	}

	@Test
	void keywordsOfTheseConstructsMayStillBeNames(@TempDir Path dir) {
		String text = """
				network local = 10.9.0.0/16
				network version = 10.8.0.0/16
				host start { address 10.0.0.1 policy none { any from local to version discard } }
				""";
		assertThat(Checker.checkText(dir, text)).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
	}

	// ---- editor --------------------------------------------------------------------------------

	@Test
	void hoverDescribesProposalsVersionStartAndTheIkePolicy() throws Exception {
		assertThat(hover(MOON, "aes128-aes256-sha256")).contains("strongSwan IKE proposal").contains("AES")
				.contains("Curve25519").contains("MODP");
		assertThat(hover(MOON, "default\n")).contains("strongSwan's default IKE proposals");
		assertThat(hover(MOON, "esp-aes128gcm16-x25519")).contains("strongSwan ESP proposal").contains("GCM");
		assertThat(hover(MOON, "ah-sha256")).contains("strongSwan AH proposal");
		assertThat(hover(MOON, " 2\n")).contains("IKEv2");
		assertThat(hover(MOON, "initiate")).contains("start_action = start");
		assertThat(hover(MOON, "gw-gw\n        start")).contains("**ike** `gw-gw`").contains("192.168.0.2");
		assertThat(hover(MOON, "Vq3#mZ8")).as("never a secret").doesNotContain("Vq3#mZ8");
	}

	@Test
	void completionOffersVersionsDefaultAndTheNextAlgorithm() throws Exception {
		String text = "host h { ike i { version ";
		assertThat(complete(text)).contains("1", "2", "any");
		assertThat(complete("host h { ike i { proposals ")).contains("default", "aes128-sha1-modp2048");
		assertThat(complete("host h { ike i { proposals aes1")).contains("aes128gcm16", "aes128-sha1-modp2048");
		// the workspace's names fit in the editor's 100 proposals before the built-in ones
		assertThat(
				complete("transform-set mine = esp-aes128-hmac-sha1\nhost h { policy p { any from any to any protect "))
				.contains("mine", "default", "esp-aes128-gcm16");
		assertThat(complete("host h { ike i { proposals aes128-")).contains("aes128-sha256", "aes128-x25519",
				"aes128-prfsha256");
		assertThat(complete("host h { policy p { any from any to any protect esp-aes128gcm16-"))
				.contains("esp-aes128gcm16-x25519");
		assertThat(complete("host h { policy p { any from any to any protect esp-aes128 start ")).contains("initiate",
				"trap", "none");
	}

	// ---- helpers -------------------------------------------------------------------------------

	private static TrafficSelector ts(int protocol, String address) {
		return new TrafficSelector(protocol, List.of(IpRange.parse(address)), PortRange.ALL);
	}

	private static Host host(String text) throws IOException {
		XtextResource resource = load(Checker.injector(), text);
		return (Host) ((Model) resource.getContents().get(0)).getDeclarations().get(0);
	}

	/** A resource of the injector's own language services (the registry's factory is the runtime's). */
	private static XtextResource load(Injector injector, String text) throws IOException {
		XtextResource resource = injector.getInstance(XtextResource.class);
		resource.setURI(URI.createURI("memory:/test.ipsl"));
		injector.getInstance(XtextResourceSet.class).getResources().add(resource);
		resource.load(new StringInputStream(text), null);
		return resource;
	}

	/** The hover one character into the first occurrence of {@code at}. */
	private static String hover(String text, String at) throws IOException {
		XtextResource resource = load(IDE, text);
		Document document = new Document(1, text);
		Position position = document.getPosition(text.indexOf(at) + 1);
		var hover = IDE.getInstance(IHoverService.class).hover(document, resource,
				new HoverParams(new TextDocumentIdentifier("memory:/test.ipsl"), position), CancelIndicator.NullImpl);
		return Optional.ofNullable(hover.getContents()).map(c -> c.getRight().getValue()).orElse("");
	}

	/** The labels completion offers at the end of the text. */
	private static List<String> complete(String text) throws IOException {
		XtextResource resource = load(IDE, text);
		Document document = new Document(1, text);
		return IDE.getInstance(ContentAssistService.class).createCompletionList(document, resource,
				new CompletionParams(new TextDocumentIdentifier("memory:/test.ipsl"),
						document.getPosition(text.length())),
				CancelIndicator.NullImpl).getItems().stream().map(CompletionItem::getLabel).toList();
	}
}
