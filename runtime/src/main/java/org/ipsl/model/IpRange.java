package org.ipsl.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * An inclusive interval of addresses, each a 128-bit unsigned number. IPv4 addresses live in
 * the IPv4-mapped block ::ffff:0:0/96 (RFC 4291 2.5.5.2), so the two families never overlap.
 */
public record IpRange(BigInteger first, BigInteger last) implements Comparable<IpRange> {

	public static final BigInteger MAX_ADDRESS = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
	private static final BigInteger IPV4_BASE = BigInteger.valueOf(0xffffL).shiftLeft(32);
	private static final BigInteger IPV4_SIZE = BigInteger.ONE.shiftLeft(32);

	/** Every address of both families. */
	public static final IpRange ALL = new IpRange(BigInteger.ZERO, MAX_ADDRESS);
	/** Every IPv4 address, 0.0.0.0/0. */
	public static final IpRange IPV4 = new IpRange(IPV4_BASE, IPV4_BASE.add(IPV4_SIZE).subtract(BigInteger.ONE));
	/** Every IPv6 address: all of the 128-bit space except the IPv4-mapped block. */
	public static final List<IpRange> IPV6 = List.of(
			new IpRange(BigInteger.ZERO, IPV4_BASE.subtract(BigInteger.ONE)),
			new IpRange(IPV4_BASE.add(IPV4_SIZE), MAX_ADDRESS));

	public IpRange {
		if (first.signum() < 0 || last.compareTo(MAX_ADDRESS) > 0 || first.compareTo(last) > 0) {
			throw new IllegalArgumentException("not an address range: " + first + ".." + last);
		}
	}

	/**
	 * An address ("10.1.1.10", "::1"), a prefix ("10.1.0.0/16", "2001:db8::/32"; host bits are
	 * ignored) or a range of one family ("10.1.0.17..10.1.0.20", {@link AddressRange}).
	 *
	 * @throws IllegalArgumentException saying what is wrong, as {@link IpAddress#parse} does
	 */
	public static IpRange parse(String text) {
		if (AddressRange.isRange(text)) {
			Parsed<AddressRange> range = AddressRange.parse(text);
			if (!range.ok()) {
				throw new IllegalArgumentException(range.error());
			}
			return range.value().range();
		}
		Parsed<IpAddress> address = IpAddress.parse(text);
		if (!address.ok()) {
			throw new IllegalArgumentException(address.error());
		}
		return of(address.value());
	}

	/** The addresses of a prefix; an IPv4 one in the IPv4-mapped block. */
	public static IpRange of(IpAddress prefix) {
		BigInteger address = new BigInteger(1, prefix.bytes());
		return prefix.isV4()
				? prefix(IPV4_BASE.add(address), 96 + prefix.prefixLength())
				: prefix(address, prefix.prefixLength());
	}

	/** One address, as text. */
	public static BigInteger parseAddress(String text) {
		if (text.indexOf('/') >= 0) {
			throw new IllegalArgumentException(UserText.quote(text) + " is a prefix, not one address");
		}
		return parse(text).first();
	}

	/** The prefix of the given length (counted over all 128 bits) around the address. */
	private static IpRange prefix(BigInteger address, int length128) {
		BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - length128).subtract(BigInteger.ONE);
		BigInteger network = address.andNot(hostMask);
		return new IpRange(network, network.or(hostMask));
	}

	public boolean isIpv4() {
		return IPV4.contains(this);
	}

	public boolean isIpv6() {
		return !overlaps(IPV4);
	}

	public boolean contains(IpRange other) {
		return first.compareTo(other.first) <= 0 && other.last.compareTo(last) <= 0;
	}

	public boolean contains(BigInteger address) {
		return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
	}

	public boolean overlaps(IpRange other) {
		return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
	}

	public Optional<IpRange> intersect(IpRange other) {
		if (!overlaps(other)) {
			return Optional.empty();
		}
		return Optional.of(new IpRange(first.max(other.first), last.min(other.last)));
	}

	/** Number of addresses. */
	public BigInteger size() {
		return last.subtract(first).add(BigInteger.ONE);
	}

	@Override
	public int compareTo(IpRange other) {
		int byFirst = first.compareTo(other.first);
		return byFirst != 0 ? byFirst : last.compareTo(other.last);
	}

	/** "10.1.0.0/16", "10.1.1.10", "2001:db8::/32", or "first..last" when not a prefix. */
	@Override
	public String toString() {
		BigInteger size = size();
		boolean isPrefix = size.bitCount() == 1 && first.mod(size).signum() == 0;
		if (!isPrefix) {
			return format(first) + ".." + format(last);
		}
		int hostBits = size.bitLength() - 1;
		if (isIpv4()) {
			return hostBits == 0 ? format(first) : format(first) + "/" + (32 - hostBits);
		}
		return hostBits == 0 ? format(first) : formatIpv6(first) + "/" + (128 - hostBits);
	}

	/** An address as text: dotted IPv4 inside the mapped block, RFC 5952 IPv6 otherwise. */
	public static String format(BigInteger address) {
		if (IPV4.contains(address)) {
			long v4 = address.subtract(IPV4_BASE).longValueExact();
			return (v4 >>> 24) + "." + ((v4 >>> 16) & 0xff) + "." + ((v4 >>> 8) & 0xff) + "." + (v4 & 0xff);
		}
		return formatIpv6(address);
	}

	private static String formatIpv6(BigInteger address) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
		}
		// RFC 5952 4.2: the longest run of two or more zero groups (the first on a tie) becomes "::".
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = j == i ? i + 1 : j;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}
}
