package org.ipsl.importer.hpux;

import java.util.Map;
import java.util.Optional;

import org.ipsl.importer.hpux.BatchReader.Word;
import org.ipsl.model.IpAddress;
import org.ipsl.model.IpProtocol;
import org.ipsl.model.Parsed;
import org.ipsl.model.Selector;
import org.ipsl.values.Numbers;

/**
 * Address filters {@code ip_addr[/prefix[/port_number|service_name]]} and {@code -protocol} values
 * of host and tunnel policies (HP-UX IPSec A.02.00 Administrator's Guide, pages 76 and 89).
 */
final class Filters {
	/** IP protocol numbers: what {@code ipsec_config} names ({@link IpProtocol#hpuxName}) and IPSL writes. */
	static final int ALL = Selector.ANY, TCP = Selector.TCP, UDP = Selector.UDP;
	/**
	 * The service names of Table 3-1 that a stored manual page prints (A.02.00 guide, page 76); the
	 * rest of the table is not found, so other names are refused rather than guessed.
	 */
	private static final Map<String, int[]> SERVICES = Map.of("DNS-TCP", new int[]{53, TCP}, "DNS-UDP",
			new int[]{53, UDP}, "FTP-DATA", new int[]{20, TCP});

	/**
	 * One side of a policy.
	 *
	 * @param port            0 for every port
	 * @param serviceProtocol the protocol a service name sets, or null
	 */
	record Filter(IpAddress prefix, int port, Integer serviceProtocol) {
	}

	private Filters() {
	}

	/** The shipped profile's default {@code 0.0.0.0/0/0} (A.02.00 manpages, page 15). */
	static Filter anyIpv4() {
		return new Filter(IpAddress.parse("0.0.0.0/0").value(), 0, null);
	}

	static Filter filter(Word word) throws Refusal {
		String[] parts = word.text().split("/", -1);
		if (parts.length > 3 || parts[0].isEmpty())
			throw Refusal.unreadable(word,
					"'" + word.text() + "' is not an address filter: ip_addr[/prefix[/port|service]]");
		IpAddress prefix = prefix(word, parts[0], parts.length > 1 ? parts[1] : null);
		if (parts.length < 3)
			return new Filter(prefix, 0, null);
		String port = parts[2];
		if (Numbers.isDigits(port)) {
			Parsed<Long> number = Numbers.decimal(port, 0, 65535, "port");
			if (!number.ok())
				throw Refusal.unreadable(word, number.error());
			return new Filter(prefix, number.value().intValue(), null);
		}
		int[] service = SERVICES.get(port);
		if (service == null)
			throw Refusal.inexpressible(word, "service name '" + port + "' is not one the stored manual pages print "
					+ "(DNS-TCP, DNS-UDP, FTP-DATA): write the port number and -protocol instead");
		return new Filter(prefix, service[0], service[1]);
	}

	/** An address with an optional prefix length; without one it is 32 (128), or 0 for the all-zero address. */
	static IpAddress prefix(Word word, String address, String length) throws Refusal {
		Parsed<IpAddress> plain = IpAddress.parse(address);
		if (!plain.ok())
			throw Refusal.unreadable(word, "'" + address + "' is not an IPv4 or IPv6 address: " + plain.error());
		boolean zero = true;
		for (byte b : plain.value().bytes())
			zero &= b == 0;
		String bits = length != null ? length : Integer.toString(zero ? 0 : plain.value().maxPrefix());
		Parsed<IpAddress> prefix = IpAddress.parse(address + "/" + bits);
		if (!prefix.ok())
			throw Refusal.unreadable(word, "prefix length '" + bits + "' is out of range 0–" + plain.value().maxPrefix()
					+ " for " + address);
		return prefix.value();
	}

	/** The protocol number, or {@link #ALL}. */
	static int protocol(Word word) throws Refusal {
		if (word.text().equals("ALL"))
			return ALL;
		Optional<IpProtocol> named = IpProtocol.byHpuxName(word.text());
		if (named.isPresent())
			return named.get().number();
		Parsed<Long> number = Numbers.decimal(word.text(), 0, 255, "protocol number");
		if (!number.ok())
			throw Refusal.unreadable(word, "'" + word.text() + "' is not a protocol: TCP, UDP, ICMP, ICMPV6, IGMP, MH, "
					+ "ALL or a number 0–255");
		return number.value() == 0 ? ALL : number.value().intValue();
	}
}
