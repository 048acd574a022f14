package org.ipsl.analysis.peers;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IkeVersion;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.model.IpRange;

/**
 * One valid IKE policy of a host.
 *
 * @param remote               the peer addresses it covers; empty for {@code any}
 * @param proposals            its suites in preference order (HP-UX's default when none is written)
 * @param authentication       how this host authenticates itself (and the peer, unless
 *                             {@code remoteAuthentication} says otherwise)
 * @param localId              the identity it sends; {@code remoteId} the one it expects,
 *                             {@link IkeIdentity#ANY} for {@code remote-id any}
 * @param aggressive           Aggressive Mode; else Main Mode
 * @param version              the IKE version written; empty when none is (then the target's default)
 * @param local                the host's addresses it runs on ({@code local}); empty for all of them
 * @param remoteAuthentication how the peer must authenticate itself ({@code remote-authentication},
 *                             else {@code authentication}); a preshared key is the same secret
 * @param offers               the proposals in preference order as strongSwan reads them: a
 *                             built-in suite as its one-algorithm proposal, {@code default} as
 *                             strongSwan's list. {@code proposals} holds the same as suites when
 *                             every one is a built-in suite, else nothing
 */
public record PeerIke(String name, long priority, List<IpRange> remote, List<IkeSuite> proposals,
		IkeAuthentication authentication, Optional<IkeIdentity> localId, Optional<IkeIdentity> remoteId,
		long lifetimeSeconds, boolean aggressive, Optional<IkeVersion> version, List<IpRange> local,
		IkeAuthentication remoteAuthentication, List<Proposal> offers) {

	public static final long DEFAULT_LIFETIME_SECONDS = 28800;

	public PeerIke {
		remote = List.copyOf(remote);
		proposals = List.copyOf(proposals);
		local = List.copyOf(local);
		offers = List.copyOf(offers);
	}

	/** An IKE policy as HP-UX writes one: no version, every local address, one authentication for both ends. */
	public PeerIke(String name, long priority, List<IpRange> remote, List<IkeSuite> proposals,
			IkeAuthentication authentication, Optional<IkeIdentity> localId, Optional<IkeIdentity> remoteId,
			long lifetimeSeconds, boolean aggressive) {
		this(name, priority, remote, proposals, authentication, localId, remoteId, lifetimeSeconds, aggressive,
				Optional.empty(), List.of(), authentication, proposals.stream().map(IkeSuite::proposal).toList());
	}

	public boolean covers(IpRange address) {
		return remote.isEmpty() || remote.stream().anyMatch(r -> r.contains(address));
	}

	/** "`to-hq`", how messages name an IKE policy. */
	public String reference() {
		return "`" + name + "`";
	}
}
