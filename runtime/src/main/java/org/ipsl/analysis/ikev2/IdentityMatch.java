package org.ipsl.analysis.ikev2;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ipsl.analysis.peers.Identities;
import org.ipsl.model.IkeIdentity;

/**
 * How well a received identity fits a configured one, as strongSwan's identification_t.matches
 * rates it: a perfect match beats one with wildcards, which beats {@code %any}.
 */
public final class IdentityMatch {
	public static final int NONE = 0, ANY = 1, PERFECT = 20;
	private static final int ONE_WILDCARD = 19, MAX_WILDCARDS = 2;

	private IdentityMatch() {
	}

	/**
	 * @param configured the identity required; empty for {@code %any}
	 * @param received   the identity the peer sends; empty when not known here (a certificate's subject),
	 *                   which is assumed to fit: IPSL reports no failure it cannot see
	 */
	public static int rate(Optional<IkeIdentity> configured, Optional<IkeIdentity> received) {
		if (configured.isEmpty() || received.isEmpty())
			return ANY;
		IkeIdentity want = configured.get(), got = received.get();
		if (want.kind() != got.kind())
			return NONE;
		if (Identities.same(want, got))
			return PERFECT;
		return switch (want.kind()) {
		case FQDN, USER_FQDN -> suffixWildcard(want.value(), got.value());
		case DN -> dnWildcards(want.value(), got.value());
		default -> NONE;
		};
	}

	private static int suffixWildcard(String want, String got) {
		if (!want.startsWith("*"))
			return NONE;
		String suffix = want.substring(1).toLowerCase(Locale.ROOT);
		return got.toLowerCase(Locale.ROOT).endsWith(suffix) ? ONE_WILDCARD : NONE;
	}

	/** Relative distinguished names in the same order; a value {@code *} fits any value of that attribute. */
	private static int dnWildcards(String want, String got) {
		List<String[]> w = Identities.dnAttributes(want), g = Identities.dnAttributes(got);
		if (w.size() != g.size())
			return NONE;
		int wildcards = 0;
		for (int i = 0; i < w.size(); i++) {
			if (!w.get(i)[0].equals(g.get(i)[0]))
				return NONE;
			if (w.get(i)[1].equals("*"))
				wildcards++;
			else if (!w.get(i)[1].equals(g.get(i)[1]))
				return NONE;
		}
		return wildcards == 0 ? PERFECT : Math.max(MAX_WILDCARDS, PERFECT - wildcards);
	}
}
