package org.ipsl.runtime.report;

import java.net.InetAddress;
import java.util.Optional;

import org.ipsl.model.IpRange;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.audit.HpuxEvent;
import org.ipsl.runtime.config.IkePolicy;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * HP-UX's {@code ipsec_policy}: the policy a 5-tuple meets in one direction, searched without
 * touching the cache; for dynamic keys also the IKE policy (with its authentication, never the
 * secret) that Main Mode would use towards the peer, and the tunnel.
 */
public final class PolicyQuery {
	private PolicyQuery() {
	}

	/** @param flow as the packet travels: for {@link Direction#INBOUND} the source is the remote end */
	public static String report(IpsecHost host, Flow flow, Direction direction) {
		boolean outbound = direction == Direction.OUTBOUND;
		Optional<SpdEntry> found = host.policyFor(flow, direction);
		InetAddress local = outbound ? flow.source() : flow.destination();
		if (found.isEmpty())
			return "Bypass List: " + AuditText.address(local)
					+ " is a bypass address: no policy lookup, passed in clear\n";
		SpdEntry policy = found.get();
		StringBuilder out = new StringBuilder(HostReport.policy(policy, outbound));
		if (!policy.protects() || policy.isManual())
			return out.toString();
		String peer = policy.action().tunnel() != null
				? policy.action().tunnel().remote()
				: AuditText.address(outbound ? flow.destination() : flow.source());
		out.append(ike(host, peer));
		return out.toString();
	}

	/** The first IKE policy by priority whose remote covers the peer, as Main Mode looks it up. */
	private static String ike(IpsecHost host, String peer) {
		IpRange address = IpRange.parse(peer);
		for (IkePolicy ike : host.config().ikePolicies())
			if (ike.remote().stream().map(IpRange::parse).anyMatch(r -> r.contains(address))) {
				StringBuilder out = new StringBuilder("------------------- IKE Policy Rule ---------------------\n");
				out.append("Rule Name: ").append(ike.name()).append(" Priority: ").append(ike.priority()).append('\n');
				out.append("Remote IP Addr: ").append(String.join(", ", ike.remote())).append('\n');
				for (int n = 0; n < ike.proposals().size(); n++) {
					IkePolicy.Proposal p = ike.proposals().get(n);
					out.append("Proposal ").append(n + 1).append(": ").append(p.encryption()).append('-')
							.append(p.hash())
							.append(" DH Group: ").append(p.group()).append('\n');
				}
				out.append("Lifetime (secs): ").append(ike.lifetimeSeconds()).append('\n');
				out.append("Authentication: ")
						.append(ike.authentication().method() == IkePolicy.Authentication.Method.PRESHARED
								? "Preshared key"
								: "RSA signature (" + ike.authentication().certificate() + ")")
						.append('\n');
				if (ike.localId() != null)
					out.append("Local ID: ").append(ike.localId().type()).append(' ').append(ike.localId().value())
							.append('\n');
				if (ike.remoteId() != null)
					out.append("Remote ID: ").append(ike.remoteId().type()).append(' ').append(ike.remoteId().value())
							.append('\n');
				return out.append('\n').toString();
			}
		return "No IKE policy covers " + peer + ": " + HpuxEvent.MM_FAILED + "\n";
	}
}
