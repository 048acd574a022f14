package org.ipsl.runtime.audit;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One audit entry. {@link #format()} gives HP-UX's two lines, e.g.
 * <pre>
 * Msg: 31 From: SECPOLICYD Lvl: ALERT Date: Fri Oct 19 16:12:30 2001
 * Event: Integrity Check Value failure - SPI: 1C97D8 IP addr: 15.13.136.52:15.13.136.171 proto: 51.
 * </pre>
 * (HP-UX IPSec version A.02.00 Administrator's Guide, page 293, which spells the weekday out as
 * "Friday"; every other printed entry uses ctime's three letters, as here.)
 *
 * @param number the entry's position in the log, from 1
 */
public record AuditEntry(long number, AuditSource source, AuditLevel level, ZonedDateTime date, String event) {

	/** C's ctime(3) layout: the day of the month is padded with a space, not a zero. */
	private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

	public String format() {
		return "Msg: " + number + " From: " + source + " Lvl: " + level.label() + " Date: " + ctime(date)
				+ "\nEvent: " + event;
	}

	static String ctime(ZonedDateTime date) {
		return CTIME.format(date);
	}
}
