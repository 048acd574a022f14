package org.ipsl.runtime.spd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;

/**
 * Random selectors and flows that meet often: addresses from a few IPv4 and IPv6 networks,
 * prefixes of every length, tcp, udp, icmp, icmpv6, another protocol and any, exact ports, ranges
 * and any, ICMP types or none; flows aimed at the selectors' edges (first and last address of a
 * prefix and its neighbours, range bounds and their neighbours).
 */
final class RandomPolicies {

	private static final String[] IPV4_BASES = {"10.0.0.0", "10.1.0.0", "10.1.2.0", "192.0.2.0"};
	private static final String[] IPV6_BASES = {"2001:db8::", "2001:db8:0:1::", "2001:db8:1::"};
	private static final int[] PROTOCOLS = {Selector.ANY, Selector.TCP, Selector.UDP, Selector.ICMP, Selector.ICMPV6,
			47};
	private static final int[] PORTS = {0, 22, 53, 80, 443, 1023, 1024, 8080, 65535};

	private static final java.util.Map<String, BigInteger> BASES = new java.util.HashMap<>();

	static {
		for (String base : IPV4_BASES) {
			BASES.put(base, IpRange.parseAddress(base));
		}
		for (String base : IPV6_BASES) {
			BASES.put(base, IpRange.parseAddress(base));
		}
	}

	private final Random random;

	RandomPolicies(long seed) {
		this.random = new Random(seed);
	}

