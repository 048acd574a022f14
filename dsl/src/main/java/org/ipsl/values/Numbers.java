package org.ipsl.values;

import java.util.Optional;

import org.ipsl.catalog.Service;
import org.ipsl.model.Parsed;
import org.ipsl.model.UserText;

/** Reads the numeric values of a policy file, each with its range and a message for the user. */
public final class Numbers {
	public static final long MAX_PRIORITY = 2147483647L;
	public static final long MAX_SPI = 0xFFFFFFFFL;
	/** HP-UX's lifetime bounds (LANGUAGE.md): 0 means no limit. */
	public static final long MIN_LIFETIME_SECONDS = 600, MAX_LIFETIME_SECONDS = 4294967294L;
	public static final long MIN_LIFETIME_KB = 5120, MAX_LIFETIME_KB = 4294967294L;

	private Numbers() {
	}

	/** True for a non-empty string of ASCII digits; false for null, what the parser leaves of a value it could not read. */
	public static boolean isDigits(String text) {
		if (text == null || text.isEmpty())
			return false;
		for (int i = 0; i < text.length(); i++)
			if (text.charAt(i) < '0' || text.charAt(i) > '9')
				return false;
		return true;
	}

	/** A decimal number in [min, max]; {@code what} names it in the message. */
	public static Parsed<Long> decimal(String text, long min, long max, String what) {
		if (text == null || text.length() > 18 || !isDigits(text))
			return Parsed.invalid(UserText.quote(text) + " is not a number: " + what + " must be " + min + "–" + max);
		return inRange(Long.parseLong(text), min, max, what);
	}

	private static Parsed<Long> inRange(long value, long min, long max, String what) {
		if (value < min || value > max)
			return Parsed.invalid(what + " " + value + " is out of range " + min + "–" + max);
		return Parsed.of(value);
	}

	/**
	 * IKE's {@code max-quick-modes}: Quick Modes per IKE SA (HP-UX {@code -maxqm}, default 100; its
	 * upper bound is not in the stored manuals, so IPSL takes a 32-bit signed one).
	 */
	public static Parsed<Long> maxQuickModes(String text) {
		return decimal(text, 1, MAX_PRIORITY, "max-quick-modes");
	}

	public static Parsed<Long> priority(String text) {
		return decimal(text, 1, MAX_PRIORITY, "priority");
	}

	/** An SPI, decimal or {@code 0x} hex, 32 bits unsigned. */
	public static Parsed<Long> spi(String text) {
		if (text != null && (text.startsWith("0x") || text.startsWith("0X"))) {
			String hex = text.substring(2);
			if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0))
				return Parsed.invalid(UserText.quote(text) + " is not an SPI: 32 bits, decimal or 0x hex");
			return Parsed.of(Long.parseLong(hex, 16));
		}
		return decimal(text, 0, MAX_SPI, "SPI");
	}

	/** A lifetime such as {@code 28800}, {@code 480m} or {@code 8h}, in seconds. */
	public static Parsed<Long> lifetimeSeconds(String text) {
		if (text == null)
			return Parsed.invalid("no lifetime");
		long unit = 1;
		String digits = text;
		if (text.endsWith("s") || text.endsWith("m") || text.endsWith("h")) {
			unit = text.endsWith("h") ? 3600 : text.endsWith("m") ? 60 : 1;
			digits = text.substring(0, text.length() - 1);
		}
		if (digits.length() > 12 || !isDigits(digits))
			return Parsed.invalid(UserText.quote(text) + " is not a lifetime: a number of seconds, or with s, m or h");
		long seconds = Long.parseLong(digits) * unit;
		if (seconds == 0)
			return Parsed.of(0L);
		return inRange(seconds, MIN_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS, "lifetime (seconds)");
	}

	/** A lifetime size such as {@code 50000KB}, in kilobytes. */
	public static Parsed<Long> lifetimeKilobytes(String text) {
		if (text == null)
			return Parsed.invalid("no size");
		if (!text.endsWith("KB"))
			return Parsed
					.invalid(UserText.quote(text) + " is not a size: a number of kilobytes ending in KB, e.g. 50000KB");
		String digits = text.substring(0, text.length() - 2);
		if (digits.length() > 12 || !isDigits(digits))
			return Parsed
					.invalid(UserText.quote(text) + " is not a size: a number of kilobytes ending in KB, e.g. 50000KB");
		long kb = Long.parseLong(digits);
		if (kb == 0)
			return Parsed.of(0L);
		return inRange(kb, MIN_LIFETIME_KB, MAX_LIFETIME_KB, "lifetime size (KB)");
	}

	/** A port: a number 0–65535 or an IANA service name; empty when it is neither a number nor a known name. */
	public static Optional<Parsed<Long>> port(String text) {
		if (text == null)
			return Optional.empty();
		if (isDigits(text))
			return Optional.of(decimal(text, 0, 65535, "port"));
		return Service.port(text).map(p -> Parsed.of((long) p));
	}
}
