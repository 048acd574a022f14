package org.ipsl.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/**
 * A seeded, realistic policy database for one gateway with {@code default discard}: a few local
 * subnets talking to many remote networks, a handful of services per remote network, protected or
 * passed. About 5% of the rules are written over an earlier one (a narrower exception below it, or
 * a wider subnet towards part of its destination), mostly discarding: what the ordering analysis has
 * to find.
 */
public final class RuleSetGenerator {

	/** The share of rules that overlap an earlier one. */
	public static final double OVERLAPPING_SHARE = 0.05;

	private static final List<Selector> V4_SERVICES = services(Selector.ICMP, 8, 0);
	private static final List<Selector> V6_SERVICES = services(Selector.ICMPV6, 128, 129);
	private static final List<Action> PROTECTIONS = List.of(
			Action.protect("esp-aes128-hmac-sha256"),
			Action.protect("esp-aes256-gcm16").withPfs("modp2048"),
			Action.protect("esp-aes128-hmac-sha1", "esp-3des-hmac-sha1"),
			Action.protect("esp-aes256-hmac-sha256").inTunnel("192.0.2.1", "198.51.100.1"));

	private final Random random;
	private final List<Rule> rules = new ArrayList<>();
	private int networks;

	private RuleSetGenerator(long seed) {
		this.random = new Random(seed);
	}

	/** {@code count} rules in evaluation order; the same seed gives the same rules. */
	public static List<Rule> generate(long seed, int count) {
		return generate(seed, count, false);
	}

	/**
	 * As {@link #generate(long, int)}; with {@code endWithCatchAll} the last two rules pass everything
	 * else from the local subnets and protect all other traffic, so each overlaps every rule before it.
	 */
	public static List<Rule> generate(long seed, int count, boolean endWithCatchAll) {
		RuleSetGenerator generator = new RuleSetGenerator(seed);
		int specific = endWithCatchAll ? count - 2 : count;
		int overlaps = 0;
		while (generator.rules.size() < specific) {
			// Overlaps come at random places, but keep up with the share: remote networks add several rules at a time.
			if (overlaps < OVERLAPPING_SHARE * generator.rules.size() && generator.random.nextBoolean()) {
				generator.addOverlap();
				overlaps++;
			} else {
				generator.addRemoteNetwork(specific - generator.rules.size());
			}
		}
		if (endWithCatchAll) {
			generator.add(Selector.ALL.from("10.0.0.0/16", "2001:db8:ffff::/48"), Action.PASS);
			generator.add(Selector.ALL, PROTECTIONS.get(0));
		}
		return List.copyOf(generator.rules);
	}

	/** tcp and udp services on distinct ports, and two ICMP types: none overlaps another. */
	private static List<Selector> services(int icmp, int echoRequest, int echoReply) {
		Selector tcp = Selector.ALL.withProtocol(Selector.TCP);
		Selector udp = Selector.ALL.withProtocol(Selector.UDP);
		List<Selector> services = new ArrayList<>();
		for (int port : new int[]{22, 25, 80, 110, 143, 443, 993, 3306, 5432, 8080, 8443}) {
			services.add(tcp.withRemotePorts(PortRange.of(port)));
		}
		for (int port : new int[]{53, 123, 161, 514}) {
			services.add(udp.withRemotePorts(PortRange.of(port)));
		}
		services.add(Selector.ALL.withProtocol(icmp).withIcmpType(echoRequest));
		services.add(Selector.ALL.withProtocol(icmp).withIcmpType(echoReply));
		return List.copyOf(services);
	}

	/**
	 * A remote network no earlier rule names, and one to four services towards it from one local
	 * subnet (or from anywhere); a lone rule may cover all traffic.
	 */
	private void addRemoteNetwork(int room) {
		boolean ipv6 = random.nextInt(10) == 0;
		int index = networks++;
		// An odd multiplier permutes the block numbers, spreading the networks over the space.
		long block = (index * 2654435761L) & ((1L << 22) - 1);
		String remote = ipv6
				? "2001:db8:" + Long.toHexString(block >>> 6) + ":" + Long.toHexString(block & 0x3f) + "::/"
						+ (64 + random.nextInt(3) * 8)
				: dotted((11L << 24) + (block << 8)) + "/" + (24 + random.nextInt(4) * 2);
		String local = random.nextInt(10) == 0
				? null
				: ipv6 ? "2001:db8:ffff:" + random.nextInt(4) + "::/64" : "10.0." + random.nextInt(8) + ".0/24";
		List<Selector> services = new ArrayList<>(ipv6 ? V6_SERVICES : V4_SERVICES);
		int count = Math.min(room, 1 + random.nextInt(4));
		for (int k = 0; k < count; k++) {
			Selector service = count == 1 && random.nextInt(4) == 0
					? Selector.ALL
					: services.remove(random.nextInt(services.size()));
			Selector selector = service.to(remote);
			add(local == null ? selector : selector.from(local),
					random.nextInt(5) < 2 ? Action.PASS : randomProtection());
		}
	}

	private static String dotted(long ipv4) {
		return (ipv4 >>> 24) + "." + ((ipv4 >>> 16) & 0xff) + "." + ((ipv4 >>> 8) & 0xff) + "." + (ipv4 & 0xff);
	}

	/** A rule over an earlier one: a narrower exception, or a wider source towards part of its destination. */
	private void addOverlap() {
		Rule earlier = rules.get(random.nextInt(rules.size()));
		Selector selector = earlier.selector();
		IpRange remote = selector.remote().get(0);
		IpRange half = halfOf(remote);
		if (random.nextBoolean() || selector.local().isEmpty()) {
			add(selector.withRemote(List.of(half)), randomExceptionAction());
		} else {
			IpRange local = selector.local().get(0);
			IpRange wider = local.isIpv4()
					? IpRange.parse(IpRange.format(local.first()) + "/16")
					: IpRange.parse(IpRange.format(local.first()) + "/48");
			add(selector.withLocal(List.of(wider)).withRemote(List.of(half)), randomExceptionAction());
		}
	}

	/** The lower half of a range of two or more addresses, the address itself otherwise. */
	private static IpRange halfOf(IpRange range) {
		BigInteger size = range.size();
		if (size.equals(BigInteger.ONE)) {
			return range;
		}
		return new IpRange(range.first(), range.first().add(size.shiftRight(1)).subtract(BigInteger.ONE));
	}

	private Action randomProtection() {
		return PROTECTIONS.get(random.nextInt(PROTECTIONS.size()));
	}

	/** Exceptions mostly discard, as a default-discard gateway's exceptions do. */
	private Action randomExceptionAction() {
		int roll = random.nextInt(5);
		return roll < 2 ? Action.DISCARD : roll < 3 ? Action.PASS : randomProtection();
	}

	private void add(Selector selector, Action action) {
		int position = rules.size();
		rules.add(new Rule("p" + position, 10L * (position + 1), selector, action));
	}
}
