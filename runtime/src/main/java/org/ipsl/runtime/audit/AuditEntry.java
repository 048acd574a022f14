package org.ipsl.runtime.audit;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One audit entry. {@link #format()} gives HP-UX's two lines, e.g.
 * <pre>
 * Msg: 67 From: SECPOLICYD Lvl: WARNING Date: Thu Jun 10 13:43:07 2004
 * Event: No SPI for received packet - SPI: 1FE472 IP addr: 10.1.1.1-10.2.2.2 proto: 50
 * </pre>
 *
 * @param number the entry's position in the log, from 1
 */
public record AuditEntry(long number, AuditSource source, AuditLevel level, ZonedDateTime date, String event) {

    /** C's ctime(3) layout: the day of the month is padded with a space, not a zero. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    public String format() {
        return "Msg: " + number + " From: " + source + " Lvl: " + level.label() + " Date: " + CTIME.format(date)
                + "\nEvent: " + event;
    }
}
