package org.ipsl.catalog;

import java.util.Optional;

import org.ipsl.catalog.proposal.Algorithm;
import org.ipsl.catalog.proposal.AlgorithmChoice;

/** Phase 1 ciphers (the first part of an IKE suite name); names and facts come from the strongSwan catalog. */
public enum IkeEncryption implements RatedKeyword {
	DES(Algorithm.DES_CBC, 0), TRIPLE_DES(Algorithm.TRIPLE_DES_CBC, 0), AES128(Algorithm.AES_CBC,
			128), AES192(Algorithm.AES_CBC, 192), AES256(Algorithm.AES_CBC, 256);

	private final AlgorithmChoice choice;

	IkeEncryption(Algorithm algorithm, int keySize) {
		this.choice = new AlgorithmChoice(algorithm, keySize);
	}

	public AlgorithmChoice choice() {
		return choice;
	}

	@Override
	public Facts facts() {
		return new Facts(keyword(), description(), strength());
	}

	@Override
	public String keyword() {
		return choice.keyword();
	}

	@Override
	public String description() {
		return choice.description();
	}

	@Override
	public Strength strength() {
		return choice.strength();
	}

	public static Optional<IkeEncryption> byKeyword(String keyword) {
		return Keyword.lookup(IkeEncryption.class, keyword);
	}
}
