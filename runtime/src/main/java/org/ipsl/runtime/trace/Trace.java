package org.ipsl.runtime.trace;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.ipsl.analysis.peers.Outcome;
import org.ipsl.analysis.peers.PeerAnalysis;
import org.ipsl.analysis.peers.Session;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditSource;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.audit.HpuxEvent;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.host.Decision;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.host.ReceiveResult;
import org.ipsl.runtime.host.SendResult;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.peers.RuntimePeerHost;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * One packet from host A to host B, step by step: A's SPD decision; for a protecting policy, the
 * negotiation judged by the peer analysis ({@code ipsl check --peers} for just this packet), and on
 * success the SAs installed on both hosts (dynamic keys simulated, manual keys as configured); the
 * packet A emits, built by the real engine; B's SAD and SPD checks on it; and the verdict. Each step
 * is a line of the report; keys and secrets never appear in it.
 */
public final class Trace {

	/**
	 * @param negotiation the session row for this packet, empty when A does not protect it
	 * @param emitted     what A puts on the wire, empty when it sends nothing
	 * @param delivered   whether B hands the packet to its upper layer
	 * @param lines       the report, in order
	 */
	public record Result(Optional<Session> negotiation, Optional<byte[]> emitted, boolean delivered, String verdict,
			List<String> lines) {

		/** The negotiation's outcome, or "NONE" when nothing was negotiated. */
		public String outcome() {
			return negotiation.map(s -> s.outcome().name()).orElse("NONE");
		}
	}

	private final IpsecHost a, b;
	private final TracePacket packet;
	private final List<String> lines = new ArrayList<>();
	private Optional<Session> negotiation = Optional.empty();

	private Trace(IpsecHost a, IpsecHost b, TracePacket packet) {
		this.a = a;
		this.b = b;
		this.packet = packet;
	}

	/**
	 * The trace's lines, then each host's audit log and STREAMS log, indented, each only when it holds
	 * something; what {@code trace} prints.
	 */
	public static List<String> reportWithAuditLogs(Result result, IpsecHost... hosts) {
		List<String> report = new ArrayList<>(result.lines());
		for (IpsecHost host : hosts) {
			List<AuditEntry> entries = host.auditEntries();
			if (!entries.isEmpty()) {
				report.add("audit log of " + host.name() + ":");
				for (AuditEntry entry : entries)
					report.add("  " + entry.format().replace("\n", "\n  "));
			}
			List<String> streams = host.audit().streams().lines();
			if (!streams.isEmpty()) {
				report.add("STREAMS log of " + host.name() + ":");
				streams.forEach(line -> report.add("  " + line));
			}
		}
		return report;
	}

	/** Runs the trace between two running hosts; their SADs and caches keep what the trace added. */
	public static Result run(IpsecHost a, IpsecHost b, TracePacket packet) {
		return new Trace(a, b, packet).run();
	}

