package org.ipsl.model.region;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;

/**
 * An exact set of packets: a finite union of disjoint boxes over source, destination, protocol,
 * source port, destination port and ICMP type. Ports of protocols without ports, and the ICMP type
 * of non-ICMP protocols, are always full ranges, so every region is a set of real packets and the
 * set operations are exact. Immutable.
 */
public final class Region {

	public static final Region EMPTY = new Region(List.of());

	private static final BigInteger[] FULL_LOWS = new BigInteger[Box.DIMENSIONS];
	private static final BigInteger[] FULL_HIGHS = new BigInteger[Box.DIMENSIONS];

	static {
		BigInteger[] maxima = {IpRange.MAX_ADDRESS, IpRange.MAX_ADDRESS, BigInteger.valueOf(255),
				BigInteger.valueOf(PortRange.MAX_PORT), BigInteger.valueOf(PortRange.MAX_PORT),
				BigInteger.valueOf(255)};
		for (int d = 0; d < Box.DIMENSIONS; d++) {
			FULL_LOWS[d] = BigInteger.ZERO;
			FULL_HIGHS[d] = maxima[d];
		}
	}

	/** Up to this many cuts meeting one box are tried one by one; with more the box is split first. */
	private static final int SEQUENTIAL_CUTS = 8;
	/** How many cuts are looked at to choose where to split a box. */
	private static final int SPLIT_SAMPLE = 63;

	private final List<Box> boxes;

	private Region(List<Box> disjointBoxes) {
		this.boxes = disjointBoxes;
	}

	/**
	 * The packets a selector selects. Only packets that can exist: both addresses of one family, so
	 * an {@code any} end takes the family of the other end, and {@code any} to {@code any} is IPv4 to
	 * IPv4 plus IPv6 to IPv6.
	 */
	public static Region of(Selector selector) {
		List<IpRange> local = mergeRanges(selector.local());
		List<IpRange> remote = mergeRanges(selector.remote());
		List<Box> boxes = new ArrayList<>();
		for (List<IpRange> family : List.of(List.of(IpRange.IPV4), IpRange.IPV6)) {
			List<IpRange> sources = local.isEmpty() ? family : intersect(local, family);
			List<IpRange> destinations = remote.isEmpty() ? family : intersect(remote, family);
			for (IpRange source : sources) {
				for (IpRange destination : destinations) {
					boxes.add(box(selector, source, destination));
				}
			}
		}
		return new Region(Collections.unmodifiableList(boxes));
	}

	private static Box box(Selector selector, IpRange source, IpRange destination) {
		BigInteger[] lows = FULL_LOWS.clone();
		BigInteger[] highs = FULL_HIGHS.clone();
		setRange(lows, highs, Dimension.SOURCE, source.first(), source.last());
		setRange(lows, highs, Dimension.DESTINATION, destination.first(), destination.last());
		if (selector.protocol() != Selector.ANY) {
			setRange(lows, highs, Dimension.PROTOCOL, selector.protocol(), selector.protocol());
		}
		setRange(lows, highs, Dimension.SOURCE_PORT, selector.localPorts().first(), selector.localPorts().last());
		setRange(lows, highs, Dimension.DESTINATION_PORT, selector.remotePorts().first(),
				selector.remotePorts().last());
		selector.icmpType().ifPresent(type -> setRange(lows, highs, Dimension.ICMP_TYPE, type, type));
		return Box.of(lows, highs);
	}

	private static void setRange(BigInteger[] lows, BigInteger[] highs, Dimension dimension, long low, long high) {
		setRange(lows, highs, dimension, BigInteger.valueOf(low), BigInteger.valueOf(high));
	}

	private static void setRange(BigInteger[] lows, BigInteger[] highs, Dimension dimension, BigInteger low,
			BigInteger high) {
		lows[dimension.ordinal()] = low;
		highs[dimension.ordinal()] = high;
	}

