package org.ipsl.catalog;

import java.util.Arrays;
import java.util.Optional;

import org.ipsl.catalog.proposal.Algorithm;
import org.ipsl.catalog.proposal.AlgorithmChoice;

/**
 * Diffie-Hellman groups of IKE phase 1 and PFS that every IPSL target offers; names, IANA numbers and
 * facts come from the strongSwan catalog.
 */
public enum DhGroup implements RatedKeyword {
	MODP768(Algorithm.MODP_768), MODP1024(Algorithm.MODP_1024), MODP1536(Algorithm.MODP_1536), MODP2048(
			Algorithm.MODP_2048), MODP3072(Algorithm.MODP_3072), MODP4096(
					Algorithm.MODP_4096), ECP256(Algorithm.ECP_256), ECP384(Algorithm.ECP_384);

	private final AlgorithmChoice choice;

	DhGroup(Algorithm algorithm) {
		this.choice = new AlgorithmChoice(algorithm, 0);
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

	public int number() {
		return choice.algorithm().number();
	}

	@Override
	public String description() {
		return choice.description();
	}

	@Override
	public Strength strength() {
		return choice.strength();
	}

	public static Optional<DhGroup> byKeyword(String keyword) {
		return Keyword.lookup(DhGroup.class, keyword);
	}

	/** By IANA number, as runtime.json writes groups. */
	public static Optional<DhGroup> byNumber(int number) {
		return Arrays.stream(values()).filter(g -> g.number() == number).findFirst();
	}
}
