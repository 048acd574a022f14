package org.ipsl.analysis.ikev2;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipsl.model.IpRange;

/**
 * One IKEv2 traffic selector (RFC 7296 §3.13.1): an address range, an IP protocol (0 for any) and a
 * port range (for ICMP, type and code as strongSwan packs them: type in the high byte).
 */
public record IkeTrafficSelector(IpRange range, int protocol, int fromPort, int toPort) {

	public static final int ANY_PROTOCOL = 0;
	private static final int MAX_PORT = 0xffff;
	private static final int ICMP = 1, TCP = 6, UDP = 17, ICMPV6 = 58;
	/** The protocol and service names strongSwan's hosts print (getprotobynumber, getservbyport). */
	private static final Map<Integer, String> PROTOCOLS = Map.of(ICMP, "icmp", TCP, "tcp", UDP, "udp", ICMPV6,
			"ipv6-icmp",
			50, "esp", 51, "ah", 47, "gre", 132, "sctp");
	private static final Map<Integer, String> SERVICES = Map.ofEntries(Map.entry(20, "ftp-data"), Map.entry(21, "ftp"),
			Map.entry(22, "ssh"), Map.entry(23, "telnet"), Map.entry(25, "smtp"), Map.entry(53, "domain"),
			Map.entry(67, "bootps"),
			Map.entry(68, "bootpc"), Map.entry(80, "http"), Map.entry(123, "ntp"), Map.entry(161, "snmp"),
			Map.entry(443, "https"),
			Map.entry(500, "isakmp"), Map.entry(1701, "l2tp"), Map.entry(4500, "ipsec-nat-t"));

	public IkeTrafficSelector {
		if (fromPort < 0 || toPort > MAX_PORT)
			throw new IllegalArgumentException("port out of range");
	}

	/** All traffic of a range. */
	public static IkeTrafficSelector of(IpRange range) {
		return new IkeTrafficSelector(range, ANY_PROTOCOL, 0, MAX_PORT);
	}

	public static IkeTrafficSelector of(String range) {
		return of(IpRange.parse(range));
	}

	public IkeTrafficSelector withProtocol(int newProtocol) {
		return new IkeTrafficSelector(range, newProtocol, fromPort, toPort);
	}

	public IkeTrafficSelector withPorts(int from, int to) {
		return new IkeTrafficSelector(range, protocol, from, to);
	}

	private boolean anyPort() {
		return fromPort == 0 && toPort == MAX_PORT;
	}

	/** What both select, or empty: strongSwan's traffic_selector_t.get_subset. */
	public Optional<IkeTrafficSelector> subset(IkeTrafficSelector other) {
		if (range.isIpv4() != other.range.isIpv4())
			return Optional.empty();
		if (protocol != other.protocol && protocol != ANY_PROTOCOL && other.protocol != ANY_PROTOCOL)
			return Optional.empty();
		int from = Math.max(fromPort, other.fromPort), to = Math.min(toPort, other.toPort);
		if (from > to)
			return Optional.empty();
		return range.intersect(other.range)
				.map(r -> new IkeTrafficSelector(r, Math.max(protocol, other.protocol), from, to));
	}

	public boolean containedIn(IkeTrafficSelector other) {
		return subset(other).map(this::equals).orElse(false);
	}

	/** A single address, as transport mode needs on both sides. */
	public boolean isHost() {
		return range.first().equals(range.last());
	}

	/**
	 * strongSwan's narrowing (traffic_selector_list select): every configured selector intersected with
	 * every proposed one, in configured order, without those another already contains.
	 */
	public static List<IkeTrafficSelector> narrow(List<IkeTrafficSelector> configured,
			List<IkeTrafficSelector> supplied) {
		List<IkeTrafficSelector> result = new ArrayList<>();
		for (IkeTrafficSelector mine : configured)
			for (IkeTrafficSelector theirs : supplied)
				mine.subset(theirs).ifPresent(result::add);
		return withoutContained(result);
	}

	static List<IkeTrafficSelector> withoutContained(List<IkeTrafficSelector> list) {
		List<IkeTrafficSelector> result = new ArrayList<>();
		for (IkeTrafficSelector ts : list) {
			if (result.stream().anyMatch(ts::containedIn))
				continue;
			result.removeIf(r -> r.containedIn(ts));
			result.add(ts);
		}
		return result;
	}

	/** As swanctl prints it: {@code 10.1.0.0/16}, {@code 192.168.0.100/32[tcp/ssh]}, {@code 10.1.0.10..10.1.0.20}. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(address());
		if (protocol == ANY_PROTOCOL && anyPort())
			return text.toString();
		text.append('[')
				.append(protocol == ANY_PROTOCOL ? "0" : PROTOCOLS.getOrDefault(protocol, Integer.toString(protocol)));
		if (!anyPort()) {
			text.append('/');
			boolean icmp = protocol == ICMP || protocol == ICMPV6;
			if (fromPort == toPort)
				text.append(icmp ? icmp(fromPort) : SERVICES.getOrDefault(fromPort, Integer.toString(fromPort)));
			else
				text.append(icmp ? icmp(fromPort) + "-" + icmp(toPort) : fromPort + "-" + toPort);
		}
		return text.append(']').toString();
	}

	/** strongSwan's print_icmp: the type, and the code in parentheses when not 0. */
	private static String icmp(int port) {
		int type = port >> 8, code = port & 0xff;
		return code == 0 ? Integer.toString(type) : type + "(" + code + ")";
	}

	private String address() {
		BigInteger size = range.size();
		boolean prefix = size.bitCount() == 1 && range.first().mod(size).signum() == 0;
		if (!prefix)
			return IpRange.format(range.first()) + ".." + IpRange.format(range.last());
		int bits = (range.isIpv4() ? 32 : 128) - (size.bitLength() - 1);
		String network = range.toString();
		int slash = network.indexOf('/');
		return (slash < 0 ? network : network.substring(0, slash)) + "/" + bits;
	}
}
