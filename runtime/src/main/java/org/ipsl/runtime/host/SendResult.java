package org.ipsl.runtime.host;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.spd.SpdEntry;

/** What {@link IpsecHost#send} did with an outbound packet. */
public sealed interface SendResult {

	/** Sent in clear: a pass policy, or a bypass-list source. */
	record Clear(byte[] packet, Decision decision) implements SendResult {
	}

	/** Sent protected; {@code sas} in the order applied (ESP before AH). */
	record Protected(byte[] packet, Decision decision, List<SecurityAssociation> sas) implements SendResult {
	}

	/**
	 * Not sent: a dynamic-keys policy has no SAs with this peer yet. A negotiation (IKE, or the
	 * trace's simulation of it) must install them with {@link IpsecHost#installNegotiatedSas};
	 * HP-UX shows the cache entry as {@code SA Requested} meanwhile.
	 *
	 * @param local the address the SAs start from: the tunnel's local end, or the packet's source
	 * @param peer  the address they go to: the tunnel's remote end, or the packet's destination
	 */
	record SaRequired(Decision decision, SpdEntry policy, InetAddress local, InetAddress peer) implements SendResult {
	}

	/**
	 * Not sent; counted and audited.
	 *
	 * @param decision empty when the packet was dropped before a decision (malformed, cache full)
	 */
	record Dropped(DropReason reason, String detail, Optional<Decision> decision) implements SendResult {
	}
}
