package org.ipsl.analysis.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Dimension;
import org.ipsl.model.region.Interval;
import org.ipsl.model.region.Region;

/**
 * Regions as few {@link Block}s as possible to read: the boxes of the set operations are cut
 * wherever the operations cut, so they are first put in a canonical form (each protocol that has
 * ports or an ICMP type alone, the fields it does not have full) and then merged, as long as any
 * blocks differ in one field only, into one block holding the union of that field. Every step keeps
 * exactly the same packets.
 */
final class Blocks {
	private static final int FIELDS = Dimension.values().length;
	/** The protocols with a field of their own: ports (tcp, udp) or an ICMP type (icmp, icmpv6). */
	private static final List<Integer> WITH_FIELDS = List.of(Selector.ICMP, Selector.TCP, Selector.UDP,
			Selector.ICMPV6);
	private static final Interval ALL_PORTS = Interval.of(0, PortRange.MAX_PORT);
	private static final Interval ALL_TYPES = Interval.of(0, 255);

	private Blocks() {
	}

	/** The packets of all the regions (which should not overlap, though they may), as sorted blocks. */
	static List<Block> of(Collection<Region> regions) {
		Set<List<List<Interval>>> blocks = new LinkedHashSet<>();
		for (Region region : regions)
			for (List<Interval> box : region.boxIntervals())
				blocks.addAll(canonical(box));
		boolean merged;
		do {
			int before = blocks.size();
			for (int d = 0; d < FIELDS; d++)
				blocks = mergeAlong(blocks, d);
			merged = blocks.size() < before;
		} while (merged);
		return blocks.stream().sorted(ORDER).map(Block::new).toList();
	}

	/**
	 * The box with its protocols cut apart at those with fields of their own, and each part's ports
	 * and ICMP type widened to every value where the protocol does not have them: regions hold
	 * every value of such a field, so this adds no packet.
	 */
	private static List<List<List<Interval>>> canonical(List<Interval> box) {
		List<List<List<Interval>>> parts = new ArrayList<>();
		for (Interval protocols : protocolParts(box.get(Dimension.PROTOCOL.ordinal()))) {
			int single = protocols.first().equals(protocols.last()) ? protocols.first().intValueExact() : -1;
			List<List<Interval>> part = new ArrayList<>();
			for (Interval field : box)
				part.add(List.of(field));
			part.set(Dimension.PROTOCOL.ordinal(), List.of(protocols));
			if (!Selector.hasPorts(single)) {
				part.set(Dimension.SOURCE_PORT.ordinal(), List.of(ALL_PORTS));
				part.set(Dimension.DESTINATION_PORT.ordinal(), List.of(ALL_PORTS));
			}
			if (!Selector.hasIcmpType(single))
				part.set(Dimension.ICMP_TYPE.ordinal(), List.of(ALL_TYPES));
			parts.add(List.copyOf(part));
		}
		return parts;
	}

	private static List<Interval> protocolParts(Interval protocols) {
		List<Interval> parts = new ArrayList<>();
		BigInteger next = protocols.first();
		for (int special : WITH_FIELDS) {
			BigInteger value = BigInteger.valueOf(special);
			if (value.compareTo(next) < 0 || value.compareTo(protocols.last()) > 0)
				continue;
			if (next.compareTo(value) < 0)
				parts.add(new Interval(next, value.subtract(BigInteger.ONE)));
			parts.add(new Interval(value, value));
			next = value.add(BigInteger.ONE);
		}
		if (next.compareTo(protocols.last()) <= 0)
			parts.add(new Interval(next, protocols.last()));
		return parts;
	}

	/** Blocks equal but in field d become one, with the union of their field d. */
	private static Set<List<List<Interval>>> mergeAlong(Set<List<List<Interval>>> blocks, int d) {
		Map<List<List<Interval>>, List<Interval>> byRest = new LinkedHashMap<>();
		for (List<List<Interval>> block : blocks) {
			List<List<Interval>> rest = new ArrayList<>(block);
			rest.set(d, List.of());
			byRest.merge(rest, block.get(d), Blocks::union);
		}
		Set<List<List<Interval>>> result = new LinkedHashSet<>();
		byRest.forEach((rest, field) -> {
			List<List<Interval>> block = new ArrayList<>(rest);
			block.set(d, field);
			result.add(List.copyOf(block));
		});
		return result;
	}

	/** Sorted, disjoint, non-adjacent intervals holding the values of both. */
	static List<Interval> union(List<Interval> a, List<Interval> b) {
		List<Interval> all = new ArrayList<>(a);
		all.addAll(b);
		all.sort(Comparator.comparing(Interval::first));
		List<Interval> merged = new ArrayList<>();
		for (Interval interval : all) {
			Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.last().add(BigInteger.ONE).compareTo(interval.first()) >= 0)
				merged.set(merged.size() - 1, new Interval(last.first(), last.last().max(interval.last())));
			else
				merged.add(interval);
		}
		return List.copyOf(merged);
	}

	/** Field by field in {@link Dimension} order, each by its intervals' bounds. */
	private static final Comparator<List<List<Interval>>> ORDER = (a, b) -> {
		for (int d = 0; d < FIELDS; d++) {
			int byField = compare(a.get(d), b.get(d));
			if (byField != 0)
				return byField;
		}
		return 0;
	};

	private static int compare(List<Interval> a, List<Interval> b) {
		for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
			int byFirst = a.get(k).first().compareTo(b.get(k).first());
			if (byFirst != 0)
				return byFirst;
			int byLast = a.get(k).last().compareTo(b.get(k).last());
			if (byLast != 0)
				return byLast;
		}
		return Integer.compare(a.size(), b.size());
	}
}
