package org.ipsl.runtime.host;

import java.util.List;
import java.util.Optional;
import org.ipsl.runtime.packet.DropReason;

/** What {@link IpsecHost#receive} did with a packet from the wire. */
public sealed interface ReceiveResult {

	/**
	 * Handed to the upper layer: the packet as recovered (the inner packet of a tunnel), and the
	 * SAs removed from it, outermost first (empty for clear text).
	 */
	record Delivered(byte[] packet, Decision decision, List<org.ipsl.runtime.sad.SecurityAssociation> sas)
			implements
				ReceiveResult {
	}

	/**
	 * Not delivered; counted and audited.
	 *
	 * @param decision empty when the packet was dropped before a policy decided (bad ESP, cache full)
	 */
	record Dropped(DropReason reason, String detail, Optional<Decision> decision) implements ReceiveResult {
	}
}
