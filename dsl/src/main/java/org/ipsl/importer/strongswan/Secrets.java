package org.ipsl.importer.strongswan;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A preshared key's value as the IPSL secret file holds it: strongSwan's hex form ({@code 0x...})
 * kept (the strongswan generator writes it back as it is), base64 ({@code 0s...}) turned into hex,
 * and anything else the key's own text. Messages never show the value.
 */
final class Secrets {
	private Secrets() {
	}

	/** The value, or null (reported) when a hex or base64 form is not valid. */
	static String decode(Setting secret, Problems problems) {
		String value = secret.value;
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.startsWith("0x")) {
			String hex = value.substring(2);
			if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]+")) {
				problems.unreadable(secret.at, "the secret starts with 0x but is not pairs of hex digits");
				return null;
			}
			return "0x" + hex.toLowerCase(Locale.ROOT);
		}
		if (lower.startsWith("0s")) {
			try {
				return "0x" + HexFormat.of().formatHex(Base64.getDecoder().decode(value.substring(2)));
			} catch (IllegalArgumentException e) {
				problems.unreadable(secret.at, "the secret starts with 0s but is not base64");
				return null;
			}
		}
		if (value.isEmpty()) {
			problems.unreadable(secret.at, "the secret is empty");
			return null;
		}
		return value;
	}
}
