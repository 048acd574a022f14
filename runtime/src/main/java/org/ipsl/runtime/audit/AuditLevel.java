package org.ipsl.runtime.audit;

import java.util.Locale;

/**
 * HP-UX audit levels, most severe first. A log set to one level records entries of that level and
 * of every more severe one ({@code ipsec_admin -al}); HP-UX's default is {@link #ERROR}.
 */
public enum AuditLevel {
	ALERT, ERROR, WARNING, INFORMATIVE, DEBUG;

	/** Whether a log set to this level records an entry of {@code entryLevel}. */
	public boolean admits(AuditLevel entryLevel) {
		return entryLevel.ordinal() <= ordinal();
	}

	/** The level as {@code ipsec_admin -al} and the language spell it: "alert" … "debug". */
	public static AuditLevel parse(String text) {
		return valueOf(text.toUpperCase(Locale.ROOT));
	}

	/** The spelling after {@code Lvl:} in an entry. */
	public String label() {
		return name();
	}
}
