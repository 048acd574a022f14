package org.ipsl.runtime.spd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ipsl.model.Selector;
import org.ipsl.runtime.sad.Direction;

/**
 * The fast classifier: a binary decision tree over the six fields a selector tests (local and
 * remote address, protocol, local and remote port, ICMP type), in the manner of HyperSplit. Each
 * selector is a union of boxes in that space (one per pair of its local and remote prefixes). A
 * node splits its region at one value of one field, chosen among the boxes' own bounds so that the
 * larger half holds as few boxes as possible; a box crossing the split goes to both halves. Two
 * things keep the tree small where policies overlap: a box that covers a node's whole region
 * takes every packet reaching it before any later policy, so the node keeps only its position
 * and the boxes of later policies are dropped below it (wildcard policies are never copied into
 * every leaf); and splitting stops at a few boxes, at a depth limit, when no split makes
 * progress, or when copies pass a budget, leaving a leaf that is scanned in order. A lookup walks
 * one path, remembering the best covering position, then tests the leaf's policies in order,
 * stopping at the first match or at a position that cannot win.
 *
 * <p>Immutable after construction; lookups allocate nothing and are safe from any thread.
 */
public final class DecisionTree implements PolicyClassifier {

    static final int DIMENSIONS = 6;
    private static final int LOCAL = 0;
    private static final int REMOTE = 1;
    private static final int PROTOCOL = 2;
    private static final int LOCAL_PORT = 3;
    private static final int REMOTE_PORT = 4;
    private static final int ICMP_TYPE = 5;
    /** The largest value of each field, low word (addresses: high word all ones too). */
    private static final long[] MAXIMUM = {-1L, -1L, 255, 65535, 65535, 255};

    private static final int LEAF_SIZE = 4;
    /** Nodes with at most this many boxes score splits by {@link #uncovered}, bigger ones by counting. */
    private static final int EXACT_SCORING = 24;
    private static final int MAX_DEPTH = 64;
    /** Box copies allowed in the whole tree per box of the input, before leaves are left larger. */
    private static final int COPIES_PER_BOX = 24;
    private static final int NO_POSITION = Integer.MAX_VALUE;
    private static final int WIDE_FRACTION = 64;

    private final SelectorMatch[] selectors;
    /** One tree per group, by the first position in it; a group's tree is skipped once a match precedes it. */
    private int[] roots;
    private int[] rootFirst;

    // Nodes, by index. A leaf has dimension -1.
    private int[] dimension = new int[64];
    private long[] splitHigh = new long[64];
    private long[] splitLow = new long[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] cover = new int[64];
    private int[] leafFrom = new int[64];
    private int[] leafTo = new int[64];
    private int nodes;
    private int[] leafPositions = new int[256];
    private int leafEntries;

    // Build state: boxes in rank space (index of the elementary interval per field), and the cut values.
    private int[] boxLow;
    private int[] boxHigh;
    private int[] boxPosition;
    private long[][] cutHigh;
    private long[][] cutLow;
    private long copyBudget;

