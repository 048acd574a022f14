package org.ipsl.incremental;

/**
 * Whether the incremental machinery may reuse what it computed before: the results kept on model
 * objects ({@link Memo}), the analyses built from a host's previous version, the reparse of only
 * the edited region, the lexer's resume points, the link lookups and fragments kept during one
 * resolution. With caches off every mechanism of this package computes what Xtext or the analysis
 * computes from scratch, so that a wrong cache shows as a difference (the property tests compare
 * both; a user who suspects one can compare too).
 * <p>
 * Off for the whole process with {@code -Dipsl.caches=off}, or by the language server's client
 * ({@code initializationOptions} {@code {"caches": "off"}}, {@code ipsl lsp --no-caches}).
 */
public final class Caches {
	/** The system property; {@code off} turns every cache off. */
	public static final String PROPERTY = "ipsl.caches";

	private static volatile boolean enabled = !"off".equalsIgnoreCase(System.getProperty(PROPERTY, "on").trim());

	private Caches() {
	}

	public static boolean enabled() {
		return enabled;
	}

	/** Turns the caches on or off for the whole process, from the next computation on. */
	public static void set(boolean on) {
		enabled = on;
	}
}
