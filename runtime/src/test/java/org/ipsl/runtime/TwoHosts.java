package org.ipsl.runtime;

import java.util.Random;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.ipsec.IpsecEngine;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.sad.SpiRange;

/** A sender and a receiver, each with its SAD, engine and audit log (level debug: every entry kept). */
public final class TwoHosts {

	public final MutableClock clock = new MutableClock();
	public final AuditLog senderAudit = new AuditLog(AuditLevel.DEBUG, clock);
	/** The receiver's latest audit entry as written, without copying the log. */
	public volatile String lastReceiverAuditLine;
	public final AuditLog receiverAudit = new AuditLog(AuditLevel.DEBUG, clock, line -> lastReceiverAuditLine = line,
			AuditLog.DEFAULT_RETAINED);
	public final IpsecEngine sender = new IpsecEngine(
			new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, senderAudit), senderAudit);
	public final IpsecEngine receiver = new IpsecEngine(
			new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, receiverAudit), receiverAudit);

	/** The two ends of one SA: the sender's outbound copy and the receiver's inbound one. */
	public record Link(SecurityAssociation outbound, SecurityAssociation inbound) {
	}

	/** Adds an SA with random keys to both hosts, as manual SAs. */
	public Link link(long spi, SecurityProtocol protocol, Mode mode, String source, String destination,
			TestSas.Suite suite, Random random) {
		return link(TestSas.spec(Direction.OUTBOUND, spi, protocol, mode, source, destination, suite, random));
	}

	public Link link(SaSpec outbound) {
		return new Link(added(sender.sad().addManual(outbound)),
				added(receiver.sad().addManual(TestSas.inbound(outbound))));
	}

	private static SecurityAssociation added(SaAddition addition) {
		if (addition instanceof SaAddition.Added added) {
			return added.sa();
		}
		throw new IllegalStateException("SA refused: " + addition);
	}
}
