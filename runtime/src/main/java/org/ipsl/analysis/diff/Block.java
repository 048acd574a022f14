package org.ipsl.analysis.diff;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Dimension;
import org.ipsl.model.region.Interval;
import org.ipsl.model.region.Packet;

/**
 * Packets given field by field: every combination of one value of each field's intervals, fields
 * in {@link Dimension} order, each field's intervals sorted, disjoint and not adjacent. The ends are
 * written from the host's side, as in a selector: the source is the local end of outbound packets.
 * Ports are full for protocols without ports, and so is the ICMP type outside ICMP.
 */
public record Block(List<List<Interval>> fields) {

	private static final Interval ALL_PROTOCOLS = Interval.of(0, 255);
	private static final Interval ALL_PORTS = Interval.of(0, PortRange.MAX_PORT);
	private static final Interval ALL_TYPES = Interval.of(0, 255);

	public Block {
		fields = List.copyOf(fields.stream().map(List::copyOf).toList());
	}

	public List<Interval> field(Dimension dimension) {
		return fields.get(dimension.ordinal());
	}

	public boolean contains(Packet packet) {
		for (Dimension dimension : Dimension.values())
			if (field(dimension).stream().noneMatch(i -> i.contains(packet.field(dimension))))
				return false;
		return true;
	}

	/** "tcp from 10.1.0.0/16 port 1024..65535 to 10.2.0.0/16 port 22": full ports and ICMP types are left out. */
	public String describe() {
		StringBuilder text = new StringBuilder(protocols());
		text.append(" from ").append(String.join(", ", texts(Dimension.SOURCE)));
		appendUnlessAll(text, " port ", Dimension.SOURCE_PORT, ALL_PORTS);
		text.append(" to ").append(String.join(", ", texts(Dimension.DESTINATION)));
		appendUnlessAll(text, " port ", Dimension.DESTINATION_PORT, ALL_PORTS);
		appendUnlessAll(text, " type ", Dimension.ICMP_TYPE, ALL_TYPES);
		return text.toString();
	}

	private void appendUnlessAll(StringBuilder text, String keyword, Dimension dimension, Interval all) {
		if (!field(dimension).equals(List.of(all)))
			text.append(keyword).append(String.join(", ", texts(dimension)));
	}

	/**
	 * One field as texts: "any" for every value; addresses as prefixes or ranges, "any IPv4" and
	 * "any IPv6" for a whole family; protocols by name where they have one; other values as "a..b".
	 */
	public List<String> texts(Dimension dimension) {
		List<Interval> intervals = field(dimension);
		return switch (dimension) {
			case SOURCE, DESTINATION -> addresses(intervals);
			case PROTOCOL -> intervals.equals(List.of(ALL_PROTOCOLS))
					? List.of("any")
					: intervals.stream().map(i -> name(i).orElse(numbers(i))).toList();
			case SOURCE_PORT, DESTINATION_PORT -> intervals.equals(List.of(ALL_PORTS))
					? List.of("any")
					: intervals.stream().map(Block::numbers).toList();
			case ICMP_TYPE -> intervals.equals(List.of(ALL_TYPES))
					? List.of("any")
					: intervals.stream().map(Block::numbers).toList();
		};
	}

	private static List<String> addresses(List<Interval> intervals) {
		List<IpRange> ranges = intervals.stream().map(i -> new IpRange(i.first(), i.last())).toList();
		if (ranges.equals(List.of(IpRange.ALL)))
			return List.of("any");
		List<String> texts = new ArrayList<>();
		List<IpRange> rest = new ArrayList<>(ranges);
		if (rest.remove(IpRange.IPV4))
			texts.add("any IPv4");
		if (rest.containsAll(IpRange.IPV6)) {
			rest.removeAll(IpRange.IPV6);
			texts.add("any IPv6");
		}
		rest.forEach(range -> texts.add(range.toString()));
		return texts;
	}

	/** "tcp, udp, protocols 0..5, 7..16": names first, then the numbers of protocols without one. */
	private String protocols() {
		List<Interval> intervals = field(Dimension.PROTOCOL);
		if (intervals.equals(List.of(ALL_PROTOCOLS)))
			return "any";
		List<String> names = new ArrayList<>(), numbers = new ArrayList<>();
		for (Interval interval : intervals)
			name(interval).ifPresentOrElse(names::add, () -> numbers.add(numbers(interval)));
		if (numbers.size() == 1 && !numbers.get(0).contains(".."))
			names.add("protocol " + numbers.get(0));
		else if (!numbers.isEmpty())
			names.add("protocols " + String.join(", ", numbers));
		return String.join(", ", names);
	}

	/** tcp, udp, icmp and icmpv6 by name. */
	private static Optional<String> name(Interval interval) {
		if (!interval.first().equals(interval.last()))
			return Optional.empty();
		int protocol = interval.first().intValueExact();
		return Selector.hasPorts(protocol) || Selector.hasIcmpType(protocol)
				? Optional.of(Selector.protocolName(protocol))
				: Optional.empty();
	}

	private static String numbers(Interval interval) {
		BigInteger first = interval.first(), last = interval.last();
		return first.equals(last) ? first.toString() : first + ".." + last;
	}

	@Override
	public String toString() {
		return describe();
	}
}
