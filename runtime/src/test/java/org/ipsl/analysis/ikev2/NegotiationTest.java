package org.ipsl.analysis.ikev2;

import org.ipsl.model.StartAction;
import org.ipsl.model.IkeVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.analysis.ikev2.CorpusScenariosTest.esp;
import static org.ipsl.analysis.ikev2.CorpusScenariosTest.fqdn;
import static org.ipsl.analysis.ikev2.CorpusScenariosTest.ike;
import static org.ipsl.analysis.ikev2.CorpusScenariosTest.ts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.PeerFinding;
import org.ipsl.analysis.peers.Place;
import org.ipsl.analysis.peers.SecretFingerprint;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpRange;
import org.junit.jupiter.api.Test;

/** The strongSwan semantics of {@link Negotiation}, one at a time, on two gateways a (10.0.0.1) and b (10.0.0.2). */
class NegotiationTest {
	private static final IkeAuthentication PSK = IkeAuthentication
			.preshared(SecretFingerprint.of("a long enough secret"));

	/** A gateway's connection, changed by the test through the with... methods. */
	record Gw(String host, String address, IkeVersion version, List<Proposal> proposals, IkeAuthentication auth,
			Optional<IkeIdentity> localId, Optional<IkeIdentity> remoteId, List<SwanChild> children) {
		static Gw of(String host, String address, String local, String remote) {
			return new Gw(host, address, IkeVersion.IKEV2, ike("aes128-sha256-x25519"), PSK,
					Optional.of(fqdn(host + ".example")),
					Optional.of(fqdn((host.equals("a") ? "b" : "a") + ".example")),
					List.of(new SwanChild("net", ChildMode.TUNNEL, esp("aes128gcm16"), ts(local), ts(remote),
							StartAction.NONE, 0)));
		}

		Gw proposals(String... p) {
			return new Gw(host, address, version, ike(p), auth, localId, remoteId, children);
		}

		Gw version(IkeVersion v) {
			return new Gw(host, address, v, proposals, auth, localId, remoteId, children);
		}

		Gw auth(IkeAuthentication a) {
			return new Gw(host, address, version, proposals, a, localId, remoteId, children);
		}

		Gw remoteId(Optional<IkeIdentity> id) {
			return new Gw(host, address, version, proposals, auth, localId, id, children);
		}

		Gw children(SwanChild... c) {
			return new Gw(host, address, version, proposals, auth, localId, remoteId, List.of(c));
		}

		SwanHost swanHost() {
			String other = address.equals("10.0.0.1") ? "10.0.0.2" : "10.0.0.1";
			return new SwanHost(host, List.of(IpRange.parse(address)), List.of(new SwanConnection("gw", version,
					List.of(IpRange.parse(address)), List.of(IpRange.parse(other)), proposals, auth, auth, localId,
					remoteId, false, children, 0)));
		}
	}

	private static Gw a() {
		return Gw.of("a", "10.0.0.1", "10.1.0.0/16", "10.2.0.0/16");
	}

	private static Gw b() {
		return Gw.of("b", "10.0.0.2", "10.2.0.0/16", "10.1.0.0/16");
	}

	private static SwanChild child(String name, ChildMode mode, String esp, List<IkeTrafficSelector> local,
			List<IkeTrafficSelector> remote,
			StartAction start) {
		return new SwanChild(name, mode, esp(esp), local, remote, start, 0);
	}

	private static Negotiation.Result aInitiates(Gw a, Gw b) {
		return Negotiation.predict(List.of(a.swanHost(), b.swanHost()),
				a.children().stream().map(k -> new Negotiation.Initiation("a", k.name())).toList());
	}

