package org.ipsl.catalog.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.Transform;
import org.junit.jupiter.api.Test;

class AlgorithmKeywordsTest {

	@Test
	void aliasesSelectTheSameChoiceAsTheCanonicalKeyword() {
		Map<String, AlgorithmChoice> all = AlgorithmKeywords.all();
		for (Map.Entry<String, AlgorithmChoice> e : all.entrySet())
			assertThat(all.get(e.getValue().keyword())).as(e.getKey()).isEqualTo(e.getValue());
		assertThat(AlgorithmKeywords.choice("aes128gcm128").orElseThrow().keyword()).isEqualTo("aes128gcm16");
		assertThat(AlgorithmKeywords.choice("aes256ccm64").orElseThrow().keyword()).isEqualTo("aes256ccm8");
		assertThat(AlgorithmKeywords.choice("curve25519").orElseThrow().keyword()).isEqualTo("x25519");
		assertThat(AlgorithmKeywords.choice("sha").orElseThrow().keyword()).isEqualTo("sha1");
		assertThat(AlgorithmKeywords.choice("aes").orElseThrow().keyword()).isEqualTo("aes128");
		assertThat(AlgorithmKeywords.choice("AES128")).isEmpty();
	}

	@Test
	void keywordsCarryStrongSwansNamesNumbersAndKeySizes() {
		assertThat(AlgorithmKeywords.choice("aes192ctr").orElseThrow())
				.isEqualTo(new AlgorithmChoice(Algorithm.AES_CTR, 192));
		assertThat(AlgorithmKeywords.choice("ecp512bp").orElseThrow().algorithm().number()).isEqualTo(30);
		assertThat(AlgorithmKeywords.choice("x448").orElseThrow().algorithm().swanName()).isEqualTo("CURVE_448");
		assertThat(AlgorithmKeywords.choice("chacha20poly1305").orElseThrow().keySize()).isZero();
		assertThat(AlgorithmKeywords.choice("prfaescmac").orElseThrow().algorithm().kind())
				.isEqualTo(AlgorithmKind.PRF);
		assertThat(Algorithm.bySwanName("HMAC_SHA2_256_128")).contains(Algorithm.HMAC_SHA2_256_128);
		assertThat(Algorithm.byNumber(AlgorithmKind.KEY_EXCHANGE, 31)).contains(Algorithm.CURVE_25519);
		assertThatThrownBy(() -> AlgorithmKeywords.keyword(new AlgorithmChoice(Algorithm.AES_CBC, 64)))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void ipslsOwnAlgorithmNamesAreStrongSwansKeywords() {
		assertThat(IkeEncryption.values()).extracting(IkeEncryption::keyword).containsExactly("des", "3des", "aes128",
				"aes192", "aes256");
		assertThat(IkeHash.values()).extracting(IkeHash::keyword).containsExactly("md5", "sha1", "sha256", "sha384",
				"sha512");
		assertThat(DhGroup.values()).extracting(DhGroup::keyword).containsExactly("modp768", "modp1024", "modp1536",
				"modp2048",
				"modp3072", "modp4096", "ecp256", "ecp384");
		assertThat(DhGroup.values()).extracting(DhGroup::number).containsExactly(1, 2, 5, 14, 15, 16, 19, 20);
		assertThat(IkeEncryption.AES128.description()).isEqualTo("AES-CBC with a 128-bit key");
	}

	@Test
	void ipslSuitesAndTransformsAreStrongSwanProposals() {
		for (IkeSuite suite : IkeSuite.all())
			assertThat(suite.proposal()).as(suite.keyword()).isEqualTo(Proposal.parse(SaProtocol.IKE, suite.keyword()));
		assertThat(IkeSuite.parse("aes128-sha1-modp2048").orElseThrow().proposal())
				.hasToString("IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048");
		assertThat(Transform.ESP_AES128_GCM16.proposal().keyword()).isEqualTo("aes128gcm16");
		assertThat(Transform.ESP_3DES_HMAC_MD5.proposal().keyword()).isEqualTo("3des-md5");
		assertThat(Transform.ESP_NULL_HMAC_SHA1.proposal().keyword()).isEqualTo("null-sha1");
		assertThat(Transform.AH_HMAC_SHA256.proposal()).hasToString("AH:HMAC_SHA2_256_128/NO_EXT_SEQ");
		for (Transform t : Transform.values())
			assertThat(t.proposal().strength()).as(t.keyword()).isLessThanOrEqualTo(t.strength());
	}
}
