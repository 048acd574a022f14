package org.ipsl.runtime.ipsec;

import static org.ipsl.runtime.packet.Bytes.u32;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.ipsl.runtime.ah.Ah;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.esp.Esp;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpLayout;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketArrays;
import org.ipsl.runtime.packet.PacketDropped;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;

/**
 * The IPsec data path of one host: ESP and AH with the SAD's SAs, lifetimes checked and counted,
 * and every drop counted and written to the audit log as SECPOLICYD would. Which SA protects an
 * outbound packet is the SPD's decision, made before; received ESP and AH packets are matched by
 * SPI, destination and protocol, never by policy (HP-UX). Nothing here throws on a bad packet.
 */
public final class IpsecEngine {

	/** ESP and AH headers one received packet may carry in turn (e.g. AH over ESP, or nested tunnels). */
	public static final int MAX_NESTING = 4;

	private static final Optional<SecurityProtocol> ESP = Optional.of(SecurityProtocol.ESP);
	private static final Optional<SecurityProtocol> AH = Optional.of(SecurityProtocol.AH);

	private final SecurityAssociationDatabase sad;
	private final AuditLog audit;
	private final Esp esp;
	private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);

	public IpsecEngine(SecurityAssociationDatabase sad, AuditLog audit, Esp esp) {
		this.sad = sad;
		this.audit = audit;
		this.esp = esp;
	}

	/** An engine whose CBC IVs come from a SecureRandom. */
	public IpsecEngine(SecurityAssociationDatabase sad, AuditLog audit) {
		this(sad, audit, Esp.withSecureRandom());
	}

	public SecurityAssociationDatabase sad() {
		return sad;
	}

	/**
	 * What happened to a received packet.
	 *
	 * @param appliedSas the SAs whose ESP or AH was removed, outermost first; empty for a packet that
	 *                   came in clear, which the SPD must then judge
	 */
	public record Received(Outcome outcome, List<SecurityAssociation> appliedSas) {
	}

	/** Protects an outbound packet with the SA the SPD chose, into a new array. */
	public Outcome outbound(SecurityAssociation sa, byte[] packet) {
		return outbound(sa, packet, PacketArrays.FRESH);
	}

	/**
	 * Protects an outbound packet with the SA the SPD chose, into an array taken from {@code arrays}.
	 * Apply ESP before AH for an AH-over-ESP bundle.
	 */
	public Outcome outbound(SecurityAssociation sa, byte[] packet, PacketArrays arrays) {
		Outcome outcome;
		if (!sad.admit(sa)) {
			outcome = new Outcome.Dropped(DropReason.SA_EXPIRED, "outbound");
		} else {
			outcome = sa.spec().protocol() == SecurityProtocol.ESP
					? esp.protect(sa, packet, arrays)
					: Ah.protect(sa, packet, arrays);
		}
		if (outcome instanceof Outcome.Processed processed) {
			sad.recordTraffic(sa, packet.length);
			return processed;
		}
		Outcome.Dropped dropped = (Outcome.Dropped) outcome;
		recordDrop(dropped, AuditText.identity(sa.spec().spi(), sa.spec().source(), sa.spec().destination(),
				sa.spec().protocol().number()));
		return dropped;
	}

	/** Removes the ESP and AH of a received packet; the recovered packet is a new array. */
	public Received inbound(byte[] packet) {
		return inbound(packet, PacketArrays.FRESH);
	}

	/**
	 * Removes the ESP and AH of a received packet, layer by layer, each by the SA its SPI names.
	 * Each layer's packet is parsed once, here, and ESP or AH work from that layout. Each layer's
	 * result is an array taken from {@code arrays}; those between the first and the last are given
	 * back to it.
	 */
	public Received inbound(byte[] packet, PacketArrays arrays) {
		List<SecurityAssociation> applied = List.of();
		byte[] current = packet;
		for (int layer = 0;; layer++) {
			IpLayout layout;
			try {
				layout = IpPacket.parse(current, IpPacket.Walk.INBOUND);
			} catch (PacketDropped drop) {
				return dropped(drop.outcome(), current, -1, -1, applied);
			}
			Optional<SecurityProtocol> protocol = ipsecProtocol(layout.nextHeader());
			if (protocol.isEmpty()) {
				return new Received(new Outcome.Processed(current), applied);
			}
			if (layer == MAX_NESTING) {
				return dropped(new Outcome.Dropped(DropReason.MALFORMED, "more than " + MAX_NESTING + " IPsec headers"),
						current, -1, layout.nextHeader(), applied);
			}
			int spiOffset = layout.headerEnd() + (protocol.get() == SecurityProtocol.AH ? 4 : 0);
			if (spiOffset + 4 > current.length) {
				return dropped(new Outcome.Dropped(DropReason.TRUNCATED, "no room for an SPI"), current, -1,
						layout.nextHeader(), applied);
			}
			long spi = u32(current, spiOffset);
			Optional<SecurityAssociation> found = sad.find(spi, current, IpPacket.destinationOffset(layout.version()),
					IpPacket.addressLength(layout.version()), protocol.get());
			if (found.isEmpty()) {
				// HP-UX's own entry, word for word: no detail after it.
				return dropped(new Outcome.Dropped(DropReason.UNKNOWN_SPI, ""), current, spi, layout.nextHeader(),
						applied);
			}
			SecurityAssociation sa = found.get();
			Outcome outcome = !sad.admit(sa)
					? new Outcome.Dropped(DropReason.SA_EXPIRED, "inbound")
					: protocol.get() == SecurityProtocol.ESP
							? esp.unprotect(sa, current, layout, arrays)
							: Ah.unprotect(sa, current, layout, arrays);
			if (outcome instanceof Outcome.Dropped drop) {
				return dropped(drop, current, spi, layout.nextHeader(), applied);
			}
			if (current != packet) {
				arrays.giveBack(current);
			}
			current = ((Outcome.Processed) outcome).packet();
			sad.recordTraffic(sa, current.length);
			applied = applied.isEmpty() ? List.of(sa) : Stream.concat(applied.stream(), Stream.of(sa)).toList();
		}
	}

	private static Optional<SecurityProtocol> ipsecProtocol(int protocolNumber) {
		return protocolNumber == IpPacket.PROTOCOL_ESP
				? ESP
				: protocolNumber == IpPacket.PROTOCOL_AH ? AH : Optional.empty();
	}

	/**
	 * Counts and audits an inbound drop, naming the packet as well as is known: SPI and protocol
	 * when read (else -1), addresses when the IP header was readable.
	 */
	private Received dropped(Outcome.Dropped drop, byte[] packet, long spi, int protocol,
			List<SecurityAssociation> applied) {
		String identity;
		if (spi >= 0) {
			identity = AuditText.identity(spi, IpPacket.source(packet), IpPacket.destination(packet), protocol);
		} else {
			identity = addresses(packet).map(a -> "IP addr: " + a + (protocol >= 0 ? " proto: " + protocol : ""))
					.orElse("");
		}
		recordDrop(drop, identity);
		return new Received(drop, applied);
	}

	private static Optional<String> addresses(byte[] packet) {
		if (!IpPacket.hasAddresses(packet)) {
			return Optional.empty();
		}
		return Optional.of(AuditText.addresses(IpPacket.source(packet), IpPacket.destination(packet)));
	}

	private void recordDrop(Outcome.Dropped drop, String identity) {
		drops.incrementAndGet(drop.reason().ordinal());
		drop.reason().log(audit, identity, drop.detail());
	}

	/** Packets dropped since the engine started, by reason; reasons never seen are absent. */
	public Map<DropReason, Long> dropCounts() {
		Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
		for (DropReason reason : DropReason.values()) {
			long count = drops.get(reason.ordinal());
			if (count > 0) {
				counts.put(reason, count);
			}
		}
		return counts;
	}
}