	private static Map<String, Object> sa(Negotiation.Result r, String host) {
		return r.hosts().get(host).get(0).json();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> child(Negotiation.Result r, String host, int index) {
		return ((List<Map<String, Object>>) sa(r, host).get("children")).get(index);
	}

	private static List<String> codes(Negotiation.Result r) {
		return r.findings().stream().map(f -> f.code().id() + "@" + f.place().host() + ":" + f.place().kind()).toList();
	}

	@Test
	void noCommonIkeProposalIsNoProposalChosenOnBothIkePolicies() {
		Negotiation.Result r = aInitiates(a(), b().proposals("aes256-sha512-modp4096"));
		assertThat(sa(r, "a")).containsEntry("state", "NO_PROPOSAL_CHOSEN").doesNotContainKey("encr-alg");
		assertThat(sa(r, "b")).containsEntry("state", "NO_PROPOSAL_CHOSEN").containsEntry("initiator", false);
		assertThat(codes(r)).containsExactly("no-proposal-chosen@0:IKE", "no-proposal-chosen@1:IKE");
		assertThat(r.findings().get(0).related()).extracting(PeerFinding.Related::place)
				.containsExactly(new Place(1, Place.Kind.IKE, 0));
	}

	@Test
	void theResponderChoosesFromItsOwnOrder() {
		Negotiation.Result r = aInitiates(a().proposals("aes128-aes256-sha256-x25519"),
				b().proposals("aes256-aes128-sha256-x25519"));
		assertThat(sa(r, "a")).containsEntry("encr-keysize", 256);
		assertThat(sa(r, "b")).containsEntry("encr-keysize", 256);
	}

	@Test
	void anotherGroupThanTheInitiatorsFirstCostsAnInvalidKePayloadRetry() {
		Negotiation.Result r = aInitiates(a().proposals("aes128-sha256-ecp256-x25519"), b());
		assertThat(sa(r, "a")).containsEntry("state", "ESTABLISHED").containsEntry("dh-group", "CURVE_25519");
		assertThat(codes(r)).containsExactly("invalid-ke-payload@0:IKE", "invalid-ke-payload@1:IKE");
		assertThat(DiagnosticCode.INVALID_KE_PAYLOAD.severity().name()).isEqualTo("INFO");
	}

	@Test
	void theResponderNarrowsToItsSelectorsAndTheInitiatorInstallsWhatComesBack() {
		Gw b = b().children(
				child("net", ChildMode.TUNNEL, "aes128gcm16", ts("10.2.0.0/24", "10.2.5.0/24"), ts("10.1.0.0/16"),
						StartAction.NONE));
		Negotiation.Result r = aInitiates(a(), b);
		assertThat(child(r, "a", 0)).containsEntry("local-ts", List.of("10.1.0.0/16")).containsEntry("remote-ts",
				List.of("10.2.0.0/24", "10.2.5.0/24"));
		assertThat(child(r, "b", 0)).containsEntry("local-ts", List.of("10.2.0.0/24", "10.2.5.0/24"));
		assertThat(r.findings()).isEmpty();
	}

	@Test
	void selectorsWithNothingInCommonAreTsUnacceptableAndTheIkeSaStays() {
		Gw b = b().children(
				child("net", ChildMode.TUNNEL, "aes128gcm16", ts("10.9.0.0/16"), ts("10.8.0.0/16"), StartAction.NONE));
		Negotiation.Result r = aInitiates(a(), b);
		assertThat(sa(r, "a")).containsEntry("state", "ESTABLISHED");
		assertThat(child(r, "a", 0)).containsEntry("state", "TS_UNACCEPTABLE").doesNotContainKey("local-ts");
		assertThat(codes(r)).containsExactly("ts-unacceptable@0:POLICY", "ts-unacceptable@1:IKE");
	}

	@Test
	void anUnexpectedIdentityFailsAuthentication() {
		Negotiation.Result r = aInitiates(a(), b().remoteId(Optional.of(fqdn("c.example"))));
		assertThat(sa(r, "a")).containsEntry("state", "AUTHENTICATION_FAILED");
		assertThat(codes(r)).containsExactly("authentication-failed@0:IKE", "authentication-failed@1:IKE");
		assertThat(aInitiates(a(), b().remoteId(Optional.of(fqdn("*.example")))).findings()).isEmpty();
		assertThat(aInitiates(a(), b().remoteId(Optional.empty())).findings()).isEmpty();
		// a's expectation of b's identity is checked too, by the initiator
		assertThat(sa(aInitiates(a().remoteId(Optional.of(fqdn("*.other"))), b()), "a")).containsEntry("state",
				"AUTHENTICATION_FAILED");
	}

	@Test
	void certificatesAgainstAPresharedKeyFailAuthentication() {
		Negotiation.Result r = aInitiates(a(), b().auth(IkeAuthentication.certificate()));
		assertThat(sa(r, "b")).containsEntry("state", "AUTHENTICATION_FAILED");
		assertThat(r.findings().get(0).message()).contains("a preshared key").contains("certificates");
	}

	@Test
	void certificatesByIdentityAuthenticateWhenTheIdentitiesFit() {
		IkeAuthentication cert = IkeAuthentication.certificate();
		Negotiation.Result r = aInitiates(a().auth(cert), b().auth(cert));
		assertThat(sa(r, "a")).containsEntry("state", "ESTABLISHED").containsEntry("remote-id", "b.example");
	}

	@Test
	void ikev1AgainstIkev2IsAVersionMismatch() {
		Negotiation.Result r = aInitiates(a().version(IkeVersion.IKEV1), b());
		assertThat(sa(r, "a")).containsEntry("state", "NO_PROPOSAL_CHOSEN").containsEntry("version", 1);
		assertThat(codes(r)).containsExactly("ike-version-mismatch@0:IKE", "ike-version-mismatch@1:IKE");
		assertThat(sa(aInitiates(a(), b().version(IkeVersion.ANY)), "b")).containsEntry("version", 2)
				.containsEntry("state", "ESTABLISHED");
	}

	@Test
	void transportAgainstATunnelInstallsATunnel() {
		SwanChild host = child("net", ChildMode.TRANSPORT, "aes128gcm16", List.of(), List.of(), StartAction.NONE);
		Negotiation.Result r = aInitiates(a().children(host),
				b().children(child("net", ChildMode.TUNNEL, "aes128gcm16", List.of(),
						List.of(), StartAction.NONE)));
		assertThat(child(r, "a", 0)).containsEntry("mode", "TUNNEL").containsEntry("local-ts", List.of("10.0.0.1/32"));
		assertThat(codes(r)).containsExactly("mode-mismatch@0:POLICY", "mode-mismatch@1:POLICY");
		Negotiation.Result both = aInitiates(a().children(host), b().children(host));
		assertThat(child(both, "b", 0)).containsEntry("mode", "TRANSPORT").containsEntry("remote-ts",
				List.of("10.0.0.1/32"));
	}

	@Test
	void pfsDisagreementShowsAtTheFirstRekeyingAndLaterChildrenNegotiateTheirGroup() {
		Gw a = a().children(
				child("net", ChildMode.TUNNEL, "aes128gcm16-modp2048", ts("10.1.0.0/16"), ts("10.2.0.0/16"),
						StartAction.NONE),
				child("more", ChildMode.TUNNEL, "aes128gcm16-ecp256-modp2048", ts("10.3.0.0/16"), ts("10.4.0.0/16"),
						StartAction.NONE));
		Gw b = b().children(
				child("net", ChildMode.TUNNEL, "aes128gcm16", ts("10.2.0.0/16"), ts("10.1.0.0/16"), StartAction.NONE),
				child("more", ChildMode.TUNNEL, "aes128gcm16-modp2048", ts("10.4.0.0/16"), ts("10.3.0.0/16"),
						StartAction.NONE));
		Negotiation.Result r = aInitiates(a, b);
		assertThat(child(r, "a", 0)).containsEntry("state", "INSTALLED").doesNotContainKey("dh-group");
		assertThat(child(r, "a", 1)).containsEntry("state", "INSTALLED").containsEntry("dh-group", "MODP_2048");
		assertThat(codes(r)).containsExactlyInAnyOrder("no-proposal-chosen@0:POLICY", "no-proposal-chosen@1:POLICY",
				"invalid-ke-payload@0:POLICY", "invalid-ke-payload@1:POLICY");
		assertThat(r.findings().get(0).message()).contains("first rekeying");
	}

	@Test
	void trafficFromEitherEndIsPredictedBothWaysAndSaysOnlyWhatBothAgreeOn() {
		SwanChild trapA = child("net", ChildMode.TUNNEL, "aes128gcm16", ts("10.1.0.0/16"), ts("10.2.0.0/16"),
				StartAction.TRAP);
		SwanChild trapB = child("net", ChildMode.TUNNEL, "aes128gcm16", ts("10.2.0.0/16"), ts("10.1.0.0/16"),
				StartAction.TRAP);
		Negotiation.Result r = Negotiation
				.predict(List.of(a().proposals("aes128-aes256-sha256-x25519").children(trapA).swanHost(),
						b().proposals("aes256-aes128-sha256-x25519").children(trapB).swanHost()));
		assertThat(r.hosts().get("a")).hasSize(1);
		// the responder's preference decides, so the cipher depends on who starts: not said
		assertThat(sa(r, "a")).containsEntry("state", "ESTABLISHED").doesNotContainKeys("initiator", "encr-keysize")
				.containsEntry("integ-alg", "HMAC_SHA2_256_128");
		assertThat(child(r, "a", 0)).containsEntry("local-ts", List.of("10.1.0.0/16"));
		SwanChild initiate = child("net", ChildMode.TUNNEL, "aes128gcm16", ts("10.1.0.0/16"), ts("10.2.0.0/16"),
				StartAction.INITIATE);
		Negotiation.Result started = Negotiation.predict(List.of(a().children(initiate).swanHost(), b().swanHost()));
		assertThat(sa(started, "a")).containsEntry("initiator", true);
		assertThat(sa(started, "b")).containsEntry("initiator", false);
	}

	@Test
	void nothingComesUpWhenNeitherEndStartsIt() {
		Negotiation.Result r = Negotiation.predict(List.of(a().swanHost(), b().swanHost()));
		assertThat(r.hosts().get("a")).isEmpty();
		assertThat(r.hosts().get("b")).isEmpty();
	}

	@Test
	void aResponderWithSeveralConnectionsTakesTheFirstWhoseProposalsFit() {
		SwanHost b = new SwanHost("b", List.of(IpRange.parse("10.0.0.2")), List.of(
				new SwanConnection("strict", IkeVersion.IKEV2, List.of(), List.of(), ike("aes256-sha512-modp4096"), PSK,
						PSK,
						Optional.of(fqdn("b.example")), Optional.empty(), false, b().children(), 0),
				new SwanConnection("exact", IkeVersion.IKEV2, List.of(IpRange.parse("10.0.0.2")),
						List.of(IpRange.parse("10.0.0.1")),
						ike("aes128-sha256-x25519"), PSK, PSK, Optional.of(fqdn("b.example")), Optional.empty(), false,
						b().children(), 1)));
		Negotiation.Result r = Negotiation.predict(List.of(a().swanHost(), b),
				List.of(new Negotiation.Initiation("a", "net")));
		assertThat(sa(r, "b")).containsEntry("name", "exact").containsEntry("state", "ESTABLISHED");
	}
}