	List<Selector> selectors(int count) {
		List<Selector> selectors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			selectors.add(selector());
		}
		return selectors;
	}

	Selector selector() {
		int protocol = PROTOCOLS[random.nextInt(PROTOCOLS.length)];
		boolean ipv6 = random.nextInt(4) == 0;
		Selector selector = new Selector(protocol, end(ipv6), end(ipv6), PortRange.ALL, PortRange.ALL,
				OptionalInt.empty());
		if (Selector.hasPorts(protocol)) {
			selector = selector.withLocalPorts(ports()).withRemotePorts(ports());
		}
		if (Selector.hasIcmpType(protocol) && random.nextBoolean()) {
			selector = selector
					.withIcmpType(random.nextInt(4) == 0 ? random.nextInt(256) : random.nextBoolean() ? 8 : 0);
		}
		return selector;
	}

	/** Any (empty), "any" as runtime.json writes it, or one to three prefixes, mostly of the family. */
	private List<IpRange> end(boolean ipv6) {
		int kind = random.nextInt(16);
		if (kind == 0) {
			return List.of();
		}
		if (kind == 1) {
			return List.of(IpRange.parse("0.0.0.0/0"), IpRange.parse("::/0"));
		}
		List<IpRange> ranges = new ArrayList<>();
		int count = 1 + (random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0);
		for (int i = 0; i < count; i++) {
			boolean family6 = random.nextInt(8) == 0 ? !ipv6 : ipv6;
			ranges.add(prefix(family6));
		}
		return ranges;
	}

	private IpRange prefix(boolean ipv6) {
		String base = ipv6
				? IPV6_BASES[random.nextInt(IPV6_BASES.length)]
				: IPV4_BASES[random.nextInt(IPV4_BASES.length)];
		int bits = ipv6 ? 128 : 32;
		int length = random.nextInt(3) == 0 ? bits : bits - random.nextInt(ipv6 ? 72 : 24);
		BigInteger address = BASES.get(base).add(BigInteger.valueOf(random.nextInt(1 << 10)));
		BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE);
		BigInteger network = address.andNot(hostMask);
		return new IpRange(network, network.or(hostMask));
	}

	private PortRange ports() {
		int kind = random.nextInt(4);
		if (kind == 0) {
			return PortRange.ALL;
		}
		int first = random.nextBoolean() ? PORTS[random.nextInt(PORTS.length)] : random.nextInt(65536);
		if (kind == 1) {
			return PortRange.of(first);
		}
		int last = Math.min(65535, first + (random.nextBoolean() ? random.nextInt(10) : random.nextInt(30000)));
		return new PortRange(first, last);
	}

	/** A flow near one of the selectors (or anywhere, now and then), both addresses of one family. */
	Flow flow(List<Selector> near) {
		Selector s = near.isEmpty() || random.nextInt(10) == 0 ? selector() : near.get(random.nextInt(near.size()));
		boolean ipv6 = family(s).orElseGet(() -> random.nextInt(4) == 0);
		List<IpRange> localFamily = ofFamily(s.local(), ipv6);
		List<IpRange> remoteFamily = ofFamily(s.remote(), ipv6);
		BigInteger local = address(localFamily, ipv6);
		BigInteger remote = address(remoteFamily, ipv6);
		int protocol = s.protocol() == Selector.ANY || random.nextInt(6) == 0
				? PROTOCOLS[1 + random.nextInt(PROTOCOLS.length - 1)]
				: s.protocol();
		if (ipv6 && protocol == Selector.ICMP) {
			protocol = Selector.ICMPV6;
		}
		int localPort = port(s.localPorts());
		int remotePort = port(s.remotePorts());
		int type = s.icmpType().isPresent() && random.nextInt(3) > 0 ? s.icmpType().getAsInt() : random.nextInt(256);
		boolean ports = Selector.hasPorts(protocol);
		boolean icmp = Selector.hasIcmpType(protocol);
		Flow outbound = new Flow(local.shiftRight(64).longValue(), local.longValue(), remote.shiftRight(64).longValue(),
				remote.longValue(), protocol, ports ? localPort : 0, ports ? remotePort : 0, icmp ? type : 0);
		return outbound;
	}

	/** The family of the selector's first end that is not any, if one is not. */
	private static java.util.Optional<Boolean> family(Selector s) {
		return java.util.stream.Stream.concat(s.local().stream(), s.remote().stream())
				.filter(r -> !r.equals(IpRange.ALL) && !r.equals(IpRange.IPV4)).findFirst().map(r -> !r.isIpv4());
	}

	private static List<IpRange> ofFamily(List<IpRange> ranges, boolean ipv6) {
		return ranges.stream().filter(r -> ipv6 ? !r.isIpv4() && !r.equals(IpRange.ALL) : r.overlaps(IpRange.IPV4))
				.toList();
	}

	private BigInteger address(List<IpRange> ranges, boolean ipv6) {
		if (ranges.isEmpty() || random.nextInt(8) == 0) {
			String base = ipv6
					? IPV6_BASES[random.nextInt(IPV6_BASES.length)]
					: IPV4_BASES[random.nextInt(IPV4_BASES.length)];
			return BASES.get(base).add(BigInteger.valueOf(random.nextInt(1 << 12)));
		}
		IpRange range = ranges.get(random.nextInt(ranges.size()));
		if (ipv6 && range.contains(IpRange.IPV4)) {
			range = IpRange.IPV6.get(1).intersect(range).orElse(range);
		} else if (!ipv6) {
			range = range.intersect(IpRange.IPV4).orElseThrow();
		}
		// Mostly inside, at an edge or the middle; now and then just outside.
		BigInteger[] edges = {range.first(), range.last(), range.first().add(range.size().shiftRight(1)), range.first(),
				range.last(), range.first().subtract(BigInteger.ONE), range.last().add(BigInteger.ONE)};
		BigInteger chosen = edges[random.nextInt(edges.length)];
		BigInteger familyFirst = ipv6 ? IpRange.IPV6.get(1).first() : IpRange.IPV4.first();
		BigInteger familyLast = ipv6 ? IpRange.MAX_ADDRESS : IpRange.IPV4.last();
		return chosen.max(familyFirst).min(familyLast);
	}

	private int port(PortRange range) {
		int[] edges = {range.first(), range.last(), range.first(), range.last(), (range.first() + range.last()) >>> 1,
				Math.max(0, range.first() - 1), Math.min(65535, range.last() + 1), random.nextInt(65536)};
		return edges[random.nextInt(edges.length)];
	}
}
