package org.ipsl.analysis.ikev2;

import org.ipsl.model.IkeVersion;
import java.util.List;
import java.util.Optional;

import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpRange;

/**
 * One strongSwan connection (an IPSL IKE policy with the policies bound to it).
 *
 * @param localAddrs  strongSwan's local_addrs; empty for any address of the host
 * @param remoteAddrs remote_addrs; empty for {@code %any} (such a connection only responds)
 * @param localAuth   how this side authenticates itself
 * @param remoteAuth  how it requires the peer to authenticate
 * @param localId     the identity sent; empty for strongSwan's default (the address with a preshared key,
 *                    the certificate's subject otherwise, unknown here)
 * @param remoteId    the identity required of the peer; empty for {@code %any}; {@code *} is a wildcard
 * @param ike         the IKE policy's position in its host's IKE policies, where findings are reported
 */
public record SwanConnection(String name, IkeVersion version, List<IpRange> localAddrs, List<IpRange> remoteAddrs,
		List<Proposal> proposals, IkeAuthentication localAuth, IkeAuthentication remoteAuth,
		Optional<IkeIdentity> localId,
		Optional<IkeIdentity> remoteId, boolean aggressive, List<SwanChild> children, int ike) {

	public SwanConnection {
		localAddrs = List.copyOf(localAddrs);
		remoteAddrs = List.copyOf(remoteAddrs);
		proposals = List.copyOf(proposals);
		children = List.copyOf(children);
	}
}
