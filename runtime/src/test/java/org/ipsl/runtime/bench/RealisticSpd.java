package org.ipsl.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.runtime.spd.Flow;

/**
 * A seeded SPD of one busy host, and traffic for it. The host has two IPv4 addresses and one IPv6
 * address. Policies: local end mostly one of its addresses, sometimes its subnet or any; remote end
 * hosts and subnets of 10/8, 172.16/12, 192.168/16 and 2001:db8::/32 (/8 to /32, /32 to /128), any
 * now and then; tcp, udp, icmp (with or without a type) or any; service ports, port ranges or any.
 * Policies are ordered as an administrator would write them: the more specific first.
 * Traffic: 80 % of flows are aimed into a random policy (so every depth of the list is hit), 20 %
 * are anywhere in those networks (most reach the default policy: the linear scan's worst case).
 */
public final class RealisticSpd {

	private static final String[] HOST_V4 = {"10.0.0.10", "10.0.1.10"};
	private static final String HOST_V6 = "2001:db8::10";
	private static final int[] SERVICES = {20, 21, 22, 23, 25, 53, 80, 88, 110, 123, 143, 161, 389, 443, 445, 514, 636,
			993, 995, 1433, 1521, 2049, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200};

	private final Random random;
	public final List<Selector> selectors = new ArrayList<>();

	public RealisticSpd(long seed, int policies) {
		random = new Random(seed);
		for (int i = 0; i < policies; i++) {
			selectors.add(selector());
		}
		// As an administrator orders them: specific policies before the general ones they refine.
		selectors.sort(java.util.Comparator.comparingInt(RealisticSpd::specificity).reversed());
	}

	private static int specificity(Selector selector) {
		int remotePorts = selector.remotePorts().isAll()
				? 0
				: selector.remotePorts().first() == selector.remotePorts().last() ? 2 : 1;
		return 4 * (prefixLength(selector.remote()) + prefixLength(selector.local()) / 4 + remotePorts)
				+ (selector.protocol() == Selector.ANY ? 0 : 1);
	}

	/** Bits fixed by the first prefix of the end, counted in the 128-bit space; 0 for any. */
	private static int prefixLength(List<IpRange> end) {
		return end.size() > 1 ? 0 : 128 - (end.get(0).size().bitLength() - 1);
	}

	private Selector selector() {
		boolean ipv6 = random.nextInt(100) < 15;
		int protocol = pick(new int[]{Selector.TCP, Selector.UDP, ipv6 ? Selector.ICMPV6 : Selector.ICMP, Selector.ANY},
				new int[]{50, 30, 5, 15});
		Selector selector = new Selector(protocol, local(ipv6), remote(ipv6), PortRange.ALL, PortRange.ALL,
				OptionalInt.empty());
		if (Selector.hasPorts(protocol)) {
			int kind = random.nextInt(100);
			PortRange remotePorts = kind < 60
					? PortRange.of(SERVICES[random.nextInt(SERVICES.length)])
					: kind < 70 ? range() : PortRange.ALL;
			kind = random.nextInt(100);
			PortRange localPorts = kind < 80
					? PortRange.ALL
					: kind < 95
							? new PortRange(1024, 65535)
							: PortRange.of(SERVICES[random.nextInt(SERVICES.length)]);
			selector = selector.withRemotePorts(remotePorts).withLocalPorts(localPorts);
		} else if (Selector.hasIcmpType(protocol) && random.nextBoolean()) {
			selector = selector.withIcmpType(ipv6 ? 128 : 8);
		}
		return selector;
	}

	private PortRange range() {
		int first = 1024 + random.nextInt(30000);
		return new PortRange(first, first + random.nextInt(2000));
	}

	private List<IpRange> local(boolean ipv6) {
		int kind = random.nextInt(100);
		if (kind < 15) {
			return List.of(IpRange.parse("0.0.0.0/0"), IpRange.parse("::/0"));
		}
		if (ipv6) {
			return List.of(IpRange.parse(kind < 85 ? HOST_V6 : "2001:db8::/64"));
		}
		String host = HOST_V4[random.nextInt(HOST_V4.length)];
		return List.of(IpRange.parse(kind < 85 ? host : host + "/24"));
	}

	private List<IpRange> remote(boolean ipv6) {
		if (random.nextInt(100) < 5) {
			return List.of(IpRange.parse("0.0.0.0/0"), IpRange.parse("::/0"));
		}
		if (ipv6) {
			int length = pick(new int[]{48, 64, 128}, new int[]{30, 40, 30});
			String address = String.format("2001:db8:%x:%x::%x", random.nextInt(256), random.nextInt(65536),
					random.nextInt(65536));
			return List.of(IpRange.parse(address + "/" + length));
		}
		int length = pick(new int[]{32, 28, 24, 20, 16, 8}, new int[]{40, 10, 25, 5, 15, 5});
		int network = random.nextInt(3);
		String address = network == 0
				? "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
				: network == 1
						? "172." + (16 + random.nextInt(16)) + "." + random.nextInt(256) + "." + random.nextInt(256)
						: "192.168." + random.nextInt(256) + "." + random.nextInt(256);
		return List.of(IpRange.parse(address + "/" + Math.max(length, network == 0 ? 8 : network == 1 ? 12 : 16)));
	}

	private int pick(int[] values, int[] weights) {
		int total = 0;
		for (int weight : weights) {
			total += weight;
		}
		int at = random.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			at -= weights[i];
			if (at < 0) {
				return values[i];
			}
		}
		throw new IllegalStateException();
	}

	/** Outbound flows: the host's address as source (or a random one), the rest inside a policy or anywhere. */
	public Flow[] flows(int count) {
		Flow[] flows = new Flow[count];
		for (int i = 0; i < count; i++) {
			Selector s = random.nextInt(100) < 80 ? selectors.get(random.nextInt(selectors.size())) : selector();
			boolean ipv6 = s.remote().get(0).isIpv6() && !s.remote().get(0).equals(IpRange.parse("::/0"))
					|| s.local().get(0).isIpv6() && !s.local().get(0).equals(IpRange.parse("::/0"));
			String local = ipv6 ? HOST_V6 : HOST_V4[random.nextInt(HOST_V4.length)];
			IpRange remoteRange = s.remote().size() > 1
					? IpRange.parse(ipv6 ? "2001:db8::/32" : "10.0.0.0/8")
					: s.remote().get(0);
			String remote = IpRange.format(remoteRange.first().add(java.math.BigInteger.valueOf(
					random.nextLong() & Long.MAX_VALUE).mod(remoteRange.size())));
			int protocol = s.protocol() == Selector.ANY ? Selector.TCP : s.protocol();
			int localPort = 1024 + random.nextInt(64512);
			int remotePort = inside(s.remotePorts());
			flows[i] = Selector.hasIcmpType(protocol)
					? Flow.icmp(local, remote, protocol, s.icmpType().orElse(0))
					: Flow.of(local, remote, protocol, localPort, remotePort);
		}
		return flows;
	}

	private int inside(PortRange ports) {
		return ports.isAll()
				? SERVICES[random.nextInt(SERVICES.length)]
				: ports.first() + random.nextInt(ports.last() - ports.first() + 1);
	}
}
