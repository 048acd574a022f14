package org.ipsl.analysis.order;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ipsl.analysis.order.OrderingFinding.Kind;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;

/**
 * Brute force over every packet of a tiny space: which rule takes each packet, and from that the
 * shadowed, redundant and correlated rules exactly as docs/diagnostics.md defines them. It reads
 * selectors directly, without the region algebra it checks.
 *
 * <p>Selectors of the tiny space name only addresses of 10.0.0.0/28, local ports 0..1, remote ports
 * 0..7 and ICMP types 0 and 8; one extra value of each field (10.0.1.0, local port 2, remote port 8,
 * type 3, protocol 47, and IPv6 addresses for {@code any} to {@code any}) stands for all the values
 * no selector names.
 */
final class OrderingOracle {

	private static final List<BigInteger> ADDRESSES = new ArrayList<>();
	private static final int IPV4_ADDRESSES;
	private static final List<int[]> PACKETS = new ArrayList<>();
	/** Fields of a packet in {@link #PACKETS}. */
	private static final int SOURCE = 0, DESTINATION = 1, PROTOCOL = 2, SOURCE_PORT = 3, DESTINATION_PORT = 4, TYPE = 5;

	static {
		for (int host = 0; host < 16; host++) {
			ADDRESSES.add(IpRange.parseAddress("10.0.0." + host));
		}
		ADDRESSES.add(IpRange.parseAddress("10.0.1.0"));
		IPV4_ADDRESSES = ADDRESSES.size();
		ADDRESSES.add(IpRange.parseAddress("2001:db8::1"));
		ADDRESSES.add(IpRange.parseAddress("2001:db8::2"));
		for (int source = 0; source < ADDRESSES.size(); source++) {
			for (int destination = 0; destination < ADDRESSES.size(); destination++) {
				if ((source < IPV4_ADDRESSES) == (destination < IPV4_ADDRESSES)) {
					addPacketsBetween(source, destination);
				}
			}
		}
	}

	private static void addPacketsBetween(int source, int destination) {
		for (int protocol : List.of(Selector.TCP, Selector.UDP)) {
			for (int sourcePort = 0; sourcePort <= 2; sourcePort++) {
				for (int destinationPort = 0; destinationPort <= 8; destinationPort++) {
					PACKETS.add(new int[]{source, destination, protocol, sourcePort, destinationPort, 0});
				}
			}
		}
		for (int type : List.of(0, 3, 8)) {
			PACKETS.add(new int[]{source, destination, Selector.ICMP, 0, 0, type});
		}
		PACKETS.add(new int[]{source, destination, 47, 0, 0, 0});
	}

	/** What the definitions say about one rule. */
	record Verdict(Kind kind, Set<Integer> related) {
	}

	private final List<Rule> rules;
	private final Action defaultAction;
	private final BitSet[] selected;
	/** For each packet, the position of the rule that takes it, or rules.size() for the default. */
	private final int[] taker;

	OrderingOracle(List<Rule> rules, Action defaultAction) {
		this.rules = rules;
		this.defaultAction = defaultAction;
		this.selected = new BitSet[rules.size()];
		for (int i = 0; i < rules.size(); i++) {
			selected[i] = packetsOf(rules.get(i).selector());
		}
		this.taker = new int[PACKETS.size()];
		for (int p = 0; p < PACKETS.size(); p++) {
			taker[p] = nextMatch(p, -1);
		}
	}

	BitSet selected(int i) {
		return selected[i];
	}

	/** The rule that takes packet p first. */
	int taker(int p) {
		return taker[p];
	}

	Action actionOf(int ruleOrDefault) {
		return ruleOrDefault == rules.size() || ruleOrDefault == OrderingFinding.DEFAULT_POLICY
				? defaultAction
				: rules.get(ruleOrDefault).action();
	}

	boolean fires(int i) {
		for (int p = selected[i].nextSetBit(0); p >= 0; p = selected[i].nextSetBit(p + 1)) {
			if (taker[p] == i) {
				return true;
			}
		}
		return false;
	}

	/** The finding the definitions give rule i, or null. {@code related} is only given for redundancy by later rules and correlation. */
	Verdict verdict(int i) {
		Action action = rules.get(i).action();
		if (!fires(i)) {
			boolean takenDifferently = selected[i].stream().anyMatch(p -> !actionOf(taker[p]).equals(action));
			return new Verdict(takenDifferently ? Kind.SHADOWED : Kind.REDUNDANT, Set.of());
		}
		Set<Integer> successors = new TreeSet<>();
		boolean sameWithoutIt = true;
		for (int p = selected[i].nextSetBit(0); p >= 0; p = selected[i].nextSetBit(p + 1)) {
			if (taker[p] == i) {
				int next = nextMatch(p, i);
				successors.add(next == rules.size() ? OrderingFinding.DEFAULT_POLICY : next);
				sameWithoutIt &= actionOf(next).equals(action);
			}
		}
		if (sameWithoutIt) {
			return new Verdict(Kind.REDUNDANT, successors);
		}
		Set<Integer> partners = new TreeSet<>();
		for (int j = 0; j < i; j++) {
			if (selected[i].intersects(selected[j]) && !isSubset(selected[j], selected[i])
					&& !isSubset(selected[i], selected[j])
					&& !rules.get(j).action().equals(action)) {
				partners.add(j);
			}
		}
		return partners.isEmpty() ? null : new Verdict(Kind.CORRELATED, partners);
	}

	private int nextMatch(int p, int after) {
		for (int j = after + 1; j < rules.size(); j++) {
			if (selected[j].get(p)) {
				return j;
			}
		}
		return rules.size();
	}

	static boolean isSubset(BitSet part, BitSet whole) {
		BitSet outside = (BitSet) part.clone();
		outside.andNot(whole);
		return outside.isEmpty();
	}

	private static BitSet packetsOf(Selector selector) {
		boolean[] local = addressesOf(selector.local());
		boolean[] remote = addressesOf(selector.remote());
		BitSet packets = new BitSet();
		for (int p = 0; p < PACKETS.size(); p++) {
			int[] packet = PACKETS.get(p);
			int protocol = packet[PROTOCOL];
			boolean selects = (selector.protocol() == Selector.ANY || selector.protocol() == protocol)
					&& local[packet[SOURCE]] && remote[packet[DESTINATION]]
					&& (!Selector.hasPorts(protocol) || (within(selector.localPorts(), packet[SOURCE_PORT])
							&& within(selector.remotePorts(), packet[DESTINATION_PORT])))
					&& (protocol != Selector.ICMP || selector.icmpType().isEmpty()
							|| selector.icmpType().getAsInt() == packet[TYPE]);
			packets.set(p, selects);
		}
		return packets;
	}

	/** Which addresses an end selects; packets never mix families, so `any` is every address. */
	private static boolean[] addressesOf(List<IpRange> ranges) {
		boolean[] selected = new boolean[ADDRESSES.size()];
		for (int a = 0; a < ADDRESSES.size(); a++) {
			BigInteger address = ADDRESSES.get(a);
			selected[a] = ranges.isEmpty() || ranges.stream().anyMatch(range -> range.contains(address));
		}
		return selected;
	}

	private static boolean within(PortRange ports, int port) {
		return ports.first() <= port && port <= ports.last();
	}
}
