package org.ipsl.analysis.peers;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.IkeIdentity;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.IpRange;

/**
 * One valid IKE (phase 1) policy of a host.
 *
 * @param remote     the peer addresses it covers; empty for {@code any}
 * @param proposals  its suites in preference order (HP-UX's default when none is written)
 * @param aggressive Aggressive Mode; else Main Mode
 */
public record PeerIke(String name, long priority, List<IpRange> remote, List<IkeSuite> proposals,
		IkeAuthentication authentication, Optional<IkeIdentity> localId, Optional<IkeIdentity> remoteId,
		long lifetimeSeconds, boolean aggressive) {

	public static final long DEFAULT_LIFETIME_SECONDS = 28800;

	public PeerIke {
		remote = List.copyOf(remote);
		proposals = List.copyOf(proposals);
	}

	public boolean covers(IpRange address) {
		return remote.isEmpty() || remote.stream().anyMatch(r -> r.contains(address));
	}

	/** "`to-hq`", how messages name an IKE policy. */
	public String reference() {
		return "`" + name + "`";
	}
}
