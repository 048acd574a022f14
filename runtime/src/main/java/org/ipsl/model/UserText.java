package org.ipsl.model;

/**
 * User text (a value, a name) as a message quotes it: whole when short, else its start and end
 * around an ellipsis with its length, so that a 5,000-digit number does not fill the message.
 * Secrets are never quoted at all.
 */
public final class UserText {
	/** Texts up to this length are quoted whole. */
	static final int WHOLE = 40;
	private static final int HEAD = 24, TAIL = 8;

	private UserText() {
	}

	/** The text in single quotes, shortened when long. */
	public static String quote(String text) {
		return "'" + shorten(text) + "'";
	}

	/** The text, or its start, "…" and its end with its length when longer than {@value #WHOLE} characters. */
	public static String shorten(String text) {
		if (text == null || text.length() <= WHOLE)
			return text;
		return text.substring(0, HEAD) + "…" + text.substring(text.length() - TAIL) + " (" + text.length()
				+ " characters)";
	}
}
