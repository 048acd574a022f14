package org.ipsl.catalog.proposal;

import static org.ipsl.catalog.proposal.Algorithm.*;

import java.util.ArrayList;
import java.util.List;

/**
 * strongSwan's {@code default} proposals (proposal_create_default and proposal_create_default_aead): every
 * algorithm of at least 128-bit strength first, then the weaker ones still accepted (3DES, SHA-1, MODP-2048);
 * never DES, MD5 or groups below 2048 bits. Within a round strongSwan lists what its loaded plugins provide
 * in the order they registered it; here the order is that of a build with the usual plugins (openssl, aes,
 * sha1, sha2, gcm, ctr, ccm, chapoly, curve25519), which decides only when both sides offer several
 * algorithms of the same round.
 */
public final class DefaultProposals {

	private static final int[] SIZES = {128, 192, 256};
	private static final List<Algorithm> KEY_EXCHANGES = List.of(ECP_256, ECP_384, ECP_521, ECP_256_BP, ECP_384_BP,
			ECP_512_BP,
			CURVE_25519, CURVE_448, MODP_3072, MODP_4096, MODP_6144, MODP_8192, MODP_2048);

	private DefaultProposals() {
	}

	/**
	 * The list {@code default} stands for in swanctl.conf: for IKE the classic proposal before the AEAD one,
	 * for ESP the AEAD one first (AH has only the classic one).
	 */
	public static List<Proposal> swanctl(SaProtocol protocol) {
		return protocol == SaProtocol.IKE ? both(protocol, false) : both(protocol, true);
	}

	/**
	 * The list ipsec.conf's (stroke's) default stands for, also appended to an {@code ike=}/{@code esp=}
	 * list not ending in {@code !}: classic before AEAD for every protocol.
	 */
	public static List<Proposal> ipsecConf(SaProtocol protocol) {
		return both(protocol, false);
	}

	private static List<Proposal> both(SaProtocol protocol, boolean aeadFirst) {
		List<Proposal> list = new ArrayList<>();
		if (protocol == SaProtocol.AH) {
			list.add(classic(protocol));
			return list;
		}
		list.add(aeadFirst ? aead(protocol) : classic(protocol));
		list.add(aeadFirst ? classic(protocol) : aead(protocol));
		return list;
	}

	/** proposal_create_default. */
	public static Proposal classic(SaProtocol protocol) {
		List<AlgorithmChoice> c = new ArrayList<>();
		switch (protocol) {
			case IKE -> {
				for (Algorithm cipher : List.of(AES_CBC, AES_CTR, CAMELLIA_CBC))
					sized(c, cipher);
				add(c, TRIPLE_DES_CBC, HMAC_SHA2_256_128, HMAC_SHA2_384_192, HMAC_SHA2_512_256, AES_XCBC_96,
						AES_CMAC_96, HMAC_SHA1_96,
						PRF_HMAC_SHA2_256, PRF_HMAC_SHA2_384, PRF_HMAC_SHA2_512, PRF_AES128_XCBC, PRF_AES128_CMAC,
						PRF_HMAC_SHA1);
				add(c, KEY_EXCHANGES.toArray(Algorithm[]::new));
			}
			case ESP, AH -> {
				if (protocol == SaProtocol.ESP)
					sized(c, AES_CBC);
				add(c, HMAC_SHA2_256_128, HMAC_SHA2_384_192, HMAC_SHA2_512_256, HMAC_SHA1_96, AES_XCBC_96, NO_EXT_SEQ);
				add(c, KEY_EXCHANGES.toArray(Algorithm[]::new));
				add(c, KE_NONE);
			}
		}
		return Proposal.of(protocol, c);
	}

	/** proposal_create_default_aead; AH has none. */
	public static Proposal aead(SaProtocol protocol) {
		if (protocol == SaProtocol.AH)
			throw new IllegalArgumentException("AH has no AEAD proposal");
		List<AlgorithmChoice> c = new ArrayList<>();
		sized(c, AES_GCM_16);
		if (protocol == SaProtocol.IKE) {
			sized(c, AES_CCM_16);
			add(c, CHACHA20_POLY1305);
			for (Algorithm cipher : List.of(AES_GCM_12, AES_GCM_8, AES_CCM_12, AES_CCM_8))
				sized(c, cipher);
			add(c, PRF_HMAC_SHA2_256, PRF_HMAC_SHA2_384, PRF_HMAC_SHA2_512, PRF_AES128_XCBC, PRF_AES128_CMAC,
					PRF_HMAC_SHA1);
			add(c, KEY_EXCHANGES.toArray(Algorithm[]::new));
		} else {
			add(c, NO_EXT_SEQ);
			add(c, KEY_EXCHANGES.toArray(Algorithm[]::new));
			add(c, KE_NONE);
		}
		return Proposal.of(protocol, c);
	}

	private static void sized(List<AlgorithmChoice> c, Algorithm cipher) {
		for (int size : SIZES)
			c.add(new AlgorithmChoice(cipher, size));
	}

	private static void add(List<AlgorithmChoice> c, Algorithm... algorithms) {
		for (Algorithm a : algorithms)
			c.add(new AlgorithmChoice(a, 0));
	}
}
