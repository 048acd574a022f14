package org.ipsl.runtime.spd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ipsl.model.Selector;
import org.ipsl.runtime.sad.Direction;

/**
 * The fast classifier: binary decision trees over the six fields a selector tests (local and
 * remote address, protocol, local and remote port, ICMP type), in the manner of HyperSplit. Each
 * selector is a union of boxes in that space (one per pair of its local and remote prefixes). A
 * node splits its region at one value of one field, chosen among the boxes' own bounds so that
 * the larger half holds as few boxes as possible; a box crossing the split goes to both halves.
 * Two things keep the trees small where policies overlap. A box that covers a node's whole region
 * takes every packet reaching it before any later policy, so the node keeps only its position
 * and the boxes of later policies are dropped below it. And the boxes are grouped by the fields
 * they are wide in, one tree per group (as EffiCuts separates rules), so that splitting a field
 * where most boxes are narrow does not copy the few wide ones into every leaf. Splitting stops at
 * a few boxes, at a depth limit, when no split makes progress, or when copies pass a budget,
 * leaving a leaf that is scanned in order. A lookup walks one path in each tree whose first
 * position can still win, remembering the best covering position, then tests the leaf's boxes
 * in order, stopping at the first match or at a position that cannot win. Nodes and leaf boxes
 * are packed in flat arrays: a lookup reads a cache line or two per level and one run of memory
 * per leaf.
 *
 * <p>Immutable after construction; lookups allocate nothing and are safe from any thread.
 */
public final class DecisionTree implements PolicyClassifier {

    private static final int DIMENSIONS = 6;
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
    private static final int EXACT_SCORING = 64;
    private static final int MAX_DEPTH = 64;
    /** Box copies allowed in the whole tree per box of the input, before leaves are left larger. */
    private static final int COPIES_PER_BOX = 24;
    private static final int NO_POSITION = Integer.MAX_VALUE;
    private static final int LEAF = 15;
    /**
     * A box as a leaf tests it: protocol and ICMP type bounds in one word, port bounds in another,
     * then the local and the remote prefix (network high, low, mask high, low).
     */
    private static final int BOX_WORDS = 10;
    private static final int WIDE_FRACTION = 64;

    private final int policies;
    /** One tree per group, by the first position in it; a group's tree is skipped once a match precedes it. */
    private int[] roots;
    private int[] rootFirst;

    /**
     * Nodes, three longs each: a word holding the field split on ({@link #LEAF} for a leaf), the
     * covering position and the index of the first of two adjacent children; then the split value
     * (high word, low word), or for a leaf the range of its entries. One node is one cache line
     * or two, which is what a lookup pays per level.
     */
    private long[] tree = new long[3 * 64];
    private int nodes;
    /** Leaf entries: the policy position, and the box that brought it in ({@link #BOX_WORDS} longs, read in sequence). */
    private int[] leafPositions = new int[256];
    private long[] leafBoxes = new long[256 * BOX_WORDS];
    private int leafEntries;

    // Build state: boxes in rank space (index of the elementary interval per field), and the cut values.
    private int[] boxLow;
    private int[] boxHigh;
    private int[] boxPosition;
    private long[] boxData;
    private long[][] cutHigh;
    private long[][] cutLow;
    private long copyBudget;

