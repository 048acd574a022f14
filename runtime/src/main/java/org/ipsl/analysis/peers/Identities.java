package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpRange;

/** IKE identities as Main Mode compares them: what a host sends, and whether it is what the peer expects. */
public final class Identities {
	private Identities() {
	}

	/**
	 * The identity a host sends from an address: its {@code local-id}, else (HP-UX, preshared keys)
	 * the address itself; unknown with certificates and no {@code local-id}.
	 */
	static Optional<IkeIdentity> sent(PeerIke ike, IpRange address) {
		if (ike.localId().isPresent())
			return ike.localId();
		if (ike.authentication().method() == IkeAuthentication.Method.CERTIFICATE)
			return Optional.empty();
		return Optional.of(new IkeIdentity(address.isIpv4() ? IkeIdentity.Kind.IPV4 : IkeIdentity.Kind.IPV6,
				IpRange.format(address.first())));
	}

	/** Addresses by value, names ignoring case and a final dot, X.500 names by attribute in either order. */
	static boolean same(IkeIdentity a, IkeIdentity b) {
		if (a.kind() != b.kind())
			return false;
		return switch (a.kind()) {
			case ANY -> true;
			case KEY_ID -> a.value().equals(b.value());
			case IPV4, IPV6 -> address(a.value()).equals(address(b.value()));
			case FQDN, USER_FQDN -> name(a.value()).equals(name(b.value()));
			case DN -> {
				List<String> x = attributes(a.value()), y = attributes(b.value());
				List<String> reversed = new ArrayList<>(y);
				Collections.reverse(reversed);
				yield x.equals(y) || x.equals(reversed);
			}
		};
	}

	/**
	 * Whether a peer that sends {@code sent} is the one a {@code remote-id} of {@code expected}
	 * accepts, as strongSwan matches: {@code any} takes every identity; in a name a leading {@code *}
	 * stands for any beginning ({@code *.example.com}, {@code *@example.com}); in a DN an attribute
	 * whose value is {@code *} takes any value of that attribute, in the same place.
	 */
	public static boolean matches(IkeIdentity expected, IkeIdentity sent) {
		if (expected.kind() == IkeIdentity.Kind.ANY)
			return true;
		if (!expected.isWildcard() || expected.kind() != sent.kind())
			return same(expected, sent);
		if (expected.kind() == IkeIdentity.Kind.DN) {
			List<String> pattern = attributes(expected.value()), actual = attributes(sent.value());
			if (pattern.size() != actual.size())
				return false;
			for (int k = 0; k < pattern.size(); k++) {
				String p = pattern.get(k), a = actual.get(k);
				boolean anyValue = p.endsWith("=*") && a.startsWith(p.substring(0, p.length() - 1));
				if (!anyValue && !p.equals(a))
					return false;
			}
			return true;
		}
		String pattern = name(expected.value()), actual = name(sent.value());
		return pattern.startsWith("*") && actual.endsWith(pattern.substring(1));
	}

	private static Optional<IpRange> address(String text) {
		try {
			return Optional.of(IpRange.parse(text.trim()));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static String name(String text) {
		String lower = text.trim().toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static List<String> attributes(String dn) {
		List<String> result = new ArrayList<>();
		for (String part : dn.split(",")) {
			String[] kv = part.split("=", 2);
			result.add(kv.length < 2
					? part.trim().toLowerCase(Locale.ROOT)
					: kv[0].trim().toLowerCase(Locale.ROOT) + "=" + kv[1].trim().toLowerCase(Locale.ROOT));
		}
		return result;
	}
}
