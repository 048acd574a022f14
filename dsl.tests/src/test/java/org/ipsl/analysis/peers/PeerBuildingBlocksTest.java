package org.ipsl.analysis.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.IkeIdentity;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.IpRange;
import org.junit.jupiter.api.Test;

/** The small pieces the peer analysis rests on: secrets, identities, IKE coverage, transform offers, codes. */
class PeerBuildingBlocksTest {

	@Test
	void aSecretFingerprintComparesButNeverPrints() {
		SecretFingerprint secret = SecretFingerprint.of("pN7#qL2!vX9@kR4$");
		assertThat(secret).isEqualTo(SecretFingerprint.of("pN7#qL2!vX9@kR4$"))
				.isNotEqualTo(SecretFingerprint.of("pN7#qL2!vX9@kR4%"));
		assertThat(secret.toString()).isEqualTo("(secret)");
		assertThat(IkeAuthentication.preshared(secret).toString()).doesNotContain("pN7").doesNotContain("kR4");
	}

	@Test
	void identitiesCompareAsMainModeDoes() {
		assertThat(Identities.same(id(IkeIdentity.Kind.FQDN, "GW.example.com."),
				id(IkeIdentity.Kind.FQDN, "gw.example.com")))
				.isTrue();
		assertThat(
				Identities.same(id(IkeIdentity.Kind.IPV6, "2001:db8:0::1"), id(IkeIdentity.Kind.IPV6, "2001:db8::1")))
				.isTrue();
		assertThat(Identities.same(id(IkeIdentity.Kind.DN, "CN=gw, O=Example, C=US"),
				id(IkeIdentity.Kind.DN, "c=US,o=Example,cn=gw"))).isTrue();
		assertThat(Identities.same(id(IkeIdentity.Kind.DN, "CN=gw, O=Example"),
				id(IkeIdentity.Kind.DN, "CN=gw2, O=Example")))
				.isFalse();
		assertThat(Identities.same(id(IkeIdentity.Kind.FQDN, "10.0.0.1"), id(IkeIdentity.Kind.IPV4, "10.0.0.1")))
				.isFalse();
	}

	@Test
	void withoutALocalIdAPresharedHostSendsItsAddressAndACertificateHostIsUnknown() {
		PeerIke preshared = ike(List.of(), IkeAuthentication.presharedUnknown());
		assertThat(Identities.sent(preshared, IpRange.parse("10.0.0.1")))
				.contains(id(IkeIdentity.Kind.IPV4, "10.0.0.1"));
		assertThat(Identities.sent(ike(List.of(), IkeAuthentication.certificate()), IpRange.parse("10.0.0.1")))
				.isEmpty();
	}

	@Test
	void ikePoliciesCoverARemoteTogether() {
		List<PeerIke> ikes = List.of(ike(List.of(IpRange.parse("10.0.0.0/25")), IkeAuthentication.presharedUnknown()),
				ike(List.of(IpRange.parse("10.0.0.128/25")), IkeAuthentication.presharedUnknown()));
		assertThat(IkeCoverage.covered(IpRange.parse("10.0.0.0/24"), ikes)).isTrue();
		assertThat(IkeCoverage.covered(IpRange.parse("10.0.0.0/23"), ikes)).isFalse();
		assertThat(IkeCoverage.covered(IpRange.parse("10.0.1.1"), ikes)).isFalse();
		assertThat(IkeCoverage.covered(IpRange.parse("2001:db8::1"),
				List.of(ike(List.of(), IkeAuthentication.presharedUnknown())))).isTrue();
	}

	@Test
	void transformOffersReadTheModelsLifetimes() {
		assertThat(TransformOffer.parse("esp-aes128-hmac-sha1"))
				.isEqualTo(new TransformOffer("esp-aes128-hmac-sha1", 28800, 0));
		assertThat(TransformOffer.parse("ah-hmac-sha1+esp-aes128-hmac-sha1 lifetime 3600s 50000KB"))
				.isEqualTo(new TransformOffer("ah-hmac-sha1+esp-aes128-hmac-sha1", 3600, 50000));
		List<TransformOffer> mine = TransformOffer.parseAll(List.of("esp-3des-hmac-sha1", "esp-aes128-hmac-sha1"));
		List<TransformOffer> theirs = TransformOffer
				.parseAll(List.of("esp-aes128-hmac-sha1 lifetime 1h", "esp-3des-hmac-sha1"));
		assertThat(TransformOffer.firstAcceptable(mine, theirs).get().transform()).isEqualTo("esp-3des-hmac-sha1");
		assertThat(TransformOffer.firstAcceptable(theirs, mine).get().transform()).isEqualTo("esp-aes128-hmac-sha1");
	}

	private static IkeIdentity id(IkeIdentity.Kind kind, String value) {
		return new IkeIdentity(kind, value);
	}

	private static PeerIke ike(List<IpRange> remote, IkeAuthentication authentication) {
		return new PeerIke("i", 10, remote, List.of(IkeSuite.HPUX_DEFAULT), authentication, Optional.empty(),
				Optional.empty(), PeerIke.DEFAULT_LIFETIME_SECONDS, false);
	}
}
