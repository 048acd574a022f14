package org.ipsl.catalog.proposal;

import static org.ipsl.catalog.proposal.Algorithm.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * strongSwan's proposal keywords (its proposal_keywords_static.txt), the one table of algorithm names IPSL
 * reads and writes. Each keyword selects an algorithm and key size; the first keyword listed for a choice
 * is the one IPSL writes for it, the others are strongSwan's aliases.
 */
public final class AlgorithmKeywords {

	private static final int[] AES_SIZES = {128, 192, 256};

	private static final Map<String, AlgorithmChoice> BY_KEYWORD = new LinkedHashMap<>();
	private static final Map<AlgorithmChoice, String> CANONICAL = new LinkedHashMap<>();

	static {
		add("null", NULL, 0);
		add("des", DES_CBC, 0);
		add("3des", TRIPLE_DES_CBC, 0);
		for (int ks : AES_SIZES) {
			add("aes" + ks, AES_CBC, ks);
			add("aes" + ks + "ctr", AES_CTR, ks);
			icvFamily("aes" + ks + "ccm", AES_CCM_8, AES_CCM_12, AES_CCM_16, ks);
			add("aes" + ks + "ccm", AES_CCM_16, ks);
			icvFamily("aes" + ks + "gcm", AES_GCM_8, AES_GCM_12, AES_GCM_16, ks);
			add("aes" + ks + "gcm", AES_GCM_16, ks);
			add("aes" + ks + "gmac", NULL_AES_GMAC, ks);
		}
		add("aes", AES_CBC, 128);
		add("chacha20poly1305", CHACHA20_POLY1305, 0);
		add("chacha20poly1305compat", CHACHA20_POLY1305, 256);
		for (int ks : AES_SIZES) {
			add("camellia" + ks, CAMELLIA_CBC, ks);
			add("camellia" + ks + "ctr", CAMELLIA_CTR, ks);
			icvFamily("camellia" + ks + "ccm", CAMELLIA_CCM_8, CAMELLIA_CCM_12, CAMELLIA_CCM_16, ks);
		}
		add("camellia", CAMELLIA_CBC, 128);
		sized("blowfish", BLOWFISH_CBC);
		add("cast128", CAST_CBC, 128);
		sized("serpent", SERPENT_CBC);
		sized("twofish", TWOFISH_CBC);

		add("sha1", HMAC_SHA1_96, 0);
		add("sha", HMAC_SHA1_96, 0);
		add("sha1_160", HMAC_SHA1_160, 0);
		add("sha256", HMAC_SHA2_256_128, 0);
		add("sha2_256", HMAC_SHA2_256_128, 0);
		add("sha256_96", HMAC_SHA2_256_96, 0);
		add("sha2_256_96", HMAC_SHA2_256_96, 0);
		add("sha384", HMAC_SHA2_384_192, 0);
		add("sha2_384", HMAC_SHA2_384_192, 0);
		add("sha512", HMAC_SHA2_512_256, 0);
		add("sha2_512", HMAC_SHA2_512_256, 0);
		add("md5", HMAC_MD5_96, 0);
		add("md5_128", HMAC_MD5_128, 0);
		add("aesxcbc", AES_XCBC_96, 0);
		add("camelliaxcbc", CAMELLIA_XCBC_96, 0);
		add("aescmac", AES_CMAC_96, 0);

		add("prfsha1", PRF_HMAC_SHA1, 0);
		add("prfsha256", PRF_HMAC_SHA2_256, 0);
		add("prfsha384", PRF_HMAC_SHA2_384, 0);
		add("prfsha512", PRF_HMAC_SHA2_512, 0);
		add("prfmd5", PRF_HMAC_MD5, 0);
		add("prfaesxcbc", PRF_AES128_XCBC, 0);
		add("prfcamelliaxcbc", PRF_CAMELLIA128_XCBC, 0);
		add("prfaescmac", PRF_AES128_CMAC, 0);

		add("none", KE_NONE, 0);
		add("modpnone", KE_NONE, 0);
		add("modpnull", MODP_NULL, 0);
		for (Algorithm modp : List.of(MODP_768, MODP_1024, MODP_1536, MODP_2048, MODP_3072, MODP_4096, MODP_6144,
				MODP_8192))
			add(modp.swanName().replace("_", "").toLowerCase(), modp, 0);
		add("ecp192", ECP_192, 0);
		add("ecp224", ECP_224, 0);
		add("ecp256", ECP_256, 0);
		add("ecp384", ECP_384, 0);
		add("ecp521", ECP_521, 0);
		add("modp1024s160", MODP_1024_160, 0);
		add("modp2048s224", MODP_2048_224, 0);
		add("modp2048s256", MODP_2048_256, 0);
		add("ecp224bp", ECP_224_BP, 0);
		add("ecp256bp", ECP_256_BP, 0);
		add("ecp384bp", ECP_384_BP, 0);
		add("ecp512bp", ECP_512_BP, 0);
		add("x25519", CURVE_25519, 0);
		add("curve25519", CURVE_25519, 0);
		add("x448", CURVE_448, 0);
		add("curve448", CURVE_448, 0);
		add("mlkem512", ML_KEM_512, 0);
		add("mlkem768", ML_KEM_768, 0);
		add("mlkem1024", ML_KEM_1024, 0);

		add("noesn", NO_EXT_SEQ, 0);
		add("esn", EXT_SEQ, 0);
	}

	private AlgorithmKeywords() {
	}

	/** ICV lengths in bytes, then the same in bits, as strongSwan accepts both: ccm8 = ccm64. */
	private static void icvFamily(String prefix, Algorithm icv8, Algorithm icv12, Algorithm icv16, int keySize) {
		add(prefix + "16", icv16, keySize);
		add(prefix + "128", icv16, keySize);
		add(prefix + "12", icv12, keySize);
		add(prefix + "96", icv12, keySize);
		add(prefix + "8", icv8, keySize);
		add(prefix + "64", icv8, keySize);
	}

	private static void sized(String name, Algorithm cipher) {
		for (int ks : AES_SIZES)
			add(name + ks, cipher, ks);
		add(name, cipher, 128);
	}

	private static void add(String keyword, Algorithm algorithm, int keySize) {
		AlgorithmChoice choice = new AlgorithmChoice(algorithm, keySize);
		if (BY_KEYWORD.put(keyword, choice) != null)
			throw new IllegalStateException("keyword listed twice: " + keyword);
		CANONICAL.putIfAbsent(choice, keyword);
	}

	/** The choice a keyword selects; keywords are case-sensitive, as in strongSwan. */
	public static Optional<AlgorithmChoice> choice(String keyword) {
		return Optional.ofNullable(BY_KEYWORD.get(keyword));
	}

	/** The keyword IPSL writes for a choice; every choice reachable by a keyword has one. */
	public static String keyword(AlgorithmChoice choice) {
		String keyword = CANONICAL.get(choice);
		if (keyword == null)
			throw new IllegalArgumentException("no strongSwan keyword selects " + choice);
		return keyword;
	}

	/** Every keyword, canonical ones and aliases, in the table's order (for completion). */
	public static Map<String, AlgorithmChoice> all() {
		return Collections.unmodifiableMap(BY_KEYWORD);
	}
}
