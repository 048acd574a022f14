package org.ipsl.analysis.ikev2;

import org.ipsl.model.StartAction;
import java.util.List;

import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;

/**
 * One child of a connection (an IPSL policy), as strongSwan negotiates it.
 *
 * @param localTs  the local traffic selectors; empty for strongSwan's {@code dynamic} (the IKE address)
 * @param remoteTs the remote ones, likewise
 * @param rule     the policy's position in its host's rules, where findings about the child are reported
 */
public record SwanChild(String name, ChildMode mode, List<Proposal> proposals, List<IkeTrafficSelector> localTs,
		List<IkeTrafficSelector> remoteTs, StartAction start, int rule) {

	public SwanChild {
		proposals = List.copyOf(proposals);
		localTs = List.copyOf(localTs);
		remoteTs = List.copyOf(remoteTs);
	}

	public SaProtocol protocol() {
		return proposals.isEmpty() ? SaProtocol.ESP : proposals.get(0).protocol();
	}
}
