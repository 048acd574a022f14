package org.ipsl.values;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ipsl.model.Parsed;

import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.Transform;
import org.ipsl.catalog.proposal.AlgorithmKeywords;
import org.ipsl.catalog.proposal.DefaultProposals;
import org.ipsl.catalog.proposal.InvalidProposalException;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;

/**
 * What an element of a {@code proposals} or transform list stands for when it is no named list:
 * a built-in suite or transform, a strongSwan proposal ({@code aes128-aes256-sha256-x25519},
 * {@code esp-aes128gcm16-x25519}, {@code ah-sha256}), or {@code default}, strongSwan's own list.
 */
public final class ProposalTexts {
	public static final String DEFAULT = "default";
	private static final String ESP = "esp-", AH = "ah-";

	private ProposalTexts() {
	}

	/**
	 * Whether a text is written as an IKE proposal: {@code default}, a built-in suite, or
	 * strongSwan's algorithm keywords joined by {@code -}, valid or not ({@link #ike} says). Anything
	 * else is a name, unknown when no ike-proposal has it.
	 */
	public static boolean isIke(String text) {
		return DEFAULT.equals(text) || IkeSuite.parse(text).isPresent() || keywords(text);
	}

	/** As {@link #isIke}, for a transform: {@code default}, a built-in one, or {@code esp-}/{@code ah-} and keywords. */
	public static boolean isTransform(String text) {
		return DEFAULT.equals(text) || Transform.byKeyword(text).isPresent()
				|| text.startsWith(ESP) && keywords(text.substring(ESP.length()))
				|| text.startsWith(AH) && keywords(text.substring(AH.length()));
	}

	private static boolean keywords(String text) {
		return !text.isEmpty()
				&& Arrays.stream(text.split("-", -1)).allMatch(k -> AlgorithmKeywords.choice(k).isPresent());
	}

	/** The IKE proposals a text stands for, or why it stands for none. */
	public static Parsed<List<Proposal>> ike(String text) {
		if (DEFAULT.equals(text))
			return Parsed.of(DefaultProposals.swanctl(SaProtocol.IKE));
		Optional<IkeSuite> suite = IkeSuite.parse(text);
		if (suite.isPresent())
			return Parsed.of(List.of(suite.get().proposal()));
		return parse(SaProtocol.IKE, text);
	}

	/** The ESP or AH proposals a transform text stands for ({@code default}: ESP's), or why none. */
	public static Parsed<List<Proposal>> transform(String text) {
		if (DEFAULT.equals(text))
			return Parsed.of(DefaultProposals.swanctl(SaProtocol.ESP));
		Optional<Transform> builtin = Transform.byKeyword(text);
		if (builtin.isPresent())
			return Parsed.of(List.of(builtin.get().proposal()));
		if (text.startsWith(ESP))
			return parse(SaProtocol.ESP, text.substring(ESP.length()));
		if (text.startsWith(AH))
			return parse(SaProtocol.AH, text.substring(AH.length()));
		return Parsed.invalid("a strongSwan transform starts with esp- or ah-");
	}

	/** Whether a transform text stands for AH proposals. */
	public static boolean isAh(String text) {
		return Transform.byKeyword(text).map(t -> t.protocol() == Transform.Protocol.AH).orElse(text.startsWith(AH));
	}

	private static Parsed<List<Proposal>> parse(SaProtocol protocol, String text) {
		try {
			return Parsed.of(List.of(Proposal.parse(protocol, text)));
		} catch (InvalidProposalException e) {
			return Parsed.invalid(e.getMessage());
		}
	}
}