	/** Sorted, disjoint, non-adjacent ranges covering the same addresses. */
	private static List<IpRange> mergeRanges(List<IpRange> ranges) {
		List<IpRange> sorted = new ArrayList<>(ranges);
		Collections.sort(sorted);
		List<IpRange> merged = new ArrayList<>();
		for (IpRange range : sorted) {
			IpRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && last.last().add(BigInteger.ONE).compareTo(range.first()) >= 0) {
				merged.set(merged.size() - 1, new IpRange(last.first(), last.last().max(range.last())));
			} else {
				merged.add(range);
			}
		}
		return merged;
	}

	private static List<IpRange> intersect(List<IpRange> ranges, List<IpRange> family) {
		List<IpRange> shared = new ArrayList<>();
		for (IpRange range : ranges) {
			for (IpRange part : family) {
				range.intersect(part).ifPresent(shared::add);
			}
		}
		return shared;
	}

	public boolean isEmpty() {
		return boxes.isEmpty();
	}

	/** Whether the two share at least one packet; cheaper than {@code !intersect(other).isEmpty()}. */
	public boolean overlaps(Region other) {
		for (Box box : boxes) {
			for (Box otherBox : other.boxes) {
				if (box.intersects(otherBox)) {
					return true;
				}
			}
		}
		return false;
	}

	public Region intersect(Region other) {
		List<Box> result = new ArrayList<>();
		for (Box box : boxes) {
			for (Box otherBox : other.boxes) {
				Box shared = box.intersection(otherBox);
				if (shared != null) {
					result.add(shared);
				}
			}
		}
		return result.isEmpty() ? EMPTY : new Region(Collections.unmodifiableList(result));
	}

	public Region subtract(Region other) {
		return firstMatches(List.of(other)).unmatched();
	}

	/** The packets of this region that are in none of the others. */
	public Region subtractAll(List<Region> others) {
		return firstMatches(others).unmatched();
	}

	/**
	 * Tries the regions in order for every packet of this one, as a policy database tries its
	 * policies: which of them take at least one packet first, and which packets none takes.
	 */
	public FirstMatch firstMatches(List<Region> inOrder) {
		List<Cut> cuts = new ArrayList<>();
		for (int position = 0; position < inOrder.size(); position++) {
			for (Box box : inOrder.get(position).boxes) {
				cuts.add(new Cut(box, position));
			}
		}
		BitSet takers = new BitSet();
		List<Box> unmatched = new ArrayList<>();
		for (Box box : boxes) {
			matchFirst(box, meeting(box, cuts), takers, unmatched);
		}
		Region rest = unmatched.isEmpty() ? EMPTY : new Region(Collections.unmodifiableList(unmatched));
		return new FirstMatch(takers.stream().boxed().toList(), rest);
	}

	/** A box of a region tried in first-match order, and the region's position in that order. */
	private record Cut(Box box, int position) {
	}

	/** The cuts that meet the box, in their order. */
	private static List<Cut> meeting(Box box, List<Cut> cuts) {
		List<Cut> meeting = new ArrayList<>();
		for (Cut cut : cuts) {
			if (cut.box.intersects(box)) {
				meeting.add(cut);
			}
		}
		return meeting;
	}

	/**
	 * First-match of the box against cuts that all meet it, in order: marks the positions that
	 * take some of it and adds what none takes to {@code unmatched}. Cuts after the first one that
	 * holds the whole box never see any of it. Few cuts are tried one after another; many would
	 * splinter the rest into pieces that every later cut has to visit, so the box is first halved at
	 * a median bound of the cuts (a k-d split) and each half only meets the cuts on its side. Taking
	 * first is decided packet by packet, so the halves can be matched separately.
	 */
	private static void matchFirst(Box box, List<Cut> cuts, BitSet takers, List<Box> unmatched) {
		int holder = 0;
		while (holder < cuts.size() && !cuts.get(holder).box.contains(box)) {
			holder++;
		}
		if (holder <= SEQUENTIAL_CUTS) {
			List<Box> rest = List.of(box);
			for (int k = 0; k < holder && !rest.isEmpty(); k++) {
				Box cut = cuts.get(k).box;
				List<Box> next = new ArrayList<>();
				for (Box piece : rest) {
					if (piece.intersects(cut)) {
						takers.set(cuts.get(k).position);
						piece.subtractInto(cut, next);
					} else {
						next.add(piece);
					}
				}
				rest = next;
			}
			if (holder < cuts.size() && !rest.isEmpty()) {
				takers.set(cuts.get(holder).position);
			} else {
				unmatched.addAll(rest);
			}
			return;
		}
		// None of the cuts before the holder holds the box, so each has a bound inside it: the split makes progress.
		List<Cut> relevant = cuts.subList(0, Math.min(holder + 1, cuts.size()));
		int step = Math.max(1, holder / SPLIT_SAMPLE);
		List<Box> sample = new ArrayList<>();
		for (int k = 0; k < holder; k += step) {
			sample.add(relevant.get(k).box);
		}
		for (Box half : box.splitAtMedianBound(sample)) {
			matchFirst(half, meeting(half, relevant), takers, unmatched);
		}
	}

	public Region union(Region other) {
		Region added = other.subtract(this);
		if (added.isEmpty()) {
			return this;
		}
		List<Box> result = new ArrayList<>(boxes);
		result.addAll(added.boxes);
		return new Region(Collections.unmodifiableList(result));
	}

	/**
	 * The same packets as the host at the other end sees them: a packet leaving this host from
	 * {@code a:p} to {@code b:q} arrives there from {@code a:p} to {@code b:q}, which its policies,
	 * written from its own side, select with {@code b:q} as the local end and {@code a:p} as the
	 * remote one. Sources and destinations swap, and so do their ports.
	 */
	public Region mirrored() {
		List<Box> result = new ArrayList<>(boxes.size());
		for (Box box : boxes) {
			result.add(box.mirrored());
		}
		return result.isEmpty() ? EMPTY : new Region(Collections.unmodifiableList(result));
	}

	/** Whether every packet of other is in this region. */
	public boolean contains(Region other) {
		return other.subtract(this).isEmpty();
	}

	public boolean contains(Packet packet) {
		return containsPoint(packet.point());
	}

	/** Membership of a packet already converted with {@link Packet#point()}. */
	boolean containsPoint(long[] point) {
		for (Box box : boxes) {
			if (box.contains(point)) {
				return true;
			}
		}
		return false;
	}

	/** The number of packets, counting every value of fields a protocol does not have. */
	public BigInteger size() {
		BigInteger size = BigInteger.ZERO;
		for (Box box : boxes) {
			size = size.add(box.size());
		}
		return size;
	}

	List<Box> boxes() {
		return boxes;
	}

	/** The disjoint boxes, each as one interval per {@link Dimension}, in its order: how a region is shown. */
	public List<List<Interval>> boxIntervals() {
		List<List<Interval>> result = new ArrayList<>(boxes.size());
		for (Box box : boxes) {
			List<Interval> intervals = new ArrayList<>(Box.DIMENSIONS);
			for (int d = 0; d < Box.DIMENSIONS; d++) {
				intervals.add(new Interval(box.low(d), box.high(d)));
			}
			result.add(List.copyOf(intervals));
		}
		return result;
	}

	@Override
	public String toString() {
		return boxes.isEmpty() ? "Region[]" : "Region" + boxes;
	}
}
