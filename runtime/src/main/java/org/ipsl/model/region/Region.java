package org.ipsl.model.region;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
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
                BigInteger.valueOf(PortRange.MAX_PORT), BigInteger.valueOf(PortRange.MAX_PORT), BigInteger.valueOf(255)};
        for (int d = 0; d < Box.DIMENSIONS; d++) {
            FULL_LOWS[d] = BigInteger.ZERO;
            FULL_HIGHS[d] = maxima[d];
        }
    }

    /** Up to this many cuts meeting one box are subtracted one by one; more are split first. */
    private static final int SEQUENTIAL_CUTS = 8;

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
        setRange(lows, highs, Dimension.DESTINATION_PORT, selector.remotePorts().first(), selector.remotePorts().last());
        selector.icmpType().ifPresent(type -> setRange(lows, highs, Dimension.ICMP_TYPE, type, type));
        return Box.of(lows, highs);
    }

    private static void setRange(BigInteger[] lows, BigInteger[] highs, Dimension dimension, long low, long high) {
        setRange(lows, highs, dimension, BigInteger.valueOf(low), BigInteger.valueOf(high));
    }

    private static void setRange(BigInteger[] lows, BigInteger[] highs, Dimension dimension, BigInteger low, BigInteger high) {
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
        return subtractBoxes(other.boxes);
    }

    /** The packets of this region that are in none of the others: one subtraction of many regions. */
    public Region subtractAll(Collection<Region> others) {
        List<Box> cuts = new ArrayList<>();
        for (Region other : others) {
            cuts.addAll(other.boxes);
        }
        return subtractBoxes(cuts);
    }

    private Region subtractBoxes(List<Box> cuts) {
        List<Box> rest = new ArrayList<>();
        boolean changed = false;
        for (Box box : boxes) {
            List<Box> meeting = meeting(box, cuts);
            if (meeting.isEmpty()) {
                rest.add(box);
            } else {
                changed = true;
                subtractCuts(box, meeting, rest);
            }
        }
        if (!changed) {
            return this;
        }
        return rest.isEmpty() ? EMPTY : new Region(Collections.unmodifiableList(rest));
    }

    private static List<Box> meeting(Box box, List<Box> cuts) {
        List<Box> meeting = new ArrayList<>(cuts.size());
        for (Box cut : cuts) {
            if (cut.intersects(box)) {
                meeting.add(cut);
            }
        }
        return meeting;
    }

    /**
     * Adds to {@code out} disjoint boxes holding box minus the cuts, which all meet it. Few cuts are
     * taken off one after another; many would splinter the rest into pieces that every later cut
     * has to visit, so the box is first halved at a median bound of the cuts (a k-d split), and each
     * half only meets the cuts on its side.
     */
    private static void subtractCuts(Box box, List<Box> cuts, List<Box> out) {
        if (cuts.size() <= SEQUENTIAL_CUTS) {
            List<Box> rest = List.of(box);
            for (Box cut : cuts) {
                List<Box> next = new ArrayList<>();
                for (Box piece : rest) {
                    if (piece.intersects(cut)) {
                        piece.subtractInto(cut, next);
                    } else {
                        next.add(piece);
                    }
                }
                rest = next;
            }
            out.addAll(rest);
            return;
        }
        for (Box cut : cuts) {
            if (cut.contains(box)) {
                return;
            }
        }
        // No cut holds the box, so some cut bound lies strictly inside it and the split makes progress.
        for (Box half : box.splitAtMedianBound(cuts)) {
            subtractCuts(half, meeting(half, cuts), out);
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

    @Override
    public String toString() {
        return boxes.isEmpty() ? "Region[]" : "Region" + boxes;
    }
}
