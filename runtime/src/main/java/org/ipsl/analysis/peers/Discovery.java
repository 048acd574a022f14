package org.ipsl.analysis.peers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;

/**
 * Which hosts of the workspace a host protects traffic towards: those with an address that a
 * protecting policy's remote end covers, or that a tunnel ends at. Host addresses are kept sorted,
 * so finding the hosts inside a remote prefix costs a binary search.
 */
final class Discovery {
	private record Owned(IpRange address, int host) {
	}

	private final List<PeerHost> hosts;
	private final List<Owned> byAddress = new ArrayList<>();
	/** Host addresses written as prefixes: rare, so looked through one by one. */
	private final List<Owned> prefixes = new ArrayList<>();

	Discovery(List<PeerHost> hosts) {
		this.hosts = hosts;
		for (int h = 0; h < hosts.size(); h++)
			for (IpRange address : hosts.get(h).addresses()) {
				byAddress.add(new Owned(address, h));
				if (!address.size().equals(BigInteger.ONE))
					prefixes.add(new Owned(address, h));
			}
		byAddress.sort(Comparator.comparing(Owned::address));
	}

	/** Hosts other than {@code self} with an address inside one of the ranges; every other host for none (any). */
	TreeSet<Integer> within(List<IpRange> ranges, int self) {
		TreeSet<Integer> found = new TreeSet<>();
		if (ranges.isEmpty()) {
			for (int h = 0; h < hosts.size(); h++)
				if (h != self && !hosts.get(h).addresses().isEmpty())
					found.add(h);
			return found;
		}
		for (IpRange range : ranges)
			for (int k = firstAtOrAfter(range.first()); k < byAddress.size()
					&& byAddress.get(k).address().first().compareTo(range.last()) <= 0; k++) {
				Owned owned = byAddress.get(k);
				if (owned.host() != self && range.contains(owned.address()))
					found.add(owned.host());
			}
		return found;
	}

	/** Hosts other than {@code self} that own the address (a tunnel end). */
	TreeSet<Integer> owners(IpRange address, int self) {
		TreeSet<Integer> found = new TreeSet<>();
		for (int k = firstAtOrAfter(address.first()); k < byAddress.size()
				&& byAddress.get(k).address().first().equals(address.first()); k++)
			if (byAddress.get(k).host() != self && byAddress.get(k).address().contains(address))
				found.add(byAddress.get(k).host());
		for (Owned owned : prefixes)
			if (owned.host() != self && owned.address().contains(address))
				found.add(owned.host());
		return found;
	}

	private int firstAtOrAfter(BigInteger address) {
		int low = 0, high = byAddress.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (byAddress.get(middle).address().first().compareTo(address) < 0)
				low = middle + 1;
			else
				high = middle;
		}
		return low;
	}

	/**
	 * The hosts a host's protecting policies reach: the peers to check its traffic against. Hosts
	 * whose policy database is incomplete take no part.
	 */
	TreeSet<Integer> protectedPeers(int a) {
		TreeSet<Integer> peers = new TreeSet<>();
		PeerHost host = hosts.get(a);
		if (!host.rulesComplete())
			return peers;
		for (int i = 0; i < host.rules().size(); i++) {
			Rule rule = host.rules().get(i);
			if (rule.action().kind() == Action.Kind.PROTECT && !host.spd().effective(i).isEmpty())
				peers.addAll(reached(rule, a));
		}
		peers.removeIf(b -> !hosts.get(b).rulesComplete());
		return peers;
	}

	/** The hosts a protecting rule's remote end (or tunnel end) reaches. */
	TreeSet<Integer> reached(Rule rule, int self) {
		if (rule.action().tunnelToAnyPeer()) // answers whoever comes; the peers that come reach it
			return new TreeSet<>();
		return rule.action().tunnelRemote().map(end -> owners(IpRange.parse(end), self))
				.orElseGet(() -> within(rule.selector().remote(), self));
	}
}
