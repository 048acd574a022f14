package org.ipsl.importer.strongswan;

import java.util.Locale;

import org.ipsl.importer.strongswan.Connection.Selector;
import org.ipsl.importer.strongswan.Connection.Text;

/**
 * strongSwan traffic selectors: {@code ADDRESS[PROTOCOL/PORT]}, where ADDRESS is a prefix, an
 * address, a range {@code A-B}, {@code dynamic} (the IKE_SA's own address) or {@code %any}, and the
 * part in brackets is optional ({@code [tcp]}, {@code [tcp/80]}, {@code [/53]}, {@code [udp/%any]}).
 */
final class Selectors {
	private Selectors() {
	}

	static Selector parse(Text text, Problems problems) {
		String value = text.value();
		String address = value, protocol = null, port = null;
		int open = value.indexOf('[');
		if (open >= 0) {
			if (!value.endsWith("]")) {
				problems.unreadable(text.at(),
						"traffic selector " + value + ": the [PROTOCOL/PORT] part is not closed");
				return new Selector(value.substring(0, open), null, null, text.at());
			}
			address = value.substring(0, open);
			String inner = value.substring(open + 1, value.length() - 1);
			int slash = inner.indexOf('/');
			protocol = slash < 0 ? inner : inner.substring(0, slash);
			port = slash < 0 ? null : inner.substring(slash + 1);
		}
		return new Selector(address(address), blankAny(protocol), blankAny(port), text.at());
	}

	/** ipsec.conf's {@code leftprotoport}: {@code PROTOCOL[/PORT]} for every subnet of that side. */
	static Selector withProtoPort(Selector s, String protoPort) {
		int slash = protoPort.indexOf('/');
		String protocol = slash < 0 ? protoPort : protoPort.substring(0, slash);
		String port = slash < 0 ? null : protoPort.substring(slash + 1);
		return new Selector(s.address(), blankAny(protocol), blankAny(port), s.at());
	}

	private static String address(String address) {
		String lower = address.toLowerCase(Locale.ROOT);
		if (lower.equals("dynamic") || lower.equals("%dynamic") || lower.isEmpty())
			return "dynamic";
		if (lower.equals("%any") || lower.equals("%any4") || lower.equals("%any6"))
			return "%any";
		return address;
	}

	private static String blankAny(String part) {
		return part == null || part.isEmpty() || part.equalsIgnoreCase("%any") ? null : part;
	}
}
