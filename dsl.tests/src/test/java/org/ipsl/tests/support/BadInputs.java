package org.ipsl.tests.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Hostile or broken file contents that the checker and the server must survive with diagnostics. */
public final class BadInputs {
	private BadInputs() {
	}

	/** Named texts, all valid UTF-8 (text that is not UTF-8 is a separate, I/O-level case). */
	public static Map<String, String> all() {
		Map<String, String> inputs = new LinkedHashMap<>();
		inputs.put("empty", "");
		inputs.put("binary-garbage", garbage(new Random(42), 4096));
		inputs.put("truncated",
				"host alpha {\n    address 10.1.1.10\n    ike to-beta priority 10 {\n        remote be");
		inputs.put("megabyte-line", "tcp from any to any port 80 discard ".repeat(1024 * 1024 / 36));
		inputs.put("nested-braces", "host h " + "{".repeat(10_000) + "}".repeat(10_000));
		inputs.put("unterminated-string",
				"host h {\n    ike i {\n        remote any\n        authentication preshared \"abc\n    }\n}\n");
		inputs.put("unterminated-comment", "host h {\n    address 10.0.0.1 /* never closed\n    default pass\n}\n");
		// Xtext 2.41 reads past a lone CR that ends the text when it places the error's end.
		inputs.put("syntax-error-at-a-final-lone-cr", "host h {\n    address 10.0.0.1 \"abc\r");
		// ... and when it places a check's error in such a text.
		inputs.put("check-error-before-a-final-lone-cr", "host h {\n    address 11.0.l\r");
		return inputs;
	}

	/** Code points of every kind, control characters and NUL included. */
	private static String garbage(Random random, int length) {
		StringBuilder text = new StringBuilder();
		while (text.length() < length) {
			int cp = random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x3000);
			if (!Character.isSurrogate((char) cp))
				text.appendCodePoint(cp);
		}
		return text.toString();
	}
}
