package org.ipsl.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of addresses written {@code FIRST..LAST} in a network or an endpoint: two plain addresses
 * of one family, the first not above the last (strongSwan's {@code 10.1.0.17-10.1.0.20}).
 */
public record AddressRange(IpAddress first, IpAddress last) {

	/** Whether an address text is written as a range (and so is read here, not by {@link IpAddress#parse}). */
	public static boolean isRange(String text) {
		return text != null && text.contains("..");
	}

	public static Parsed<AddressRange> parse(String text) {
		int dots = text.indexOf("..");
		Parsed<IpAddress> first = IpAddress.parse(text.substring(0, dots));
		Parsed<IpAddress> last = IpAddress.parse(text.substring(dots + 2));
		if (!first.ok())
			return Parsed.invalid(first.error());
		if (!last.ok())
			return Parsed.invalid(last.error());
		if (!first.value().isHost() || !last.value().isHost())
			return Parsed
					.invalid("a range " + UserText.quote(text) + " is from one address to another, without prefixes");
		if (first.value().isV4() != last.value().isV4())
			return Parsed.invalid("the range " + UserText.quote(text) + " mixes IPv4 and IPv6");
		if (IpRange.of(first.value()).first().compareTo(IpRange.of(last.value()).first()) > 0)
			return Parsed.invalid("the range " + UserText.quote(text) + " is reversed");
		return Parsed.of(new AddressRange(first.value(), last.value()));
	}

	public IpRange range() {
		return new IpRange(IpRange.of(first).first(), IpRange.of(last).last());
	}

	/** The fewest prefixes that together hold exactly the range, in address order. */
	public List<IpAddress> prefixes() {
		int bits = first.maxPrefix();
		BigInteger next = IpRange.of(first).first(), end = IpRange.of(last).last();
		List<IpAddress> result = new ArrayList<>();
		while (next.compareTo(end) <= 0) {
			// The largest block that starts at `next` (aligned) and ends within the range.
			int hostBits = next.signum() == 0 ? bits : Math.min(next.getLowestSetBit(), bits);
			while (next.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE).compareTo(end) > 0)
				hostBits--;
			result.add(IpAddress.parse(IpRange.format(next) + (hostBits == 0 ? "" : "/" + (bits - hostBits))).value());
			next = next.add(BigInteger.ONE.shiftLeft(hostBits));
		}
		return result;
	}

	@Override
	public String toString() {
		return first + ".." + last;
	}
}
