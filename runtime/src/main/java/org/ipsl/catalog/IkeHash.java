package org.ipsl.catalog;

import java.util.Optional;

import org.ipsl.catalog.proposal.Algorithm;
import org.ipsl.catalog.proposal.AlgorithmChoice;

/**
 * Phase 1 hash (the second part of an IKE suite name): the integrity algorithm, whose PRF strongSwan
 * derives from it. Names and facts come from the strongSwan catalog.
 */
public enum IkeHash implements RatedKeyword {
	MD5(Algorithm.HMAC_MD5_96, Algorithm.PRF_HMAC_MD5, "MD5 (HMAC-MD5 as PRF)"), SHA1(Algorithm.HMAC_SHA1_96,
			Algorithm.PRF_HMAC_SHA1, "SHA-1 (HMAC-SHA1 as PRF)"), SHA256(Algorithm.HMAC_SHA2_256_128,
					Algorithm.PRF_HMAC_SHA2_256, "SHA-256"), SHA384(Algorithm.HMAC_SHA2_384_192,
							Algorithm.PRF_HMAC_SHA2_384,
							"SHA-384"), SHA512(Algorithm.HMAC_SHA2_512_256, Algorithm.PRF_HMAC_SHA2_512, "SHA-512");

	private final AlgorithmChoice integrity;
	private final AlgorithmChoice prf;
	private final String description;

	IkeHash(Algorithm integrity, Algorithm prf, String description) {
		this.integrity = new AlgorithmChoice(integrity, 0);
		this.prf = new AlgorithmChoice(prf, 0);
		this.description = description;
	}

	public AlgorithmChoice integrity() {
		return integrity;
	}

	public AlgorithmChoice prf() {
		return prf;
	}

	@Override
	public Facts facts() {
		return new Facts(keyword(), description(), strength());
	}

	@Override
	public String keyword() {
		return integrity.keyword();
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public Strength strength() {
		return integrity.strength();
	}

	public static Optional<IkeHash> byKeyword(String keyword) {
		return Keyword.lookup(IkeHash.class, keyword);
	}
}
