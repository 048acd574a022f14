package org.ipsl.importer.strongswan;

import java.util.Locale;

import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

/**
 * strongSwan's identity strings as IPSL identities, by strongSwan's rules: {@code %any} is any; a
 * string with {@code =} is a DN; {@code @#HEX} a key ID; {@code @NAME} an FQDN; an address is an
 * IPv4 or IPv6 identity; {@code user@domain} an e-mail (user-fqdn); anything else an FQDN. Typed
 * forms ({@code fqdn:}, {@code email:}, {@code keyid:}, ...) say their kind.
 */
final class Identities {
	/** @param kind IPSL's identity kind, or "any" */
	record Identity(String kind, String value) {
		boolean isAny() {
			return kind.equals("any");
		}

		/** The IPSL text after {@code local-id} / {@code remote-id}. */
		String ipsl() {
			return isAny() ? "any" : kind + " " + IpslWriter.quote(value);
		}

		/** Equal as strongSwan compares identities of one kind (names without case). */
		boolean matches(Identity other) {
			return kind.equals(other.kind) && (kind.equals("dn")
					? value.replace(" ", "").equalsIgnoreCase(other.value.replace(" ", ""))
					: value.equalsIgnoreCase(other.value));
		}
	}

	private Identities() {
	}

	static Identity parse(String text) {
		String id = text.trim();
		if (id.isEmpty() || id.equals("%any") || id.equals("%any6") || id.equals("*"))
			return new Identity("any", "");
		String lower = id.toLowerCase(Locale.ROOT);
		for (String[] typed : new String[][]{{"fqdn:", "fqdn"}, {"email:", "user-fqdn"}, {"rfc822:", "user-fqdn"},
				{"userfqdn:", "user-fqdn"}, {"keyid:", "key-id"}, {"asn1dn:", "dn"}, {"dn:", "dn"}, {"ipv4:", "ipv4"},
				{"ipv6:", "ipv6"}})
			if (lower.startsWith(typed[0]))
				return new Identity(typed[1], id.substring(typed[0].length()));
		if (id.startsWith("@#"))
			return new Identity("key-id", id.substring(2));
		if (id.startsWith("@@"))
			return new Identity("user-fqdn", id.substring(2));
		if (id.startsWith("@"))
			return new Identity("fqdn", id.substring(1));
		if (id.contains("="))
			return new Identity("dn", id);
		Parsed<IpAddress> address = IpAddress.parse(id);
		if (address.ok() && address.value().isHost())
			return new Identity(id.contains(":") ? "ipv6" : "ipv4", id);
		if (id.contains("@"))
			return new Identity("user-fqdn", id);
		return new Identity("fqdn", id);
	}
}
