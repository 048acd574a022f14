package org.ipsl.runtime.spd;

import java.util.List;
import org.ipsl.model.IpRange;
import org.ipsl.runtime.sad.Direction;

/**
 * HP-UX's bypass list: local addresses whose packets are never looked up in the SPD, as if IPsec
 * were not enabled on them. An outbound packet bypasses when its source is listed, an inbound one
 * when its destination is.
 */
public final class BypassList {

	private final List<IpRange> addresses;
	private final long[] prefixes;

	/** @param addresses addresses (or prefixes) as {@code runtime.json} writes them */
	public BypassList(List<String> addresses) {
		this.addresses = addresses.stream().map(IpRange::parse).toList();
		this.prefixes = Prefixes.of(this.addresses);
	}

	public boolean bypasses(Flow flow, Direction direction) {
		return direction == Direction.OUTBOUND
				? Prefixes.contain(prefixes, flow.sourceHigh(), flow.sourceLow())
				: Prefixes.contain(prefixes, flow.destinationHigh(), flow.destinationLow());
	}

	/** The entries, as {@code ipsec_report -bypass} lists them. */
	public List<IpRange> addresses() {
		return addresses;
	}
}
