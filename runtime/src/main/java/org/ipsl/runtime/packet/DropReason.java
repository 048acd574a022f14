package org.ipsl.runtime.packet;

import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.audit.AuditSource;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * Why IPsec processing dropped a packet, with the audit level and event text HP-UX's SECPOLICYD
 * would log it under, or the STREAMS log where HP-UX's STREAMS modules report it instead. The texts
 * of {@link #UNKNOWN_SPI}, {@link #ICV_MISMATCH} and {@link #BAD_PADDING} are HP-UX's own
 * ({@link HpuxEvent}); HP-UX's wording for the others was not found, so they follow its style.
 */
public enum DropReason {
	/** Not a well-formed IPv4 or IPv6 packet: lengths, version, header checksum, extension headers. */
	MALFORMED(AuditLevel.WARNING, "Malformed packet"),
	/** A fragment of an ESP or AH packet; fragments are not reassembled. */
	FRAGMENT(AuditLevel.WARNING, "Fragment of an IPsec packet not reassembled"),
	/** Too short for its ESP or AH header, IV, trailer or ICV, or its ciphertext is not whole blocks. */
	TRUNCATED(AuditLevel.WARNING, HpuxEvent.CANT_PULLUP + " IPsec header or trailer", true),
	/** No SA for the packet's SPI, destination and protocol. */
	UNKNOWN_SPI(AuditLevel.WARNING, HpuxEvent.NO_SPI),
	/** A sequence number already received inside the anti-replay window. */
	REPLAYED(AuditLevel.WARNING, "Replayed packet"),
	/** A sequence number older than the anti-replay window, or zero. */
	OUTSIDE_REPLAY_WINDOW(AuditLevel.WARNING, "Sequence number outside the anti-replay window"),
	/** The integrity check value does not match: forged, corrupted, or sent with another key. */
	ICV_MISMATCH(AuditLevel.ALERT, HpuxEvent.ICV_FAILURE),
	/** The ESP padding is not 1, 2, 3, …, or longer than the payload (mismatched keys, RFC 4303 2.4). */
	BAD_PADDING(AuditLevel.ERROR, HpuxEvent.PADDING, true),
	/** A tunnel-mode SA carried something other than an IPv4 or IPv6 packet. */
	BAD_NEXT_HEADER(AuditLevel.ERROR, "Unexpected next header for the SA's mode"),
	/** The packet a tunnel-mode SA carried is not a well-formed IP packet. */
	BAD_INNER_PACKET(AuditLevel.ERROR, "Malformed inner packet"),
	/** An ESP dummy packet (next header 59, RFC 4303 2.6), discarded as the RFC says. */
	DUMMY_PACKET(AuditLevel.DEBUG, "Dummy packet discarded"),
	/** The SA passed its hard lifetime. */
	SA_EXPIRED(AuditLevel.WARNING, "SA hard lifetime expired"),
	/** The SA has sent 2^32 - 1 packets; a sequence number must not cycle (RFC 4303 3.3.3). */
	SEQUENCE_EXHAUSTED(AuditLevel.ERROR, "Sequence number space exhausted, SA needs rekeying"),
	/** A transport-mode packet whose destination is not the SA's. */
	ADDRESS_MISMATCH(AuditLevel.ERROR, "Packet destination does not match the SA"),
	/** The packet would exceed IP's 65,535-byte limit once protected. */
	TOO_BIG(AuditLevel.ERROR, "Packet too big after IPsec processing"),
	/** A policy whose action is discard took the packet. */
	POLICY_DISCARD(AuditLevel.DEBUG, "Packet discarded by policy"),
	/**
	 * A clear-text packet arrived that its policy requires protected: the peer should have set up
	 * SAs first (HP-UX audits it; its wording was not found).
	 */
	CLEAR_TEXT(AuditLevel.WARNING, "Clear text packet received for a secure policy"),
	/** A packet arrived protected by SAs that are not its policy's, or for a policy that does not protect. */
	POLICY_MISMATCH(AuditLevel.WARNING, "Protected packet does not match its policy"),
	/** The policy cache is at its hard limit and holds no decision for the packet's flow. */
	CACHE_FULL(AuditLevel.WARNING, "Kernel Policy Cache full, packet dropped"),
	/** The policy protects with a manual SA that was refused at start. */
	NO_SA(AuditLevel.WARNING, "No SA for outbound packet"),
	/** A fault in the engine itself; never expected, logged so that it cannot pass unseen. */
	PROCESSING_ERROR(AuditLevel.ALERT, "Internal error while processing packet");

	private final AuditLevel level;
	private final String event;
	private final boolean streams;

	DropReason(AuditLevel level, String event, boolean streams) {
		this.level = level;
		this.event = event;
		this.streams = streams;
	}

	DropReason(AuditLevel level, String event) {
		this(level, event, false);
	}

	/** The audit level; for a STREAMS log reason, the level it would have (the STREAMS log has none). */
	public AuditLevel level() {
		return level;
	}

	/** Whether HP-UX reports this in the STREAMS log rather than the audit file. */
	public boolean streams() {
		return streams;
	}

	/**
	 * Logs a drop where HP-UX would. An HP-UX text names the packet as the manual's entries do
	 * ({@link HpuxEvent#naming}); IPSL's own texts add " - packet" and the detail in brackets.
	 *
	 * @param packet the packet's SPI and addresses ({@code AuditText}), or ""
	 */
	public void log(AuditLog audit, String packet, String detail) {
		if (!streams && !audit.level().admits(level)) {
			// A flood of drops the level filters out costs no formatting.
			return;
		}
		String text;
		if (isHpuxText()) {
			text = packet.isEmpty() ? event : HpuxEvent.naming(event, packet);
		} else {
			text = event + (packet.isEmpty() ? "" : " - " + packet) + (detail.isEmpty() ? "" : " (" + detail + ")");
		}
		if (streams) {
			audit.streams().record(text);
		} else {
			audit.record(AuditSource.SECPOLICYD, level, text);
		}
	}

	private boolean isHpuxText() {
		return this == UNKNOWN_SPI || this == ICV_MISMATCH || this == BAD_PADDING;
	}

	/** The start of the audit event line. */
	public String event() {
		return event;
	}
}
