package org.ipsl.model;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address or prefix as written in a policy file, {@code runtime.json} or on the
 * command line. A plain address is a prefix of full length (/32 or /128). {@link #parse} is the one
 * address parser: {@link IpRange#parse} reads through it too.
 */
public record IpAddress(byte[] bytes, int prefixLength, String text) {

	public boolean isV4() {
		return bytes.length == 4;
	}

	public int maxPrefix() {
		return bytes.length * 8;
	}

	public boolean isHost() {
		return prefixLength == maxPrefix();
	}

	/** True when the two prefixes share at least one address. */
	public boolean overlaps(IpAddress other) {
		if (isV4() != other.isV4())
			return false;
		int common = Math.min(prefixLength, other.prefixLength);
		return samePrefix(other, common);
	}

	/** True when every address of {@code other} lies in this prefix. */
	public boolean covers(IpAddress other) {
		return isV4() == other.isV4() && prefixLength <= other.prefixLength && samePrefix(other, prefixLength);
	}

	private boolean samePrefix(IpAddress other, int bits) {
		for (int i = 0; i < bits; i++) {
			int mask = 0x80 >>> (i % 8);
			if ((bytes[i / 8] & mask) != (other.bytes[i / 8] & mask))
				return false;
		}
		return true;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IpAddress other && prefixLength == other.prefixLength && Arrays.equals(bytes, other.bytes);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(bytes) + prefixLength;
	}

	@Override
	public String toString() {
		return text;
	}

	/**
	 * Reads {@code a.b.c.d[/n]} or an IPv6 literal {@code [/n]}, with a message for each mistake.
	 * Null is what the parser leaves of an address it could not read: invalid, the syntax error says why.
	 */
	public static Parsed<IpAddress> parse(String text) {
		if (text == null)
			return Parsed.invalid("no address");
		int slash = text.indexOf('/');
		String address = slash < 0 ? text : text.substring(0, slash);
		boolean v4 = !address.contains(":");
		Parsed<byte[]> bytes = v4 ? parseV4(address) : parseV6(address);
		if (!bytes.ok())
			return Parsed.invalid(bytes.error());
		int max = v4 ? 32 : 128;
		int prefix = max;
		if (slash >= 0) {
			String p = text.substring(slash + 1);
			if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9'))
				return Parsed.invalid(UserText.quote(p) + " is not a prefix length");
			prefix = Integer.parseInt(p);
			if (prefix > max)
				return Parsed.invalid("prefix /" + prefix + " is longer than " + max + " bits");
		}
		return Parsed.of(new IpAddress(bytes.value(), prefix, text));
	}

	/** Four decimal octets; a plain loop, since every address of a large policy file passes here. */
	private static Parsed<byte[]> parseV4(String address) {
		byte[] bytes = new byte[4];
		int octet = 0, value = 0, digits = 0;
		for (int i = 0; i <= address.length(); i++) {
			char c = i < address.length() ? address.charAt(i) : '.';
			if (c >= '0' && c <= '9' && digits < 3) {
				value = value * 10 + (c - '0');
				digits++;
			} else if (c == '.' && digits > 0 && octet < 4) {
				if (value > 255)
					return Parsed.invalid("octet " + value + " of " + address + " is above 255");
				bytes[octet++] = (byte) value;
				value = 0;
				digits = 0;
			} else {
				return notIpv4(address);
			}
		}
		return octet == 4 ? Parsed.of(bytes) : notIpv4(address);
	}

	private static Parsed<byte[]> notIpv4(String address) {
		return Parsed.invalid(UserText.quote(address) + " is not an IPv4 address (four octets a.b.c.d)");
	}

	/**
	 * Eight colon-separated hex groups, a run of which "::" may leave out, the last two of which may
	 * be written as a dotted IPv4 address. Literals only: no name is ever resolved.
	 */
	private static Parsed<byte[]> parseV6(String address) {
		int gap = address.indexOf("::");
		if (gap >= 0 && address.indexOf("::", gap + 1) >= 0)
			return notIpv6(address);
		int[] head = groups(gap < 0 ? address : address.substring(0, gap), gap < 0);
		int[] tail = gap < 0 ? new int[0] : groups(address.substring(gap + 2), true);
		if (head == null || tail == null)
			return notIpv6(address);
		int missing = 8 - head.length - tail.length;
		if (gap < 0 ? missing != 0 : missing < 1)
			return notIpv6(address);
		byte[] bytes = new byte[16];
		for (int i = 0; i < head.length; i++)
			put16(bytes, i, head[i]);
		for (int i = 0; i < tail.length; i++)
			put16(bytes, 8 - tail.length + i, tail[i]);
		return Parsed.of(bytes);
	}

	private static void put16(byte[] bytes, int group, int value) {
		bytes[2 * group] = (byte) (value >>> 8);
		bytes[2 * group + 1] = (byte) value;
	}

	/** The 16-bit groups of one side of "::", or null when one is not a group. */
	private static int[] groups(String part, boolean endsAddress) {
		if (part.isEmpty())
			return new int[0];
		String[] fields = part.split(":", -1);
		String last = fields[fields.length - 1];
		boolean dotted = endsAddress && last.indexOf('.') >= 0;
		int[] groups = new int[fields.length + (dotted ? 1 : 0)];
		for (int i = 0; i < fields.length; i++) {
			String field = fields[i];
			if (dotted && i == fields.length - 1) {
				Parsed<byte[]> v4 = parseV4(field);
				if (!v4.ok())
					return null;
				byte[] b = v4.value();
				groups[i] = (b[0] & 0xff) << 8 | (b[1] & 0xff);
				groups[i + 1] = (b[2] & 0xff) << 8 | (b[3] & 0xff);
			} else if (field.length() >= 1 && field.length() <= 4 && field.chars().allMatch(IpAddress::isHexDigit)) {
				groups[i] = Integer.parseInt(field, 16);
			} else {
				return null;
			}
		}
		return groups;
	}

	private static boolean isHexDigit(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static Parsed<byte[]> notIpv6(String address) {
		return Parsed.invalid(UserText.quote(address) + " is not an IPv6 address");
	}
}
