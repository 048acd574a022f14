package org.ipsl.analysis.ikev2;

import java.util.Optional;

import org.ipsl.analysis.peers.Identities;
import org.ipsl.model.IkeIdentity;

/**
 * How well a received identity fits a configured one, as strongSwan's identification_t.matches rates
 * it when choosing a connection: a perfect match beats one with wildcards, which beats {@code %any}.
 */
public final class IdentityMatch {
	public static final int NONE = 0, ANY = 1, WILDCARD = 19, PERFECT = 20;

	private IdentityMatch() {
	}

	/**
	 * @param configured the identity required; empty or {@link IkeIdentity#ANY} for {@code %any}
	 * @param received   the identity the peer sends; empty when not known here (a certificate's subject),
	 *                   which is assumed to fit: IPSL reports no failure it cannot see
	 */
	public static int rate(Optional<IkeIdentity> configured, Optional<IkeIdentity> received) {
		if (configured.isEmpty() || configured.get().kind() == IkeIdentity.Kind.ANY || received.isEmpty())
			return ANY;
		if (!Identities.matches(configured.get(), received.get()))
			return NONE;
		return configured.get().isWildcard() ? WILDCARD : PERFECT;
	}
}
