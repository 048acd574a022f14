package org.ipsl.runtime.audit;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The STREAMS log of one host: what HP-UX's IPsec STREAMS modules report, such as {@code Padding
 * checks failed} or {@code Bad cipher SA init}, which HP-UX writes to the nettl log and never to
 * the audit file (HP-UX IPSec version A.02.00 Administrator's Guide, pages 183-184; read there with
 * {@code netfmt}). HP-UX's record layout was not found, so a line is IPSL's: the ctime date, then
 * the text. Texts never hold key material. Thread-safe; the most recent {@code retained} lines are kept.
 */
public final class StreamsLog {

	private final Clock clock;
	private final int retained;
	private final ArrayDeque<String> lines = new ArrayDeque<>();
	private long written;

	StreamsLog(Clock clock, int retained) {
		this.clock = clock;
		this.retained = retained;
	}

	public synchronized void record(String text) {
		written++;
		if (lines.size() == retained) {
			lines.removeFirst();
		}
		lines.addLast(AuditEntry.ctime(ZonedDateTime.now(clock)) + " " + text);
	}

	/** How many lines were recorded, the dropped-from-memory ones included. */
	public synchronized long written() {
		return written;
	}

	/** The lines kept, oldest first. */
	public synchronized List<String> lines() {
		return List.copyOf(lines);
	}
}
