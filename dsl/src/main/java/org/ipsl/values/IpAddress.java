package org.ipsl.values;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import org.ipsl.model.UserText;

import com.google.common.net.InetAddresses;

/**
 * An IPv4 or IPv6 address or prefix as written in a policy file. A plain address is a prefix of
 * full length (/32 or /128).
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
			if (p.isEmpty() || p.length() > 3 || !Numbers.isDigits(p))
				return Parsed.invalid(UserText.quote(p) + " is not a prefix length");
			prefix = Integer.parseInt(p);
			if (prefix > max)
				return Parsed.invalid("prefix /" + prefix + " is longer than " + max + " bits");
		}
		return Parsed.of(new IpAddress(bytes.value(), prefix, text));
	}

	/** An address's text: dotted IPv4, RFC 5952 IPv6 (never a DNS lookup: the bytes are given). */
	static String format(byte[] bytes) {
		try {
			return InetAddresses.toAddrString(InetAddress.getByAddress(bytes));
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException("not 4 or 16 bytes", e);
		}
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

	private static Parsed<byte[]> parseV6(String address) {
		// Guava parses literals only; it never asks DNS, unlike InetAddress.getByName.
		if (!InetAddresses.isInetAddress(address))
			return Parsed.invalid(UserText.quote(address) + " is not an IPv6 address");
		InetAddress parsed = InetAddresses.forString(address);
		byte[] bytes = parsed.getAddress();
		if (bytes.length == 4) {
			// Guava folds IPv4-mapped literals (::ffff:a.b.c.d) to IPv4; keep them IPv6 as written.
			byte[] mapped = new byte[16];
			mapped[10] = (byte) 0xff;
			mapped[11] = (byte) 0xff;
			System.arraycopy(bytes, 0, mapped, 12, 4);
			bytes = mapped;
		}
		return Parsed.of(bytes);
	}
}