	private Result run() {
		lines.add("packet: " + packet + " (" + a.name() + " -> " + b.name() + ")");
		byte[] bytes = packet.bytes();
		SendResult sent = a.send(bytes);
		lines.add(a.name() + " SPD, outbound: " + decision(sent));
		if (sent instanceof SendResult.Protected || sent instanceof SendResult.SaRequired)
			negotiate(sent);
		if (sent instanceof SendResult.SaRequired required) {
			if (negotiation.get().outcome() != Outcome.ESTABLISHED)
				return dropped(a, "no SA: " + negotiationFailure());
			Optional<String> installed = install(required);
			if (installed.isPresent())
				return dropped(a, installed.get());
			sent = a.send(bytes);
		}
		if (sent instanceof SendResult.Clear c)
			return receive(c.packet(), "in clear");
		if (sent instanceof SendResult.Protected p)
			return receive(p.packet(), describe(p.sas()));
		if (sent instanceof SendResult.Dropped d)
			return dropped(a, d.reason().event() + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")"));
		return dropped(a, "no SA after the negotiation");
	}

	private String decision(SendResult sent) {
		if (sent instanceof SendResult.Clear c)
			return decided(c.decision()) + " -> sent in clear";
		if (sent instanceof SendResult.Protected p)
			return decided(p.decision()) + " -> protected with " + describe(p.sas());
		if (sent instanceof SendResult.SaRequired r)
			return decided(r.decision()) + " -> SAs needed with " + address(r.peer());
		SendResult.Dropped d = (SendResult.Dropped) sent;
		return d.decision().map(Trace::decided).orElse("no decision") + " -> dropped: " + d.reason().event();
	}

	private static String decided(Decision decision) {
		if (decision.route() == Decision.Route.BYPASS)
			return "bypass list (no policy lookup)";
		SpdEntry policy = decision.policy().orElseThrow();
		return (policy.isDefault() ? "the default policy" : "policy " + policy.reference()) + ", cookie "
				+ policy.cookie() + ": " + policy.hostReportAction()
				+ (decision.route() == Decision.Route.CACHE ? " (from the cache)" : "");
	}

	/**
	 * The session row for this one packet, as the peer analysis judges it; when B is not the host
	 * the packet is protected towards, the table's row for an end point outside the workspace.
	 */
	private void negotiate(SendResult sent) {
		negotiation = PeerAnalysis.session(RuntimePeerHost.of(a), RuntimePeerHost.of(b), packet.region());
		boolean manual = sent instanceof SendResult.Protected;
		if (negotiation.isEmpty()) {
			String peer = address(manual ? packet.destination() : ((SendResult.SaRequired) sent).peer());
			negotiation = Optional.of(new Session(a.name(), peer, Outcome.MISSING_END_POINT, "-", "-", ""));
			lines.add("negotiation " + a.name() + " -> " + peer + ": " + Outcome.MISSING_END_POINT + " (" + b.name()
					+ " is not the peer this packet is protected towards)");
			return;
		}
		Session s = negotiation.get();
		StringBuilder line = new StringBuilder("negotiation " + a.name() + " -> " + b.name() + ": " + s.outcome());
		if (!manual)
			line.append(", proposal ").append(s.proposal());
		line.append(", transform ").append(s.transform());
		if (!s.audit().isEmpty())
			line.append(": ").append(s.audit());
		lines.add(line.toString());
		if (!manual && s.outcome() != Outcome.ESTABLISHED && !s.audit().isEmpty())
			auditNegotiation(s.audit(), ((SendResult.SaRequired) sent).peer());
	}

	/**
	 * The initiator's IKMPD entry for a failed negotiation, as HP-UX's troubleshooting chapter
	 * prints it: "MM negotiation timeout, src 15.2.2.2" (HP-UX IPSec version A.02.00 Administrator's
	 * Guide, page 178) names the peer; the other texts stand alone (page 179).
	 */
	private void auditNegotiation(String event, InetAddress peer) {
		a.audit().record(AuditSource.IKMPD, AuditLevel.ERROR,
				event.equals(HpuxEvent.MM_TIMEOUT) ? HpuxEvent.mmTimeout(peer) : event);
	}

	private String negotiationFailure() {
		Session s = negotiation.get();
		return s.outcome() + (s.audit().isEmpty() ? "" : " (" + s.audit() + ")");
	}

	/**
	 * Installs what Quick Mode would: the chosen transform, SPIs allocated by each receiver from its
	 * own dynamic range, simulated keys. Returns why not, when a host refuses.
	 */
	private Optional<String> install(SendResult.SaRequired required) {
		String chosen = negotiation.get().transform();
		Policy.Transform transform = required.policy().action().transforms().stream()
				.filter(t -> t.name().equals(chosen)).findFirst().orElseThrow();
		Flow arriving = Flow.of(packet.bytes());
		Optional<SpdEntry> policyB = b.policyFor(arriving, Direction.INBOUND);
		if (policyB.isEmpty() || !policyB.get().protects() || policyB.get().isManual())
			return Optional.of("no SA: " + b.name() + " has no dynamic-keys policy for the packet");
		InetAddress local = required.local(), peer = required.peer();
		boolean tunnel = required.policy().action().tunnel() != null;
		Optional<SimulatedSas.Spis> toB = spis(b, peer, transform), toA = spis(a, local, transform);
		if (toB.isEmpty() || toA.isEmpty())
			return Optional.of("no SA: the dynamic SPI range is exhausted");
		SimulatedSas.OneWay forward = SimulatedSas.of(transform, tunnel, local, peer, toB.get());
		SimulatedSas.OneWay backward = SimulatedSas.of(transform, tunnel, peer, local, toA.get());
		List<SaAddition> added = new ArrayList<>(a.installNegotiatedSas(required.policy(), peer, forward.outbound(),
				backward.inbound()));
		added.addAll(b.installNegotiatedSas(policyB.get(), local, backward.outbound(), forward.inbound()));
		for (SaAddition addition : added)
			if (addition instanceof SaAddition.Refused refused)
				return Optional.of("SA refused: " + refused.message());
		lines.add("SAs: " + describeSpecs(forward.outbound()) + " " + a.name() + " -> " + b.name() + ", "
				+ describeSpecs(backward.outbound()) + " back; keys simulated (derived by the trace, not negotiated)");
		return Optional.empty();
	}

	private static Optional<SimulatedSas.Spis> spis(IpsecHost receiver, InetAddress to, Policy.Transform transform) {
		OptionalLong esp = transform.esp() == null
				? OptionalLong.of(0)
				: receiver.allocateSpi(to, SecurityProtocol.ESP);
		OptionalLong ah = transform.ah() == null ? OptionalLong.of(0) : receiver.allocateSpi(to, SecurityProtocol.AH);
		if (esp.isEmpty() || ah.isEmpty())
			return Optional.empty();
		return Optional.of(new SimulatedSas.Spis(esp.getAsLong(), ah.getAsLong()));
	}

	private Result receive(byte[] wire, String how) {
		lines.add(a.name() + " emits: " + wire(wire) + ", " + how);
		ReceiveResult received = b.receive(wire);
		if (received instanceof ReceiveResult.Delivered d) {
			if (!d.sas().isEmpty())
				lines.add(b.name() + " SAD: " + describe(d.sas())
						+ ": found; replay window and ICV checked, decapsulated");
			lines.add(b.name() + " SPD, inbound: " + decided(d.decision()) + " -> accepted");
			String verdict = "delivered to " + b.name() + ": " + packet;
			lines.add("verdict: " + verdict);
			return new Result(negotiation, Optional.of(wire), true, verdict, List.copyOf(lines));
		}
		ReceiveResult.Dropped d = (ReceiveResult.Dropped) received;
		d.decision().ifPresent(decision -> lines.add(b.name() + " SPD, inbound: " + decided(decision)));
		String verdict = "dropped by " + b.name() + ": " + d.reason().event()
				+ (d.detail().isEmpty() ? "" : " (" + d.detail() + ")");
		lines.add("verdict: " + verdict);
		return new Result(negotiation, Optional.of(wire), false, verdict, List.copyOf(lines));
	}

	private Result dropped(IpsecHost host, String why) {
		String verdict = "dropped by " + host.name() + ", not sent: " + why;
		lines.add("verdict: " + verdict);
		return new Result(negotiation, Optional.empty(), false, verdict, List.copyOf(lines));
	}

	/** "ESP 10.1.1.10 -> 10.2.2.20, 124 bytes". */
	private static String wire(byte[] wire) {
		int protocol = IpPacket.parse(wire, IpPacket.Walk.INBOUND).nextHeader();
		String name = protocol == IpPacket.PROTOCOL_ESP
				? "ESP"
				: protocol == IpPacket.PROTOCOL_AH ? "AH" : "IP protocol " + protocol;
		return name + " " + address(IpPacket.source(wire)) + " -> " + address(IpPacket.destination(wire)) + ", "
				+ wire.length + " bytes";
	}

	/** "ESP SPI 12C (esp aes128 hmac-sha1, transport)", outermost last as applied. */
	static String describe(List<SecurityAssociation> sas) {
		return describeSpecs(sas.stream().map(SecurityAssociation::spec).toList());
	}

	private static String describeSpecs(List<SaSpec> specs) {
		List<String> parts = new ArrayList<>();
		for (SaSpec spec : specs)
			parts.add(spec.protocol() + " SPI " + AuditText.spi(spec.spi()) + " (" + algorithms(spec) + ", "
					+ spec.mode().name().toLowerCase(Locale.ROOT) + ")");
		return String.join(" + ", parts);
	}

	private static String algorithms(SaSpec spec) {
		return spec.protocol() == SecurityProtocol.AH
				? spec.integrity().keyword()
				: spec.encryption().keyword()
						+ (spec.encryption().isCombinedMode() ? "" : " " + spec.integrity().keyword());
	}

	private static String address(InetAddress address) {
		return AuditText.address(address);
	}
}