    public DecisionTree(List<Selector> inOrder) {
        selectors = inOrder.stream().map(SelectorMatch::new).toArray(SelectorMatch[]::new);
        List<long[]> boxes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int position = 0; position < selectors.length; position++) {
            for (long[] box : boxes(selectors[position])) {
                boxes.add(box);
                positions.add(position);
            }
        }
        compress(boxes, positions);
        copyBudget = (long) COPIES_PER_BOX * boxes.size() + 4096;
        int[][] groups = groups(boxes.size());
        roots = new int[groups.length];
        rootFirst = new int[groups.length];
        for (int g = 0; g < groups.length; g++) {
            int[] regionLow = new int[DIMENSIONS];
            int[] regionHigh = new int[DIMENSIONS];
            for (int d = 0; d < DIMENSIONS; d++) {
                regionHigh[d] = cutLow[d].length - 1;
            }
            rootFirst[g] = boxPosition[groups[g][0]];
            roots[g] = build(groups[g], groups[g].length, regionLow, regionHigh, 0);
        }
        // Only the tree is needed from here on.
        boxLow = null;
        boxHigh = null;
        boxPosition = null;
        cutHigh = null;
        cutLow = null;
        dimension = Arrays.copyOf(dimension, nodes);
        splitHigh = Arrays.copyOf(splitHigh, nodes);
        splitLow = Arrays.copyOf(splitLow, nodes);
        left = Arrays.copyOf(left, nodes);
        right = Arrays.copyOf(right, nodes);
        cover = Arrays.copyOf(cover, nodes);
        leafFrom = Arrays.copyOf(leafFrom, nodes);
        leafTo = Arrays.copyOf(leafTo, nodes);
        leafPositions = Arrays.copyOf(leafPositions, leafEntries);
    }

    /**
     * The boxes split by which of the address and port fields they are wide in (spanning more
     * than 1/{@value #WIDE_FRACTION} of that field's elementary intervals), groups in order of
     * their first position. Within a group no box is wide where another is narrow, so splits
     * rarely copy a box; without grouping, a few hundred {@code any}-remote policies would be
     * copied into every leaf of the remote-address splits.
     */
    private int[][] groups(int count) {
        int[] mask = new int[count];
        int[] sizes = new int[1 << 4];
        int[] wideDimensions = {LOCAL, REMOTE, LOCAL_PORT, REMOTE_PORT};
        for (int b = 0; b < count; b++) {
            for (int bit = 0; bit < wideDimensions.length; bit++) {
                int d = wideDimensions[bit];
                int span = boxHigh[b * DIMENSIONS + d] - boxLow[b * DIMENSIONS + d] + 1;
                if ((long) span * WIDE_FRACTION > cutLow[d].length) {
                    mask[b] |= 1 << bit;
                }
            }
            sizes[mask[b]]++;
        }
        int[][] byMask = new int[sizes.length][];
        for (int m = 0; m < sizes.length; m++) {
            byMask[m] = new int[sizes[m]];
        }
        int[] filled = new int[sizes.length];
        for (int b = 0; b < count; b++) {
            byMask[mask[b]][filled[mask[b]]++] = b;
        }
        return Arrays.stream(byMask).filter(g -> g.length > 0)
                .sorted(java.util.Comparator.comparingInt(g -> boxPosition[g[0]])).toArray(int[][]::new);
    }

    /**
     * A selector's boxes: per field the inclusive low and high, addresses as two words each. Flat:
     * for field d, [4d] low high word, [4d+1] low low word, [4d+2] high high word, [4d+3] high low word.
     */
    private static List<long[]> boxes(SelectorMatch selector) {
        List<long[]> boxes = new ArrayList<>();
        for (int l = 0; l < selector.local.length; l += 4) {
            for (int r = 0; r < selector.remote.length; r += 4) {
                long[] box = new long[4 * DIMENSIONS];
                setPrefix(box, LOCAL, selector.local, l);
                setPrefix(box, REMOTE, selector.remote, r);
                setSmall(box, PROTOCOL, selector.protocol == Selector.ANY ? 0 : selector.protocol,
                        selector.protocol == Selector.ANY ? 255 : selector.protocol);
                setSmall(box, LOCAL_PORT, selector.localFirstPort, selector.localLastPort);
                setSmall(box, REMOTE_PORT, selector.remoteFirstPort, selector.remoteLastPort);
                setSmall(box, ICMP_TYPE, selector.icmpType < 0 ? 0 : selector.icmpType, selector.icmpType < 0 ? 255 : selector.icmpType);
                boxes.add(box);
            }
        }
        return boxes;
    }

    private static void setPrefix(long[] box, int d, long[] prefixes, int at) {
        box[4 * d] = prefixes[at];
        box[4 * d + 1] = prefixes[at + 1];
        box[4 * d + 2] = prefixes[at] | ~prefixes[at + 2];
        box[4 * d + 3] = prefixes[at + 1] | ~prefixes[at + 3];
    }

    private static void setSmall(long[] box, int d, long low, long high) {
        box[4 * d + 1] = low;
        box[4 * d + 3] = high;
    }

    /**
     * Maps every bound to the index of its elementary interval per field: the cut values are 0 and
     * each box's low and high + 1, sorted; a box then spans the ranks from its low's to the one
     * before its high + 1's. The tree is built on ranks and keeps the cut values to compare packets with.
     */
    private void compress(List<long[]> boxes, List<Integer> positions) {
        int count = boxes.size();
        boxLow = new int[count * DIMENSIONS];
        boxHigh = new int[count * DIMENSIONS];
        boxPosition = positions.stream().mapToInt(Integer::intValue).toArray();
        cutHigh = new long[DIMENSIONS][];
        cutLow = new long[DIMENSIONS][];
        for (int d = 0; d < DIMENSIONS; d++) {
            long[][] cuts = new long[2 * count + 1][];
            int n = 0;
            cuts[n++] = new long[] {0, 0};
            for (long[] box : boxes) {
                cuts[n++] = new long[] {box[4 * d], box[4 * d + 1]};
                if (!isMaximum(d, box[4 * d + 2], box[4 * d + 3])) {
                    cuts[n++] = increment(box[4 * d + 2], box[4 * d + 3]);
                }
            }
            Arrays.sort(cuts, 0, n, DecisionTree::compare);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (distinct == 0 || compare(cuts[distinct - 1], cuts[i]) != 0) {
                    cuts[distinct++] = cuts[i];
                }
            }
            cutHigh[d] = new long[distinct];
            cutLow[d] = new long[distinct];
            for (int i = 0; i < distinct; i++) {
                cutHigh[d][i] = cuts[i][0];
                cutLow[d][i] = cuts[i][1];
            }
            for (int b = 0; b < count; b++) {
                long[] box = boxes.get(b);
                boxLow[b * DIMENSIONS + d] = rank(d, box[4 * d], box[4 * d + 1]);
                boxHigh[b * DIMENSIONS + d] = isMaximum(d, box[4 * d + 2], box[4 * d + 3]) ? distinct - 1
                        : rank(d, increment(box[4 * d + 2], box[4 * d + 3])) - 1;
            }
        }
    }

    private static boolean isMaximum(int d, long high, long low) {
        return d <= REMOTE ? high == -1L && low == -1L : low == MAXIMUM[d];
    }

    private static long[] increment(long high, long low) {
        return low == -1L ? new long[] {high + 1, 0} : new long[] {high, low + 1};
    }

    private static int compare(long[] a, long[] b) {
        int byHigh = Long.compareUnsigned(a[0], b[0]);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(a[1], b[1]);
    }

    private int rank(int d, long[] value) {
        return rank(d, value[0], value[1]);
    }

    private int rank(int d, long high, long low) {
        long[] highs = cutHigh[d];
        long[] lows = cutLow[d];
        int from = 0;
        int to = highs.length - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int c = Long.compareUnsigned(highs[middle], high);
            if (c == 0) {
                c = Long.compareUnsigned(lows[middle], low);
            }
            if (c < 0) {
                from = middle + 1;
            } else if (c > 0) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        throw new IllegalStateException("not a cut value");
    }

    /** Builds the subtree for the boxes (in position order) meeting the region; returns its node. */
    private int build(int[] items, int count, int[] regionLow, int[] regionHigh, int depth) {
        int node = newNode();
        int kept = 0;
        int coverPosition = NO_POSITION;
        for (int i = 0; i < count; i++) {
            if (covers(items[i], regionLow, regionHigh)) {
                coverPosition = boxPosition[items[i]];
                break;
            }
            kept++;
        }
        // Boxes of the covering policy itself before it in the list add nothing: the cover takes them.
        while (kept > 0 && boxPosition[items[kept - 1]] >= coverPosition) {
            kept--;
        }
        cover[node] = coverPosition;
        dimension[node] = -1;
        int[] split = kept <= LEAF_SIZE || depth >= MAX_DEPTH || copyBudget <= 0 ? null
                : bestSplit(items, kept, regionLow, regionHigh);
        if (split == null) {
            makeLeaf(node, items, kept);
            return node;
        }
        int d = split[0];
        int at = split[1];
        int[] lower = new int[kept];
        int[] upper = new int[kept];
        int lowerCount = 0;
        int upperCount = 0;
        for (int i = 0; i < kept; i++) {
            int box = items[i];
            if (boxLow[box * DIMENSIONS + d] < at) {
                lower[lowerCount++] = box;
            }
            if (boxHigh[box * DIMENSIONS + d] >= at) {
                upper[upperCount++] = box;
            }
        }
        copyBudget -= lowerCount + upperCount - kept;
        dimension[node] = d;
        splitHigh[node] = cutHigh[d][at];
        splitLow[node] = cutLow[d][at];
        int savedHigh = regionHigh[d];
        regionHigh[d] = at - 1;
        int lowerNode = build(lower, lowerCount, regionLow, regionHigh, depth + 1);
        regionHigh[d] = savedHigh;
        int savedLow = regionLow[d];
        regionLow[d] = at;
        int upperNode = build(upper, upperCount, regionLow, regionHigh, depth + 1);
        regionLow[d] = savedLow;
        left[node] = lowerNode;
        right[node] = upperNode;
        return node;
    }

    private boolean covers(int box, int[] regionLow, int[] regionHigh) {
        for (int d = 0; d < DIMENSIONS; d++) {
            if (boxLow[box * DIMENSIONS + d] > regionLow[d] || boxHigh[box * DIMENSIONS + d] < regionHigh[d]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field and rank to split at: among the boxes' bounds inside the region, the one whose
     * larger half holds fewest boxes, then fewest copies. When every split leaves one half with
     * all of them, one whose other half is empty still helps: the region shrinks towards the
     * boxes until some of them cover it. Small nodes count, per half, only the boxes before the
     * first that covers it. Null when there is neither.
     */
    private int[] bestSplit(int[] items, int count, int[] regionLow, int[] regionHigh) {
        int[] lows = new int[count];
        int[] highs = new int[count];
        boolean exact = count <= EXACT_SCORING;
        int[] best = null;
        int[] trim = null;
        long bestLarger = count;
        long bestTotal = Long.MAX_VALUE;
        for (int d = 0; d < DIMENSIONS; d++) {
            if (regionLow[d] == regionHigh[d]) {
                continue;
            }
            for (int i = 0; i < count; i++) {
                lows[i] = Math.max(boxLow[items[i] * DIMENSIONS + d], regionLow[d]);
                highs[i] = Math.min(boxHigh[items[i] * DIMENSIONS + d], regionHigh[d]);
            }
            Arrays.sort(lows);
            Arrays.sort(highs);
            // Candidate split ranks: a box's low (its left edge) or its high + 1 (its right edge).
            for (int pass = 0; pass < 2; pass++) {
                int[] bounds = pass == 0 ? lows : highs;
                int previous = -1;
                for (int i = 0; i < count; i++) {
                    int at = pass == 0 ? bounds[i] : bounds[i] + 1;
                    if (at == previous || at <= regionLow[d] || at > regionHigh[d]) {
                        continue;
                    }
                    previous = at;
                    long lower = exact ? uncovered(items, count, regionLow, regionHigh, d, regionLow[d], at - 1)
                            : countBelow(lows, at);
                    long upper = exact ? uncovered(items, count, regionLow, regionHigh, d, at, regionHigh[d])
                            : count - countBelow(highs, at);
                    long larger = Math.max(lower, upper);
                    long total = lower + upper;
                    if (larger < bestLarger || larger == bestLarger && total < bestTotal && best != null) {
                        best = new int[] {d, at};
                        bestLarger = larger;
                        bestTotal = total;
                    } else if (trim == null && (lower == 0 || upper == 0)) {
                        trim = new int[] {d, at};
                    }
                }
            }
        }
        return best != null ? best : trim;
    }

    /**
     * The boxes a half would keep: those meeting it that come before the first box covering it.
     * What a split is worth in a small node, where a box covering one half prunes all after it.
     */
    private int uncovered(int[] items, int count, int[] regionLow, int[] regionHigh, int d, int from, int to) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int box = items[i];
            int low = boxLow[box * DIMENSIONS + d];
            int high = boxHigh[box * DIMENSIONS + d];
            if (high < from || low > to) {
                continue;
            }
            boolean covers = low <= from && high >= to;
            for (int other = 0; covers && other < DIMENSIONS; other++) {
                covers = other == d || boxLow[box * DIMENSIONS + other] <= regionLow[other]
                        && boxHigh[box * DIMENSIONS + other] >= regionHigh[other];
            }
            if (covers) {
                break;
            }
            kept++;
        }
        return kept;
    }

    /** How many of the sorted values are below {@code bound}. */
    private static int countBelow(int[] sorted, int bound) {
        int from = 0;
        int to = sorted.length;
        while (from < to) {
            int middle = (from + to) >>> 1;
            if (sorted[middle] < bound) {
                from = middle + 1;
            } else {
                to = middle;
            }
        }
        return from;
    }

    private void makeLeaf(int node, int[] items, int count) {
        leafFrom[node] = leafEntries;
        int previous = -1;
        for (int i = 0; i < count; i++) {
            int position = boxPosition[items[i]];
            if (position != previous) {
                if (leafEntries == leafPositions.length) {
                    leafPositions = Arrays.copyOf(leafPositions, 2 * leafEntries);
                }
                leafPositions[leafEntries++] = position;
                previous = position;
            }
        }
        leafTo[node] = leafEntries;
    }

    private int newNode() {
        if (nodes == dimension.length) {
            int size = 2 * nodes;
            dimension = Arrays.copyOf(dimension, size);
            splitHigh = Arrays.copyOf(splitHigh, size);
            splitLow = Arrays.copyOf(splitLow, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
            cover = Arrays.copyOf(cover, size);
            leafFrom = Arrays.copyOf(leafFrom, size);
            leafTo = Arrays.copyOf(leafTo, size);
        }
        return nodes++;
    }

    @Override
    public int firstMatch(Flow flow, Direction direction) {
        boolean out = direction == Direction.OUTBOUND;
        long localHigh = out ? flow.sourceHigh() : flow.destinationHigh();
        long localLow = out ? flow.sourceLow() : flow.destinationLow();
        long remoteHigh = out ? flow.destinationHigh() : flow.sourceHigh();
        long remoteLow = out ? flow.destinationLow() : flow.sourceLow();
        int protocol = flow.protocol();
        int localPort = out ? flow.sourcePort() : flow.destinationPort();
        int remotePort = out ? flow.destinationPort() : flow.sourcePort();
        int type = flow.icmpType();
        int best = NO_POSITION;
        for (int g = 0; g < roots.length && rootFirst[g] < best; g++) {
            best = walk(roots[g], best, localHigh, localLow, remoteHigh, remoteLow, protocol, localPort, remotePort, type);
        }
        return best == NO_POSITION ? -1 : best;
    }

    /** The first match in one tree if it precedes {@code best}, else {@code best}. */
    private int walk(int root, int best, long localHigh, long localLow, long remoteHigh, long remoteLow, int protocol,
                     int localPort, int remotePort, int type) {
        int node = root;
        while (true) {
            if (cover[node] < best) {
                best = cover[node];
            }
            int d = dimension[node];
            if (d < 0) {
                break;
            }
            boolean upper = switch (d) {
                case LOCAL -> atLeast(localHigh, localLow, splitHigh[node], splitLow[node]);
                case REMOTE -> atLeast(remoteHigh, remoteLow, splitHigh[node], splitLow[node]);
                case PROTOCOL -> protocol >= splitLow[node];
                case LOCAL_PORT -> localPort >= splitLow[node];
                case REMOTE_PORT -> remotePort >= splitLow[node];
                default -> type >= splitLow[node];
            };
            node = upper ? right[node] : left[node];
        }
        for (int i = leafFrom[node], end = leafTo[node]; i < end; i++) {
            int position = leafPositions[i];
            if (position >= best) {
                break;
            }
            if (selectors[position].matches(localHigh, localLow, remoteHigh, remoteLow, protocol, localPort, remotePort, type)) {
                return position;
            }
        }
        return best;
    }

    private static boolean atLeast(long high, long low, long boundHigh, long boundLow) {
        int byHigh = Long.compareUnsigned(high, boundHigh);
        return byHigh != 0 ? byHigh > 0 : Long.compareUnsigned(low, boundLow) >= 0;
    }

    /** Nodes and leaf entries, for tests and the benchmark's notes: how big the tree grew. */
    public String shape() {
        int leaves = 0;
        for (int i = 0; i < nodes; i++) {
            if (dimension[i] < 0) {
                leaves++;
            }
        }
        return roots.length + " trees, " + nodes + " nodes, " + leaves + " leaves, " + leafEntries + " leaf entries for " + selectors.length + " policies";
    }
}
