package org.ipsl.catalog.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipsl.catalog.proposal.AlgorithmKind.ENCRYPTION;
import static org.ipsl.catalog.proposal.AlgorithmKind.EXTENDED_SEQUENCE_NUMBERS;
import static org.ipsl.catalog.proposal.AlgorithmKind.INTEGRITY;
import static org.ipsl.catalog.proposal.AlgorithmKind.KEY_EXCHANGE;
import static org.ipsl.catalog.proposal.AlgorithmKind.PRF;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProposalTest {

	private static Proposal ike(String text) {
		return Proposal.parse(SaProtocol.IKE, text);
	}

	private static Proposal esp(String text) {
		return Proposal.parse(SaProtocol.ESP, text);
	}

	private static String swan(Proposal p, AlgorithmKind kind) {
		return p.first(kind).map(AlgorithmChoice::toString).orElse("-");
	}

	@Test
	void anIkeProposalWithoutPrfTakesItsIntegrityAlgorithmsPrfs() {
		Proposal p = ike("aes128-aes256-sha256-sha1-x25519-modp2048");
		assertThat(p).hasToString(
				"IKE:AES_CBC_128/AES_CBC_256/HMAC_SHA2_256_128/HMAC_SHA1_96/PRF_HMAC_SHA2_256/PRF_HMAC_SHA1"
						+ "/CURVE_25519/MODP_2048");
		assertThat(p.algorithms(PRF)).extracting(c -> c.algorithm()).containsExactly(Algorithm.PRF_HMAC_SHA2_256,
				Algorithm.PRF_HMAC_SHA1);
		assertThat(p.keyword()).isEqualTo("aes128-aes256-sha256-sha1-x25519-modp2048");
	}

	@Test
	void anAeadIkeProposalNeedsAnExplicitPrfAndHasNoIntegrity() {
		assertThatThrownBy(() -> ike("aes128gcm16-x25519")).isInstanceOf(InvalidProposalException.class)
				.hasMessage("a PRF algorithm is mandatory in IKE proposals");
		Proposal p = ike("aes128gcm128-sha256-prfsha384-ecp256");
		assertThat(p.algorithms(INTEGRITY)).isEmpty();
		assertThat(swan(p, ENCRYPTION)).isEqualTo("AES_GCM_16_128");
		assertThat(swan(p, PRF)).isEqualTo("PRF_HMAC_SHA2_384");
		assertThat(p.aead()).isTrue();
	}

	@Test
	void strongSwansOtherRulesAreEnforcedWithItsMessages() {
		assertThatThrownBy(() -> ike("aes128-sha256")).hasMessage("a DH group is mandatory in IKE proposals");
		assertThatThrownBy(() -> ike("aes128-sha256-none")).hasMessage("a DH group is mandatory in IKE proposals");
		assertThatThrownBy(() -> esp("aes128-aes128gcm16-sha1"))
				.hasMessage(
						"classic and combined-mode (AEAD) encryption algorithms can't be contained in the same ESP proposal");
		assertThatThrownBy(() -> esp("sha256")).hasMessage("an encryption algorithm is mandatory in ESP proposals");
		assertThatThrownBy(() -> ike("aes128-prfsha256-modp2048"))
				.hasMessage(
						"an integrity algorithm is mandatory in IKE proposals with classic (non-AEAD) encryption algorithms");
		assertThatThrownBy(() -> Proposal.parse(SaProtocol.AH, "aes128"))
				.hasMessage("an integrity algorithm is mandatory in AH proposals");
		assertThatThrownBy(() -> esp("aes128-sha257"))
				.hasMessage("algorithm 'sha257' not recognized in 'aes128-sha257'");
		assertThatThrownBy(() -> esp("aes128--sha1")).hasMessageContaining("algorithm '' not recognized");
	}

	@Test
	void espAndAhProposalsDefaultToNoEsnAndDropPrfs() {
		Proposal p = esp("aes128gcm128-x25519");
		assertThat(p).hasToString("ESP:AES_GCM_16_128/CURVE_25519/NO_EXT_SEQ");
		assertThat(p.keyword()).isEqualTo("aes128gcm16-x25519");
		assertThat(esp("aes128-sha256-prfsha256").algorithms(PRF)).isEmpty();
		Proposal ah = Proposal.parse(SaProtocol.AH, "aes256gmac-sha1-esn");
		assertThat(ah).hasToString("AH:AES_256_GMAC/HMAC_SHA1_96/EXT_SEQ");
	}

	@Test
	void theReadmesNet2NetPskNegotiation() {
		// moon (initiator) and sun both configure proposals = aes128-sha256-x25519, esp_proposals = aes128gcm128-x25519
		Proposal ikeSa = Proposal.select(List.of(ike("aes128-sha256-x25519")), List.of(ike("aes128-sha256-x25519")),
				SelectionFlags.DEFAULT).orElseThrow();
		assertThat(
				List.of(swan(ikeSa, ENCRYPTION), swan(ikeSa, INTEGRITY), swan(ikeSa, PRF), swan(ikeSa, KEY_EXCHANGE)))
				.containsExactly("AES_CBC_128", "HMAC_SHA2_256_128", "PRF_HMAC_SHA2_256", "CURVE_25519");
		Proposal child = Proposal.select(List.of(esp("aes128gcm128-x25519")), List.of(esp("aes128gcm128-x25519")),
				SelectionFlags.IKE_AUTH_CHILD).orElseThrow();
		// the CHILD_SA of IKE_AUTH uses the IKE_SA's keys: no dh-group of its own
		assertThat(child).hasToString("ESP:AES_GCM_16_128/NO_EXT_SEQ");
	}

	@Test
	void theResponderPrefersItsConfiguredOrderUnlessToldOtherwise() {
		List<Proposal> responder = List.of(ike("aes256-aes128-sha256-modp2048"));
		List<Proposal> initiator = List.of(ike("aes128-aes256-sha256-modp2048"));
		assertThat(swan(Proposal.select(responder, initiator, SelectionFlags.DEFAULT).orElseThrow(), ENCRYPTION))
				.isEqualTo("AES_CBC_256");
		SelectionFlags preferSupplied = new SelectionFlags(true, false, true);
		assertThat(swan(Proposal.select(responder, initiator, preferSupplied).orElseThrow(), ENCRYPTION))
				.isEqualTo("AES_CBC_128");
	}

	@Test
	void theFirstConfiguredProposalMatchingAnyOfThePeersWins() {
		List<Proposal> responder = List.of(ike("aes256-sha512-ecp384"), ike("aes128-sha256-modp2048"));
		List<Proposal> initiator = List.of(ike("aes128-sha256-modp2048"), ike("aes256-sha512-ecp384"));
		assertThat(Proposal.select(responder, initiator, SelectionFlags.DEFAULT).orElseThrow())
				.hasToString("IKE:AES_CBC_256/HMAC_SHA2_512_256/PRF_HMAC_SHA2_512/ECP_384");
	}

	@Test
	void nothingInCommonIsNoProposalChosen() {
		assertThat(Proposal.select(List.of(ike("aes128-sha256-modp2048")), List.of(ike("aes128-sha256-modp3072")),
				SelectionFlags.DEFAULT))
				.isEmpty();
		assertThat(Proposal.select(List.of(esp("aes128-sha256")), List.of(esp("aes128gcm16")),
				SelectionFlags.IKE_AUTH_CHILD)).isEmpty();
		assertThat(Proposal.select(List.of(esp("aes128-sha256")), List.of(esp("aes128-sha256-esn")),
				SelectionFlags.IKE_AUTH_CHILD))
				.isEmpty();
		assertThat(ike("aes128-sha256-modp2048").select(esp("aes128-sha256"), SelectionFlags.DEFAULT)).isEmpty();
	}

	@Test
	void pfsIsOptionalOnlyWhereTheSideOfferingGroupsAlsoOffersNone() {
		Proposal withPfs = esp("aes128-sha256-modp2048");
		Proposal withoutPfs = esp("aes128-sha256");
		assertThat(withPfs.select(withoutPfs, SelectionFlags.DEFAULT)).isEmpty();
		assertThat(withPfs.select(withoutPfs, SelectionFlags.IKE_AUTH_CHILD)).isPresent();
		Optional<Proposal> optionalPfs = esp("aes128-sha256-modp2048-none").select(withoutPfs, SelectionFlags.DEFAULT);
		assertThat(optionalPfs.orElseThrow().first(KEY_EXCHANGE)).isEmpty();
		assertThat(withPfs.select(withPfs, SelectionFlags.DEFAULT).orElseThrow().first(KEY_EXCHANGE).orElseThrow()
				.algorithm())
				.isEqualTo(Algorithm.MODP_2048);
	}

	@Test
	void privateUseAlgorithmsAreSkippedUnlessThePeerIsKnownToBeStrongSwan() {
		Proposal serpent = ike("serpent256-sha256-modp2048");
		assertThat(serpent.select(serpent, SelectionFlags.DEFAULT)).isEmpty();
		assertThat(serpent.select(serpent, new SelectionFlags(false, false, false))).isPresent();
	}

	@Test
	void keySizesMustAgree() {
		assertThat(esp("aes128-sha256").select(esp("aes256-sha256"), SelectionFlags.DEFAULT)).isEmpty();
		assertThat(swan(esp("aes").select(esp("aes128"), SelectionFlags.DEFAULT).orElseThrow(), ENCRYPTION))
				.isEqualTo("AES_CBC_128");
		assertThat(esp("aes128-sha256").select(esp("aes128-sha256"), SelectionFlags.DEFAULT).orElseThrow()
				.first(EXTENDED_SEQUENCE_NUMBERS).orElseThrow().algorithm()).isEqualTo(Algorithm.NO_EXT_SEQ);
	}

	@Test
	void theInitiatorsKeyExchangeGuessIsItsFirstGroup() {
		assertThat(ike("aes128-sha256-ecp256-modp2048").keyExchangeGuess().orElseThrow().algorithm())
				.isEqualTo(Algorithm.ECP_256);
		assertThat(esp("aes128-sha256").keyExchangeGuess()).isEmpty();
	}
}
