package org.ipsl.runtime.host;

import java.util.Optional;
import org.ipsl.runtime.spd.CachedDecision;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * How a host decided what to do with a packet, for traces and reports.
 *
 * @param route  bypass list, decision cache, or SPD search
 * @param policy the deciding policy; empty for a bypassed packet
 * @param cached the cache entry that decided or was made; empty for bypassed and protected
 *               inbound packets, which are never cached
 */
public record Decision(Route route, Optional<SpdEntry> policy, Optional<CachedDecision> cached) {

	public enum Route {
		/** A bypass-list address: no SPD lookup at all. */
		BYPASS,
		/** The decision cache held the flow. */
		CACHE,
		/** The SPD was searched (and the decision cached when the packet is cacheable). */
		SPD
	}

	static final Decision BYPASSED = new Decision(Route.BYPASS, Optional.empty(), Optional.empty());

	static Decision searched(SpdEntry policy, CachedDecision made) {
		return new Decision(Route.SPD, Optional.of(policy), Optional.ofNullable(made));
	}

	static Decision cached(CachedDecision hit) {
		return new Decision(Route.CACHE, Optional.of(hit.policy()), Optional.of(hit));
	}
}
