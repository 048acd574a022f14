package org.ipsl.analysis.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/**
 * Discovery's index of addresses finds exactly the hosts that comparing a policy's remote end with
 * every host's every address finds: for remote ends, tunnel ends and a host's protected peers, with
 * hosts that have several addresses, prefixes for addresses, addresses shared by two hosts, no
 * address, or an incomplete policy database.
 */
class DiscoveryPropertiesTest {
	/** A small space, so that addresses, prefixes and queries often meet. */
	private static final List<String> ADDRESSES = List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.5", "10.0.0.9",
			"10.0.0.14", "10.0.0.0/30", "10.0.0.4/30", "10.0.0.8/29", "10.0.0.0/28", "10.0.0.0/24", "2001:db8::1",
			"2001:db8::/126");

	private static Arbitrary<IpRange> address() {
		return Arbitraries.of(ADDRESSES).map(IpRange::parse);
	}

	/** A policy towards a remote end (or any) or through a tunnel to a single address. */
	private static Arbitrary<Rule> rule() {
		Arbitrary<List<IpRange>> remote = address().list().ofMaxSize(2);
		Arbitrary<String> tunnelEnd = Arbitraries.of(ADDRESSES.stream().filter(a -> !a.contains("/")).toList());
		return Combinators.combine(remote, tunnelEnd, Arbitraries.integers().between(0, 3)).as((to, end, kind) -> {
			Selector selector = Selector.ALL.withRemote(to);
			Action action = switch (kind) {
				case 0 -> Action.PASS;
				case 1 -> Action.protect("esp-aes128-hmac-sha1").inTunnel("10.0.0.1", end);
				default -> Action.protect("esp-aes128-hmac-sha1");
			};
			return new Rule("", 0, selector, action);
		});
	}

	private static Arbitrary<PeerHost> host() {
		return Combinators.combine(address().list().ofMaxSize(3), rule().list().ofMaxSize(4),
				Arbitraries.integers().between(0, 9)).as((addresses, rules, roll) -> {
					List<Rule> numbered = new ArrayList<>();
					for (Rule rule : rules)
						numbered.add(new Rule("r" + numbered.size(), 10L * (numbered.size() + 1), rule.selector(),
								rule.action()));
					return new PeerHost("h", addresses, numbered, Action.PASS, roll != 0, List.of(), true, List.of());
				});
	}

	@Provide
	Arbitrary<List<PeerHost>> hosts() {
		return host().list().ofMaxSize(12);
	}

	@Provide
	Arbitrary<List<IpRange>> ranges() {
		return address().list().ofMaxSize(2);
	}

	@Provide
	Arbitrary<IpRange> addresses() {
		return address();
	}

	/** The scan: every host but {@code self} with an address inside one of the ranges; with an address at all for none. */
	private static Set<Integer> scanWithin(List<PeerHost> hosts, List<IpRange> ranges, int self) {
		Set<Integer> found = new TreeSet<>();
		for (int h = 0; h < hosts.size(); h++)
			for (IpRange address : hosts.get(h).addresses())
				if (h != self && (ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(address))))
					found.add(h);
		return found;
	}

	private static Set<Integer> scanOwners(List<PeerHost> hosts, IpRange address, int self) {
		Set<Integer> found = new TreeSet<>();
		for (int h = 0; h < hosts.size(); h++)
			if (h != self && hosts.get(h).owns(address))
				found.add(h);
		return found;
	}

	@Property(tries = 400)
	void findsTheHostsInsideRemoteEnds(@ForAll("hosts") List<PeerHost> hosts, @ForAll("ranges") List<IpRange> ranges) {
		Discovery discovery = new Discovery(hosts);
		for (int self = -1; self < hosts.size(); self++)
			assertThat(discovery.within(ranges, self)).containsExactlyElementsOf(scanWithin(hosts, ranges, self));
	}

	@Property(tries = 400)
	void findsTheOwnersOfTunnelEnds(@ForAll("hosts") List<PeerHost> hosts, @ForAll("addresses") IpRange address) {
		Discovery discovery = new Discovery(hosts);
		for (int self = -1; self < hosts.size(); self++)
			assertThat(discovery.owners(address, self)).containsExactlyElementsOf(scanOwners(hosts, address, self));
	}

	@Property(tries = 300)
	void findsEachHostsProtectedPeers(@ForAll("hosts") List<PeerHost> hosts) {
		Discovery discovery = new Discovery(hosts);
		for (int a = 0; a < hosts.size(); a++) {
			PeerHost host = hosts.get(a);
			Set<Integer> expected = new TreeSet<>();
			for (int i = 0; host.rulesComplete() && i < host.rules().size(); i++) {
				Rule rule = host.rules().get(i);
				if (rule.action().kind() != Action.Kind.PROTECT || host.spd().effective(i).isEmpty())
					continue;
				final int self = a;
				expected.addAll(rule.action().tunnelRemote()
						.map(end -> scanOwners(hosts, IpRange.parse(end), self))
						.orElseGet(() -> scanWithin(hosts, rule.selector().remote(), self)));
			}
			expected.removeIf(b -> !hosts.get(b).rulesComplete());
			assertThat(discovery.protectedPeers(a)).as("host %d", a).containsExactlyElementsOf(expected);
		}
	}
}
