package org.ipsl.values;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.ipsl.model.UserText;

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
			return Parsed.invalid("a range " + UserText.quote(text) + " is from one address to another, without prefixes");
		if (first.value().isV4() != last.value().isV4())
			return Parsed.invalid("the range " + UserText.quote(text) + " mixes IPv4 and IPv6");
		if (number(first.value()).compareTo(number(last.value())) > 0)
			return Parsed.invalid("the range " + UserText.quote(text) + " is reversed");
		return Parsed.of(new AddressRange(first.value(), last.value()));
	}

	/** The fewest prefixes that together hold exactly the range, in address order. */
	public List<IpAddress> prefixes() {
		int bits = first.maxPrefix();
		BigInteger next = number(first), end = number(last);
		List<IpAddress> result = new ArrayList<>();
		while (next.compareTo(end) <= 0) {
			// The largest block that starts at `next` (aligned) and ends within the range.
			int hostBits = next.signum() == 0 ? bits : Math.min(next.getLowestSetBit(), bits);
			while (next.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE).compareTo(end) > 0)
				hostBits--;
			result.add(prefix(next, bits - hostBits));
			next = next.add(BigInteger.ONE.shiftLeft(hostBits));
		}
		return result;
	}

	private IpAddress prefix(BigInteger address, int length) {
		byte[] raw = address.toByteArray();
		byte[] bytes = new byte[first.bytes().length];
		for (int k = 0; k < Math.min(raw.length, bytes.length); k++)
			bytes[bytes.length - 1 - k] = raw[raw.length - 1 - k];
		String text = IpAddress.format(bytes) + (length == first.maxPrefix() ? "" : "/" + length);
		return IpAddress.parse(text).value();
	}

	private static BigInteger number(IpAddress address) {
		return new BigInteger(1, address.bytes());
	}

	@Override
	public String toString() {
		return first + ".." + last;
	}
}
