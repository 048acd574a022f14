package org.ipsl.runtime.host;

import java.time.Clock;
import java.util.function.Consumer;
import org.ipsl.runtime.audit.AuditLog;

/**
 * How a host runs, besides its configuration.
 *
 * @param clock            lifetimes and audit dates
 * @param auditSink        receives each audit entry as formatted (two lines), e.g. to print or write a file
 * @param retainedAudit    audit entries kept in memory for reports
 */
public record HostOptions(Clock clock, Consumer<String> auditSink, int retainedAudit) {

	/** The system clock, audit kept in memory only. */
	public static HostOptions defaults() {
		return new HostOptions(Clock.systemDefaultZone(), entry -> {
		}, AuditLog.DEFAULT_RETAINED);
	}

	public HostOptions withClock(Clock newClock) {
		return new HostOptions(newClock, auditSink, retainedAudit);
	}

	public HostOptions withAuditSink(Consumer<String> newSink) {
		return new HostOptions(clock, newSink, retainedAudit);
	}
}
