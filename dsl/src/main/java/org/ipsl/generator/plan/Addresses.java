package org.ipsl.generator.plan;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.ipsl.model.IpAddress;

import com.google.common.net.InetAddresses;

/** Address lists of the plan and the pairs a selector stands for. */
public final class Addresses {
	/** {@code any}: every address of both families. */
	public static final List<IpAddress> ANY = List.of(IpAddress.parse("0.0.0.0/0").value(),
			IpAddress.parse("::/0").value());

	private Addresses() {
	}

	/** A local and a remote prefix of one family. */
	public record Pair(IpAddress local, IpAddress remote) {
	}

	/**
	 * Every same-family pair of a local and a remote prefix, local-major in written order: what a
	 * target that takes one prefix per side needs, one entry per pair.
	 */
	public static List<Pair> pairs(List<IpAddress> local, List<IpAddress> remote) {
		List<Pair> pairs = new ArrayList<>();
		for (IpAddress l : local)
			for (IpAddress r : remote)
				if (l.isV4() == r.isV4())
					pairs.add(new Pair(l, r));
		return pairs;
	}

	/**
	 * The prefix as {@code network/length} in canonical form (host bits cleared, IPv6 as RFC 5952
	 * writes it), as kernels print it back.
	 */
	public static String cidr(IpAddress address) {
		byte[] bytes = address.bytes().clone();
		for (int bit = address.prefixLength(); bit < bytes.length * 8; bit++)
			bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
		return canonical(bytes) + "/" + address.prefixLength();
	}

	/** One address in canonical form, without a length. */
	public static String plain(IpAddress address) {
		return canonical(address.bytes());
	}

	private static String canonical(byte[] bytes) {
		try {
			InetAddress address = bytes.length == 4
					? Inet4Address.getByAddress(bytes)
					: Inet6Address.getByAddress(null, bytes, null);
			return InetAddresses.toAddrString(address);
		} catch (UnknownHostException e) {
			throw new IllegalStateException("4 or 16 bytes are always an address", e);
		}
	}
}