    public DecisionTree(List<Selector> inOrder) {
        SelectorMatch[] selectors = inOrder.stream().map(SelectorMatch::new).toArray(SelectorMatch[]::new);
        policies = selectors.length;
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
        boxData = new long[boxes.size() * BOX_WORDS];
        for (int b = 0; b < boxes.size(); b++) {
            System.arraycopy(boxes.get(b), 4 * DIMENSIONS, boxData, b * BOX_WORDS, BOX_WORDS);
        }
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
            roots[g] = newNodes(1);
            build(roots[g], groups[g], groups[g].length, regionLow, regionHigh, 0);
        }
        // Only the tree is needed from here on.
        boxLow = null;
        boxHigh = null;
        boxPosition = null;
        boxData = null;
        cutHigh = null;
        cutLow = null;
        tree = Arrays.copyOf(tree, 3 * nodes);
        leafPositions = Arrays.copyOf(leafPositions, leafEntries);
        leafBoxes = Arrays.copyOf(leafBoxes, leafEntries * BOX_WORDS);
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
                .sorted(Comparator.comparingInt(g -> boxPosition[g[0]])).toArray(int[][]::new);
    }

    /**
     * A selector's boxes: per field the inclusive low and high, addresses as two words each. Flat:
     * for field d, [4d] low high word, [4d+1] low low word, [4d+2] high high word, [4d+3] high low
     * word; then the {@link #BOX_WORDS} words a leaf tests.
     */
    private static List<long[]> boxes(SelectorMatch selector) {
        List<long[]> boxes = new ArrayList<>();
        for (int l = 0; l < selector.local.length; l += 4) {
            for (int r = 0; r < selector.remote.length; r += 4) {
                long[] box = new long[4 * DIMENSIONS + BOX_WORDS];
                setPrefix(box, LOCAL, selector.local, l);
                setPrefix(box, REMOTE, selector.remote, r);
                setSmall(box, PROTOCOL, selector.protocol == Selector.ANY ? 0 : selector.protocol,
                        selector.protocol == Selector.ANY ? 255 : selector.protocol);
                setSmall(box, LOCAL_PORT, selector.localFirstPort, selector.localLastPort);
                setSmall(box, REMOTE_PORT, selector.remoteFirstPort, selector.remoteLastPort);
                setSmall(box, ICMP_TYPE, selector.icmpType < 0 ? 0 : selector.icmpType, selector.icmpType < 0 ? 255 : selector.icmpType);
                int test = 4 * DIMENSIONS;
                box[test] = box[4 * PROTOCOL + 1] | box[4 * PROTOCOL + 3] << 8 | box[4 * ICMP_TYPE + 1] << 16
                        | box[4 * ICMP_TYPE + 3] << 24;
                box[test + 1] = box[4 * LOCAL_PORT + 1] | box[4 * LOCAL_PORT + 3] << 16 | box[4 * REMOTE_PORT + 1] << 32
                        | box[4 * REMOTE_PORT + 3] << 48;
                System.arraycopy(selector.local, l, box, test + 2, 4);
                System.arraycopy(selector.remote, r, box, test + 6, 4);
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

    /** Builds, at {@code node}, the subtree for the boxes (in position order) meeting the region. */
    private void build(int node, int[] items, int count, int[] regionLow, int[] regionHigh, int depth) {
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
        int[] split = kept <= LEAF_SIZE || depth >= MAX_DEPTH || copyBudget <= 0 ? null
                : bestSplit(items, kept, regionLow, regionHigh);
        if (split == null) {
            makeLeaf(node, coverPosition, items, kept);
            return;
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
        int children = newNodes(2);
        tree[3 * node] = d | (long) coverPosition << 4 | (long) children << 35;
        tree[3 * node + 1] = cutHigh[d][at];
        tree[3 * node + 2] = cutLow[d][at];
        int savedHigh = regionHigh[d];
        regionHigh[d] = at - 1;
        build(children, lower, lowerCount, regionLow, regionHigh, depth + 1);
        regionHigh[d] = savedHigh;
        int savedLow = regionLow[d];
        regionLow[d] = at;
        build(children + 1, upper, upperCount, regionLow, regionHigh, depth + 1);
        regionLow[d] = savedLow;
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

    private void makeLeaf(int node, int coverPosition, int[] items, int count) {
        if (leafEntries + count > leafPositions.length) {
            int size = Math.max(2 * leafPositions.length, leafEntries + count);
            leafPositions = Arrays.copyOf(leafPositions, size);
            leafBoxes = Arrays.copyOf(leafBoxes, size * BOX_WORDS);
        }
        tree[3 * node] = LEAF | (long) coverPosition << 4;
        tree[3 * node + 1] = leafEntries;
        for (int i = 0; i < count; i++) {
            leafPositions[leafEntries] = boxPosition[items[i]];
            System.arraycopy(boxData, items[i] * BOX_WORDS, leafBoxes, leafEntries * BOX_WORDS, BOX_WORDS);
            leafEntries++;
        }
        tree[3 * node + 2] = leafEntries;
    }

    /** Reserves {@code count} adjacent nodes; returns the first. */
    private int newNodes(int count) {
        if (3 * (nodes + count) > tree.length) {
            tree = Arrays.copyOf(tree, Math.max(2 * tree.length, 3 * (nodes + count)));
        }
        int first = nodes;
        nodes += count;
        return first;
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
        long[] t = tree;
        int at = 3 * root;
        while (true) {
            long word = t[at];
            int cover = (int) (word >>> 4) & NO_POSITION;
            if (cover < best) {
                best = cover;
            }
            int d = (int) word & LEAF;
            if (d == LEAF) {
                break;
            }
            boolean upper = switch (d) {
                case LOCAL -> atLeast(localHigh, localLow, t[at + 1], t[at + 2]);
                case REMOTE -> atLeast(remoteHigh, remoteLow, t[at + 1], t[at + 2]);
                case PROTOCOL -> protocol >= t[at + 2];
                case LOCAL_PORT -> localPort >= t[at + 2];
                case REMOTE_PORT -> remotePort >= t[at + 2];
                default -> type >= t[at + 2];
            };
            at = 3 * ((int) (word >>> 35) + (upper ? 1 : 0));
        }
        long[] boxes = leafBoxes;
        for (int i = (int) t[at + 1], end = (int) t[at + 2]; i < end; i++) {
            int position = leafPositions[i];
            if (position >= best) {
                break;
            }
            int o = i * BOX_WORDS;
            long small = boxes[o];
            long ports = boxes[o + 1];
            if (protocol >= (small & 0xff) && protocol <= (small >>> 8 & 0xff)
                    && type >= (small >>> 16 & 0xff) && type <= (small >>> 24 & 0xff)
                    && localPort >= (ports & 0xffff) && localPort <= (ports >>> 16 & 0xffff)
                    && remotePort >= (ports >>> 32 & 0xffff) && remotePort <= (ports >>> 48)
                    && (localHigh & boxes[o + 4]) == boxes[o + 2] && (localLow & boxes[o + 5]) == boxes[o + 3]
                    && (remoteHigh & boxes[o + 8]) == boxes[o + 6] && (remoteLow & boxes[o + 9]) == boxes[o + 7]) {
                return position;
            }
        }
        return best;
    }

    private static boolean atLeast(long high, long low, long boundHigh, long boundLow) {
        int byHigh = Long.compareUnsigned(high, boundHigh);
        return byHigh != 0 ? byHigh > 0 : Long.compareUnsigned(low, boundLow) >= 0;
    }

    /** Trees, nodes and leaf entries, for tests and the benchmark's notes: how big the classifier grew. */
    public String shape() {
        int leaves = 0;
        for (int i = 0; i < nodes; i++) {
            if ((tree[3 * i] & LEAF) == LEAF) {
                leaves++;
            }
        }
        return roots.length + " trees, " + nodes + " nodes, " + leaves + " leaves, " + leafEntries + " leaf entries for "
                + policies + " policies";
    }
}
