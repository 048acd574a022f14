package org.ipsl.runtime.audit;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit log of one host: entries at or above its level are numbered, kept (the most recent
 * {@code retained} of them, as HP-UX keeps the latest audit files) and handed to a sink, e.g. a
 * file writer. Entry texts must never hold key material; callers pass SPIs and addresses only.
 * Thread-safe.
 */
public final class AuditLog {

	/** Entries kept in memory by default, about the 100 KB of one HP-UX audit file several times over. */
	public static final int DEFAULT_RETAINED = 10_000;

	private final Clock clock;
	private final Consumer<String> sink;
	private final int retained;
	private final ArrayDeque<AuditEntry> entries = new ArrayDeque<>();
	private final StreamsLog streams;
	private volatile AuditLevel level;
	private long written;

	/**
	 * @param sink receives each recorded entry, formatted ({@link AuditEntry#format()})
	 */
	public AuditLog(AuditLevel level, Clock clock, Consumer<String> sink, int retained) {
		if (retained < 1) {
			throw new IllegalArgumentException("retained must be positive: " + retained);
		}
		this.level = level;
		this.clock = clock;
		this.sink = sink;
		this.retained = retained;
		this.streams = new StreamsLog(clock, retained);
	}

	/** A log kept in memory only. */
	public AuditLog(AuditLevel level, Clock clock) {
		this(level, clock, formatted -> {
		}, DEFAULT_RETAINED);
	}

	/**
	 * The host's STREAMS log: the components that write audit entries write some events there
	 * instead, as HP-UX's STREAMS modules do.
	 */
	public StreamsLog streams() {
		return streams;
	}

	public AuditLevel level() {
		return level;
	}

	/** {@code ipsec_admin -al}: takes effect for the next entry. */
	public void setLevel(AuditLevel level) {
		this.level = level;
	}

	/** Records the event if the log's level admits it; returns whether it did. */
	public boolean record(AuditSource source, AuditLevel entryLevel, String event) {
		if (!level.admits(entryLevel)) {
			return false;
		}
		// One lock for numbering and the sink, so the sink sees entries in number order.
		synchronized (this) {
			AuditEntry entry = new AuditEntry(++written, source, entryLevel, ZonedDateTime.now(clock), event);
			if (entries.size() == retained) {
				entries.removeFirst();
			}
			entries.addLast(entry);
			sink.accept(entry.format());
		}
		return true;
	}

	/** The entries kept, oldest first. */
	public synchronized List<AuditEntry> entries() {
		return List.copyOf(entries);
	}

	/** How many entries were recorded since the log started, the dropped-from-memory ones included. */
	public synchronized long written() {
		return written;
	}
}
