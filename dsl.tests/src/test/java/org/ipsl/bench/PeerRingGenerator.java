package org.ipsl.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.PeerIke;
import org.ipsl.analysis.peers.SecretFingerprint;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/**
 * A seeded ring of hosts, each the peer of the next: for every edge, half of a host's policies
 * protect traffic towards the next host (transport between the hosts, or a tunnel between their
 * networks) and the next host holds their mirror images, a few of them mistaken (another transform,
 * PFS, a pass, a narrower port); some policies reach networks outside the ring.
 */
final class PeerRingGenerator {
	private static final List<String> TRANSFORMS = List.of("esp-aes128-hmac-sha1", "esp-aes256-hmac-sha256",
			"esp-aes128-gcm16", "esp-3des-hmac-sha1");
	private static final List<PortRange> PORTS = List.of(PortRange.of(22), PortRange.of(80), PortRange.of(443),
			PortRange.of(514), PortRange.of(8080), new PortRange(1024, 65535), new PortRange(5000, 5100));
	private static final List<IkeSuite> SUITES = List.of(IkeSuite.parse("aes128-sha1-modp2048").get(),
			IkeSuite.parse("3des-sha1-modp1024").get());

	/** One host as plain data, so that each benchmark run builds fresh hosts with nothing cached. */
	record HostSpec(String name, List<IpRange> addresses, List<Rule> rules, List<IkeSpec> ikePolicies) {
		PeerHost build() {
			return new PeerHost(name, addresses, rules, Action.PASS, true,
					ikePolicies.stream().map(IkeSpec::build).toList(), true, List.of());
		}
	}

	/** An IKE policy towards host {@code peer} of the ring, with its preshared secret as written. */
	record IkeSpec(String name, long priority, int peer, String secret) {
		PeerIke build() {
			return new PeerIke(name, priority, List.of(IpRange.parse(address(peer))), SUITES,
					IkeAuthentication.preshared(SecretFingerprint.of(secret)), Optional.empty(), Optional.empty(),
					PeerIke.DEFAULT_LIFETIME_SECONDS, false);
		}
	}

	private PeerRingGenerator() {
	}

	static List<PeerHost> build(List<HostSpec> specs) {
		return specs.stream().map(HostSpec::build).toList();
	}

	static List<HostSpec> ring(long seed, int hosts, int policies) {
		Random random = new Random(seed);
		List<List<Rule>> rules = new ArrayList<>();
		for (int h = 0; h < hosts; h++)
			rules.add(new ArrayList<>());
		for (int h = 0; h < hosts; h++) {
			int next = (h + 1) % hosts;
			for (int k = 0; k < policies / 2; k++)
				pair(random, h, next, rules.get(h), rules.get(next));
		}
		List<HostSpec> specs = new ArrayList<>();
		for (int h = 0; h < hosts; h++) {
			int next = (h + 1) % hosts, previous = (h + hosts - 1) % hosts;
			List<Rule> numbered = new ArrayList<>();
			for (Rule rule : rules.get(h))
				numbered.add(
						new Rule("r" + numbered.size(), 10L * (numbered.size() + 1), rule.selector(), rule.action()));
			specs.add(new HostSpec("h" + h, List.of(IpRange.parse(address(h))), numbered,
					List.of(new IkeSpec("to-next", 10, next, edgeSecret(seed, h, next, random)),
							new IkeSpec("to-previous", 20, previous, edgeSecret(seed, previous, h, random)))));
		}
		return specs;
	}

	/** Host h's policy towards its peer, and the peer's mirror image of it (sometimes mistaken). */
	private static void pair(Random random, int h, int peer, List<Rule> own, List<Rule> peers) {
		int kind = random.nextInt(100);
		Selector selector;
		Action action;
		if (kind < 70) {
			int protocol = List.of(Selector.TCP, Selector.TCP, Selector.UDP, Selector.ICMP, Selector.ANY)
					.get(random.nextInt(5));
			PortRange ports = Selector.hasPorts(protocol) ? PORTS.get(random.nextInt(PORTS.size())) : PortRange.ALL;
			selector = new Selector(protocol, List.of(IpRange.parse(address(h))), List.of(IpRange.parse(address(peer))),
					PortRange.ALL, ports, OptionalInt.empty());
			action = protect(random);
		} else if (kind < 85) {
			selector = new Selector(Selector.ANY, List.of(IpRange.parse(network(h, random.nextInt(4)))),
					List.of(IpRange.parse(network(peer, random.nextInt(4)))), PortRange.ALL, PortRange.ALL,
					OptionalInt.empty());
			action = protect(random).inTunnel(address(h), address(peer));
		} else {
			// Traffic to a network outside the ring: passed, discarded or protected towards nobody known.
			selector = new Selector(Selector.TCP, List.of(IpRange.parse(address(h))),
					List.of(IpRange.parse("172.16." + random.nextInt(256) + ".0/24")), PortRange.ALL,
					PORTS.get(random.nextInt(PORTS.size())), OptionalInt.empty());
			own.add(new Rule("", 0, selector,
					List.of(Action.PASS, Action.DISCARD, protect(random)).get(random.nextInt(3))));
			return;
		}
		own.add(new Rule("", 0, selector, action));
		peers.add(new Rule("", 0, mistaken(random, selector.mirrored()), mistaken(random, action)));
	}

	private static Action protect(Random random) {
		List<String> transforms = new ArrayList<>(List.of(TRANSFORMS.get(random.nextInt(TRANSFORMS.size()))));
		if (random.nextInt(4) == 0)
			transforms.add(TRANSFORMS.get(random.nextInt(TRANSFORMS.size())));
		Action action = Action.protect(transforms.stream().distinct().toList());
		return random.nextInt(3) == 0 ? action.withPfs("modp2048") : action;
	}

	private static Action mistaken(Random random, Action action) {
		int roll = random.nextInt(100);
		if (roll < 4)
			return Action.protect(TRANSFORMS.get(random.nextInt(TRANSFORMS.size())));
		if (roll < 6 && action.tunnelLocal().isEmpty())
			return action.withPfs("modp3072");
		if (roll < 8)
			return Action.PASS;
		if (action.tunnelLocal().isPresent())
			return action.inTunnel(action.tunnelRemote().get(), action.tunnelLocal().get());
		return action;
	}

	private static Selector mistaken(Random random, Selector selector) {
		if (random.nextInt(100) < 2 && Selector.hasPorts(selector.protocol()))
			return selector.withLocalPorts(PortRange.of(selector.localPorts().first()));
		return selector;
	}

	/** The preshared secret of an edge; one edge in twenty has another on one side. */
	private static String edgeSecret(long seed, int from, int to, Random random) {
		return seed + "/" + from + "-" + to + (random.nextInt(20) == 0 ? "!" : "");
	}

	/** The IKE proposals every host of the ring offers, as written in IPSL. */
	static List<String> suiteKeywords() {
		return SUITES.stream().map(IkeSuite::keyword).toList();
	}

	static String address(int h) {
		return "10." + (h / 200) + "." + (h % 200) + ".1";
	}

	private static String network(int h, int part) {
		return "10." + (h / 200) + "." + (h % 200) + "." + (64 * part) + "/26";
	}
}
