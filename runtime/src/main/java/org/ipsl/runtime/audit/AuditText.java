package org.ipsl.runtime.audit;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import org.ipsl.model.IpRange;

/** The pieces of HP-UX event lines that name an SA or a packet. */
public final class AuditText {

	private AuditText() {
	}

	/**
	 * "SPI: 1C97D8 IP addr: 15.13.136.52:15.13.136.171 proto: 51", as HP-UX's {@code Integrity Check
	 * Value failure} entry names a packet (HP-UX IPSec version A.02.00 Administrator's Guide, page
	 * 293; {@link HpuxEvent#naming} adds its full stop): the SPI in hex, source:destination, the IP
	 * protocol number.
	 */
	public static String identity(long spi, InetAddress source, InetAddress destination, int protocol) {
		return "SPI: " + spi(spi) + " IP addr: " + addresses(source, destination) + " proto: " + protocol;
	}

	/**
	 * "15.13.136.52:15.13.136.171": source and destination as the manual's entries join them. The
	 * manuals print no IPv6 entry; IPSL brackets IPv6 addresses so that the colon stays readable:
	 * "[2001:db8::1]:[2001:db8::2]".
	 */
	public static String addresses(InetAddress source, InetAddress destination) {
		return joined(source) + ":" + joined(destination);
	}

	private static String joined(InetAddress address) {
		return address instanceof Inet4Address ? address.getHostAddress() : "[" + address(address) + "]";
	}

	public static String spi(long spi) {
		return Long.toHexString(spi).toUpperCase(Locale.ROOT);
	}

	/** Dotted IPv4, or IPv6 in its RFC 5952 short form. */
	public static String address(InetAddress address) {
		if (address instanceof Inet4Address) {
			return address.getHostAddress();
		}
		// An Inet6Address is never IPv4-mapped (Java makes those Inet4Address), so the plain
		// 128-bit value is the model's number for it.
		return IpRange.format(new BigInteger(1, address.getAddress()));
	}
}
