package org.ipsl.analysis.peers;

/**
 * Where a finding starts, in terms of the peer model: a host (by position in the analysed list)
 * and one of its elements. The caller maps it to a line.
 *
 * @param index the policy's position in {@link PeerHost#rules()}, the IKE policy's in
 *              {@link PeerHost#ikePolicies()}, the manual SA's in {@link PeerHost#manualSas()}; 0 otherwise
 */
public record Place(int host, Kind kind, int index) {

	public enum Kind {
		/** A whole policy, at its {@code policy} keyword. */
		POLICY,
		/** The remote end of a policy's selector. */
		POLICY_REMOTE,
		/** The remote end of a policy's tunnel. */
		TUNNEL_REMOTE,
		/** The {@code default} line, or the host when it has none. */
		DEFAULT,
		/** A whole IKE policy, at its {@code ike} keyword. */
		IKE, IKE_REMOTE,
		/** One direction of a manual SA, at its {@code inbound} or {@code outbound} keyword. */
		MANUAL_INBOUND, MANUAL_OUTBOUND, MANUAL_PEER
	}

	static Place policy(int host, int rule) {
		return rule == Spd.DEFAULT ? new Place(host, Kind.DEFAULT, 0) : new Place(host, Kind.POLICY, rule);
	}

	static Place ike(int host, int ike) {
		return new Place(host, Kind.IKE, ike);
	}
}
