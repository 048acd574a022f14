package org.ipsl.catalog.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipsl.catalog.proposal.AlgorithmKind.ENCRYPTION;
import static org.ipsl.catalog.proposal.AlgorithmKind.KEY_EXCHANGE;

import java.util.List;

import org.junit.jupiter.api.Test;

class DefaultProposalsTest {

	@Test
	void swanctlOffersClassicIkeFirstAndAeadEspFirst() {
		List<Proposal> ike = DefaultProposals.swanctl(SaProtocol.IKE);
		assertThat(ike).hasSize(2);
		assertThat(ike.get(0).aead()).isFalse();
		assertThat(ike.get(1).aead()).isTrue();
		List<Proposal> esp = DefaultProposals.swanctl(SaProtocol.ESP);
		assertThat(esp.get(0).first(ENCRYPTION).orElseThrow()).hasToString("AES_GCM_16_128");
		assertThat(esp.get(1).first(ENCRYPTION).orElseThrow()).hasToString("AES_CBC_128");
		assertThat(DefaultProposals.swanctl(SaProtocol.AH)).hasSize(1);
		assertThat(DefaultProposals.ipsecConf(SaProtocol.ESP).get(0).aead()).isFalse();
		assertThatThrownBy(() -> DefaultProposals.aead(SaProtocol.AH)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDefaultsLeaveOutWhatStrongSwanRefusesToOfferByDefault() {
		for (SaProtocol protocol : SaProtocol.values())
			for (Proposal p : DefaultProposals.swanctl(protocol))
				assertThat(p.transforms()).extracting(AlgorithmChoice::algorithm).doesNotContain(Algorithm.DES_CBC,
						Algorithm.HMAC_MD5_96,
						Algorithm.PRF_HMAC_MD5, Algorithm.MODP_768, Algorithm.MODP_1024, Algorithm.MODP_1536,
						Algorithm.ECP_192,
						Algorithm.MODP_2048_224);
		// strongest groups first, MODP-2048 last
		List<AlgorithmChoice> groups = DefaultProposals.classic(SaProtocol.IKE).algorithms(KEY_EXCHANGE);
		assertThat(groups.get(0).algorithm()).isEqualTo(Algorithm.ECP_256);
		assertThat(groups.get(groups.size() - 1).algorithm()).isEqualTo(Algorithm.MODP_2048);
	}

	@Test
	void aDefaultResponderAcceptsWhatTheCorpusInitiatorsPropose() {
		// ikev2/alg-* style: one side configured, the other on defaults
		for (String ike : List.of("aes256-sha512-modp4096", "aes128gcm16-prfsha256-ecp256",
				"aes192ctr-aesxcbc-curve448",
				"chacha20poly1305-prfsha256-x25519", "3des-sha1-modp2048")) {
			Proposal selected = Proposal
					.select(DefaultProposals.swanctl(SaProtocol.IKE), List.of(Proposal.parse(SaProtocol.IKE, ike)),
							SelectionFlags.DEFAULT)
					.orElseThrow(() -> new AssertionError(ike));
			assertThat(selected).as(ike).isEqualTo(Proposal.parse(SaProtocol.IKE, ike));
		}
		assertThat(Proposal.select(DefaultProposals.swanctl(SaProtocol.IKE),
				List.of(Proposal.parse(SaProtocol.IKE, "aes128-md5-modp1024")),
				SelectionFlags.DEFAULT)).isEmpty();
	}

	@Test
	void everyDefaultRoundTripsThroughItsKeyword() {
		for (SaProtocol protocol : SaProtocol.values())
			for (Proposal p : DefaultProposals.ipsecConf(protocol))
				assertThat(Proposal.parse(protocol, p.keyword())).isEqualTo(p);
	}
}
