package org.ipsl.runtime.spd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.ipsl.model.Selector;
import org.ipsl.runtime.sad.Direction;

/**
 * The fast classifier: decision trees over the eight words a selector tests (the high and the low
 * word of the local and of the remote address, protocol, local and remote port, ICMP type), in
 * the manner of HyperSplit. Each selector is a union of boxes in that space (one per pair of its
 * local and remote prefixes; a 128-bit prefix is exactly a range of high words times a range of
 * low words). The trees are grown binary: a node splits its region at one value of one word,
 * chosen among the boxes' own bounds so that the larger half holds as few boxes as possible; a
 * box crossing the split goes to both halves. Two things keep the trees small where policies
 * overlap. A box that covers a node's whole region takes every packet reaching it before any
 * later policy, so the node keeps only its position and the boxes of later policies are dropped
 * below it. And the boxes are grouped by the fields they are wide in, one tree per group (as
 * EffiCuts separates rules), so that splitting a field where most boxes are narrow does not copy
 * the few wide ones into every leaf. Splitting stops at a few boxes, at a depth limit, when no
 * split makes progress, or when copies pass a budget, leaving a leaf that is scanned in order.
 *
 * <p>The binary splits are then packed into multi-way nodes: a split and the splits on the same
 * word right below it (up to {@value #CUTS}) become one node with their values in order, and a
 * lookup picks the child by counting the values at or below its key, without a branch per value.
 * To fill the nodes, the level below a split keeps its word while that still divides the boxes.
 * Every node also records the first position anywhere below it, so a walk stops as soon as the
 * match it already has comes first; the trees are visited in order of their first position. A
 * lookup walks one path in each tree, two trees in step so that the memory reads of the two
 * paths overlap (a walk is a chain of dependent reads, and waiting for memory is most of its
 * time), then tests each leaf's boxes in order, stopping at the first match or at a position
 * that cannot win. Nodes and leaf boxes are packed in flat arrays: a node is {@value #NODE_WORDS}
 * longs, a leaf's boxes one run of memory.
 *
 * <p>Immutable after construction; lookups allocate nothing and are safe from any thread.
 */
public final class DecisionTree implements PolicyClassifier {

	private static final int DIMENSIONS = 8;
	private static final int LOCAL_HIGH = 0;
	private static final int LOCAL_LOW = 1;
	private static final int REMOTE_HIGH = 2;
	private static final int REMOTE_LOW = 3;
	private static final int PROTOCOL = 4;
	private static final int LOCAL_PORT = 5;
	private static final int REMOTE_PORT = 6;
	private static final int ICMP_TYPE = 7;
	/** The largest value of each word, unsigned. */
	private static final long[] MAXIMUM = {-1L, -1L, -1L, -1L, 255, 65535, 65535, 255};

	private static final int LEAF_SIZE = 4;
	/** Nodes with at most this many boxes score splits by {@link #uncovered}, bigger ones by counting. */
	private static final int EXACT_SCORING = 64;
	private static final int MAX_DEPTH = 64;
	/** Box copies allowed in the whole tree per box of the input, before leaves are left larger. */
	private static final int COPIES_PER_BOX = 12;
	private static final int NO_POSITION = Integer.MAX_VALUE;
	/** The binary node that is a leaf, before packing. */
	private static final int LEAF = -2;
	/**
	 * A box as a leaf tests it: its policy's position with the protocol and ICMP type bounds in
	 * one word, the port bounds in another, the local and the remote network (high, low word), and
	 * the two prefix lengths. One run of 56 bytes per entry, read in sequence.
	 */
	private static final int BOX_WORDS = 7;
	/** The masks of a prefix of each length, high and low word: what a leaf tests networks with. */
	private static final long[] MASK_HIGH = new long[129];
	private static final long[] MASK_LOW = new long[129];

	static {
		for (int length = 1; length <= 128; length++) {
			MASK_HIGH[length] = length >= 64 ? -1L : -1L << (64 - length);
			MASK_LOW[length] = length <= 64 ? 0 : -1L << (128 - length);
		}
	}

	private static final int WIDE_FRACTION = 64;
	/**
	 * A node: a header word, then {@link #CUTS} cut values in order, unused ones {@link
	 * Long#MAX_VALUE}. The header holds the word split on (3 bits), how many cut values (3 bits,
	 * none for a leaf), the first position anywhere below (31 bits) and the index of the first of
	 * its adjacent children (27 bits). A leaf keeps its covering position and the range of its
	 * entries where the cut values would be. Four longs: two nodes to a cache line.
	 */
	private static final int NODE_WORDS = 4;
	private static final int COUNT_SHIFT = 3;
	private static final int FIRST_SHIFT = 6;
	private static final int CHILDREN_SHIFT = 37;
	private static final int CUTS = NODE_WORDS - 1;
	/** Binary levels of one word a packed node holds. */
	private static final int PACK_LEVELS = 2;
	private static final int ANY_DIMENSION = -1;
	/** Where a walk ends when nothing in the rest of its tree can precede the match already found. */
	private static final int PRUNED = -1;

	private final int policies;
	/** One tree per group, in order of the first position in it. */
	private final int[] roots;
	private final int[] rootFirst;

	private long[] tree = new long[NODE_WORDS * 64];
	private int nodes;
	/** Leaf entries: the boxes, {@link #BOX_WORDS} longs each, in order within a leaf. */
	private long[] leafBoxes = new long[256 * BOX_WORDS];
	private int leafEntries;

	// Build state: boxes in rank space (index of the elementary interval per word), and the cut
	// values, sign bit flipped so that signed order is the words' unsigned order.
	private int[] boxLow;
	private int[] boxHigh;
	private int[] boxPosition;
	private long[] boxData;
	private long[][] cuts;
	private long copyBudget;

	/** A node of the binary tree as grown, before it is packed. */
	private static final class Split {
		final int cover;
		int dimension = LEAF;
		int at;
		Split lower;
		Split upper;
		int[] entries;
		int entryCount;

		Split(int cover) {
			this.cover = cover;
		}
	}

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
			System.arraycopy(boxes.get(b), 2 * DIMENSIONS, boxData, b * BOX_WORDS, BOX_WORDS);
		}
		int[][] groups = groups(boxes);
		roots = new int[groups.length];
		rootFirst = new int[groups.length];
		for (int g = 0; g < groups.length; g++) {
			int[] regionLow = new int[DIMENSIONS];
			int[] regionHigh = new int[DIMENSIONS];
			for (int d = 0; d < DIMENSIONS; d++) {
				regionHigh[d] = cuts[d].length - 1;
			}
			Split root = build(groups[g], groups[g].length, regionLow, regionHigh, 0, ANY_DIMENSION, 0);
			roots[g] = newNodes(1);
			rootFirst[g] = pack(roots[g], root, NO_POSITION);
		}
		// Only the packed trees are needed from here on.
		boxLow = null;
		boxHigh = null;
		boxPosition = null;
		boxData = null;
		cuts = null;
		tree = Arrays.copyOf(tree, NODE_WORDS * nodes);
		leafBoxes = Arrays.copyOf(leafBoxes, leafEntries * BOX_WORDS);
	}

	/**
	 * The boxes split by which of the local address, remote address and ports they are wide in
	 * (spanning more than 1/{@value #WIDE_FRACTION} of the distinct 128-bit or port bounds), groups
	 * in order of their first position. Within a group no box is wide where another is narrow, so
	 * splits rarely copy a box; without grouping, a few hundred {@code any}-remote policies would
	 * be copied into every leaf of the remote-address splits.
	 */
	private int[][] groups(List<long[]> boxes) {
		int count = boxes.size();
		int[] mask = new int[count];
		boolean[] localWide = wideAddresses(boxes, LOCAL_HIGH, LOCAL_LOW);
		boolean[] remoteWide = wideAddresses(boxes, REMOTE_HIGH, REMOTE_LOW);
		int[] sizes = new int[1 << 4];
		for (int b = 0; b < count; b++) {
			mask[b] = (localWide[b] ? 1 : 0) | (remoteWide[b] ? 2 : 0) | (widePorts(b, LOCAL_PORT) ? 4 : 0)
					| (widePorts(b, REMOTE_PORT) ? 8 : 0);
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

	private boolean widePorts(int box, int d) {
		long span = boxHigh[box * DIMENSIONS + d] - boxLow[box * DIMENSIONS + d] + 1;
		return span * WIDE_FRACTION > cuts[d].length;
	}

	/** Per box, whether its address end spans more than 1/{@value #WIDE_FRACTION} of the distinct 128-bit bounds of that end. */
	private static boolean[] wideAddresses(List<long[]> boxes, int high, int low) {
		Comparator<long[]> unsigned = (a, b) -> {
			int byHigh = Long.compareUnsigned(a[0], b[0]);
			return byHigh != 0 ? byHigh : Long.compareUnsigned(a[1], b[1]);
		};
		List<long[]> bounds = new ArrayList<>();
		for (long[] box : boxes) {
			bounds.add(new long[]{box[2 * high], box[2 * low]});
			bounds.add(new long[]{box[2 * high + 1], box[2 * low + 1]});
		}
		bounds.sort(unsigned);
		List<long[]> distinct = new ArrayList<>();
		for (long[] bound : bounds) {
			if (distinct.isEmpty() || unsigned.compare(distinct.get(distinct.size() - 1), bound) != 0) {
				distinct.add(bound);
			}
		}
		boolean[] wide = new boolean[boxes.size()];
		for (int b = 0; b < boxes.size(); b++) {
			long[] box = boxes.get(b);
			int first = java.util.Collections.binarySearch(distinct, new long[]{box[2 * high], box[2 * low]}, unsigned);
			int last = java.util.Collections.binarySearch(distinct, new long[]{box[2 * high + 1], box[2 * low + 1]},
					unsigned);
			wide[b] = (long) (last - first + 1) * WIDE_FRACTION > distinct.size();
		}
		return wide;
	}

	/**
	 * A selector's boxes: per word the inclusive low and high ([2d], [2d + 1]), then the
	 * {@link #BOX_WORDS} words a leaf tests.
	 */
	private static List<long[]> boxes(SelectorMatch selector) {
		List<long[]> boxes = new ArrayList<>();
		for (int l = 0; l < selector.local.length; l += 4) {
			for (int r = 0; r < selector.remote.length; r += 4) {
				long[] box = new long[2 * DIMENSIONS + BOX_WORDS];
				setPrefix(box, LOCAL_HIGH, LOCAL_LOW, selector.local, l);
				setPrefix(box, REMOTE_HIGH, REMOTE_LOW, selector.remote, r);
				boolean anyProtocol = selector.protocol == Selector.ANY;
				setRange(box, PROTOCOL, anyProtocol ? 0 : selector.protocol, anyProtocol ? 255 : selector.protocol);
				setRange(box, LOCAL_PORT, selector.localFirstPort, selector.localLastPort);
				setRange(box, REMOTE_PORT, selector.remoteFirstPort, selector.remoteLastPort);
				setRange(box, ICMP_TYPE, selector.icmpType < 0 ? 0 : selector.icmpType,
						selector.icmpType < 0 ? 255 : selector.icmpType);
				int test = 2 * DIMENSIONS;
				box[test] = box[2 * PROTOCOL] | box[2 * PROTOCOL + 1] << 8 | box[2 * ICMP_TYPE] << 16
						| box[2 * ICMP_TYPE + 1] << 24;
				box[test + 1] = box[2 * LOCAL_PORT] | box[2 * LOCAL_PORT + 1] << 16 | box[2 * REMOTE_PORT] << 32
						| box[2 * REMOTE_PORT + 1] << 48;
				box[test + 2] = selector.local[l];
				box[test + 3] = selector.local[l + 1];
				box[test + 4] = selector.remote[r];
				box[test + 5] = selector.remote[r + 1];
				box[test + 6] = prefixLength(selector.local, l) | prefixLength(selector.remote, r) << 8;
				boxes.add(box);
			}
		}
		return boxes;
	}

	private static long prefixLength(long[] prefixes, int at) {
		return Long.bitCount(prefixes[at + 2]) + Long.bitCount(prefixes[at + 3]);
	}

	/** A prefix as a range of high words times a range of low words. */
	private static void setPrefix(long[] box, int high, int low, long[] prefixes, int at) {
		setRange(box, high, prefixes[at], prefixes[at] | ~prefixes[at + 2]);
		setRange(box, low, prefixes[at + 1], prefixes[at + 1] | ~prefixes[at + 3]);
	}

	private static void setRange(long[] box, int d, long low, long high) {
		box[2 * d] = low;
		box[2 * d + 1] = high;
	}

	/**
	 * Maps every bound to the index of its elementary interval per word: the cut values are 0 and
	 * each box's low and high + 1, sorted; a box then spans the ranks from its low's to the one
	 * before its high + 1's. The tree is built on ranks and keeps the cut values to compare keys with.
	 */
	private void compress(List<long[]> boxes, List<Integer> positions) {
		int count = boxes.size();
		boxLow = new int[count * DIMENSIONS];
		boxHigh = new int[count * DIMENSIONS];
		boxPosition = positions.stream().mapToInt(Integer::intValue).toArray();
		cuts = new long[DIMENSIONS][];
		for (int d = 0; d < DIMENSIONS; d++) {
			long[] values = new long[2 * count + 1];
			int n = 0;
			values[n++] = flip(0);
			for (long[] box : boxes) {
				values[n++] = flip(box[2 * d]);
				if (box[2 * d + 1] != MAXIMUM[d]) {
					values[n++] = flip(box[2 * d + 1] + 1);
				}
			}
			Arrays.sort(values, 0, n);
			int distinct = 0;
			for (int i = 0; i < n; i++) {
				if (distinct == 0 || values[distinct - 1] != values[i]) {
					values[distinct++] = values[i];
				}
			}
			cuts[d] = Arrays.copyOf(values, distinct);
			for (int b = 0; b < count; b++) {
				long[] box = boxes.get(b);
				boxLow[b * DIMENSIONS + d] = rank(d, box[2 * d]);
				boxHigh[b * DIMENSIONS + d] = box[2 * d + 1] == MAXIMUM[d]
						? distinct - 1
						: rank(d, box[2 * d + 1] + 1) - 1;
			}
		}
	}

	/** The word with its sign bit flipped: signed order on the results is unsigned order on the words. */
	private static long flip(long word) {
		return word ^ Long.MIN_VALUE;
	}

	private int rank(int d, long value) {
		int rank = Arrays.binarySearch(cuts[d], flip(value));
		if (rank < 0) {
			throw new IllegalStateException("not a cut value");
		}
		return rank;
	}

	/** The binary subtree for the boxes (in position order) meeting the region. */
	private Split build(int[] items, int count, int[] regionLow, int[] regionHigh, int depth, int packDimension,
			int packLevel) {
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
		Split node = new Split(coverPosition);
		boolean stop = kept <= LEAF_SIZE || depth >= MAX_DEPTH || copyBudget <= 0;
		int[] split = stop || packDimension == ANY_DIMENSION
				? null
				: bestSplit(items, kept, regionLow, regionHigh, packDimension);
		if (split == null && !stop) {
			split = bestSplit(items, kept, regionLow, regionHigh, ANY_DIMENSION);
			packLevel = 0;
		}
		if (split == null) {
			node.entries = items;
			node.entryCount = kept;
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
		node.dimension = d;
		node.at = at;
		int savedHigh = regionHigh[d];
		regionHigh[d] = at - 1;
		// The level below splits the same word while that makes progress, so that the levels pack into one node.
		int childDimension = packLevel + 1 < PACK_LEVELS ? d : ANY_DIMENSION;
		int childLevel = (packLevel + 1) % PACK_LEVELS;
		node.lower = build(lower, lowerCount, regionLow, regionHigh, depth + 1, childDimension, childLevel);
		regionHigh[d] = savedHigh;
		int savedLow = regionLow[d];
		regionLow[d] = at;
		node.upper = build(upper, upperCount, regionLow, regionHigh, depth + 1, childDimension, childLevel);
		regionLow[d] = savedLow;
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
	 * The word and rank to split at: among the boxes' bounds inside the region, the one whose
	 * larger half holds fewest boxes, then fewest copies, then on the parent's word (which packs
	 * into the parent's node). When every split leaves one half with all of them, one whose other
	 * half is empty still helps: the region shrinks towards the boxes until some of them cover it.
	 * Small nodes count, per half, only the boxes before the first that covers it. Null when there
	 * is neither.
	 */
	private int[] bestSplit(int[] items, int count, int[] regionLow, int[] regionHigh, int onlyDimension) {
		int[] lows = new int[count];
		int[] highs = new int[count];
		boolean exact = count <= EXACT_SCORING;
		int[] best = null;
		int[] trim = null;
		long bestLarger = count;
		long bestTotal = Long.MAX_VALUE;
		for (int d = 0; d < DIMENSIONS; d++) {
			if (regionLow[d] == regionHigh[d] || onlyDimension != ANY_DIMENSION && d != onlyDimension) {
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
					long lower = exact
							? uncovered(items, count, regionLow, regionHigh, d, regionLow[d], at - 1)
							: countBelow(lows, at);
					long upper = exact
							? uncovered(items, count, regionLow, regionHigh, d, at, regionHigh[d])
							: count - countBelow(highs, at);
					long larger = Math.max(lower, upper);
					long total = lower + upper;
					if (larger < bestLarger || larger == bestLarger && total < bestTotal && best != null) {
						best = new int[]{d, at};
						bestLarger = larger;
						bestTotal = total;
					} else if (trim == null && (lower == 0 || upper == 0) && onlyDimension == ANY_DIMENSION) {
						trim = new int[]{d, at};
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

	/**
	 * Packs {@code split} into the reserved {@code node}: a leaf as it is, a split together with
	 * the splits on the same word below it (breadth first, up to {@value #CUTS}) as one node whose
	 * children are what lies below those. A split's covering position passes down to the nodes
	 * under it and rests in the leaves. Returns the first position anywhere in the subtree.
	 */
	private int pack(int node, Split split, int inheritedCover) {
		int cover = Math.min(inheritedCover, split.cover);
		if (split.dimension == LEAF) {
			int from = leafEntries;
			addLeafEntries(split.entries, split.entryCount);
			int first = split.entryCount > 0 ? Math.min(cover, boxPosition[split.entries[0]]) : cover;
			int at = NODE_WORDS * node;
			tree[at] = (long) first << FIRST_SHIFT;
			tree[at + 1] = cover;
			tree[at + 2] = from;
			tree[at + 3] = leafEntries;
			return first;
		}
		Set<Split> packed = new HashSet<>();
		Queue<Split> candidates = new ArrayDeque<>(List.of(split));
		while (!candidates.isEmpty() && packed.size() < CUTS) {
			Split candidate = candidates.remove();
			if (candidate.dimension == split.dimension) {
				packed.add(candidate);
				candidates.add(candidate.lower);
				candidates.add(candidate.upper);
			}
		}
		List<Split> children = new ArrayList<>();
		List<Integer> childCovers = new ArrayList<>();
		List<Long> values = new ArrayList<>();
		inOrder(split, cover, packed, children, childCovers, values);
		int firstChild = newNodes(children.size());
		int first = NO_POSITION;
		for (int i = 0; i < children.size(); i++) {
			first = Math.min(first, pack(firstChild + i, children.get(i), childCovers.get(i)));
		}
		int at = NODE_WORDS * node;
		tree[at] = split.dimension | (long) values.size() << COUNT_SHIFT | (long) first << FIRST_SHIFT
				| (long) firstChild << CHILDREN_SHIFT;
		for (int i = 0; i < CUTS; i++) {
			tree[at + 1 + i] = i < values.size() ? values.get(i) : Long.MAX_VALUE;
		}
		return first;
	}

	/** The children of a packed node, left to right, with the cover each inherits and the cut values between them. */
	private void inOrder(Split split, int cover, Set<Split> packed, List<Split> children, List<Integer> childCovers,
			List<Long> values) {
		if (!packed.contains(split)) {
			children.add(split);
			childCovers.add(cover);
			return;
		}
		int below = Math.min(cover, split.cover);
		inOrder(split.lower, below, packed, children, childCovers, values);
		values.add(cuts[split.dimension][split.at]);
		inOrder(split.upper, below, packed, children, childCovers, values);
	}

	private void addLeafEntries(int[] items, int count) {
		if (BOX_WORDS * (leafEntries + count) > leafBoxes.length) {
			leafBoxes = Arrays.copyOf(leafBoxes, BOX_WORDS * Math.max(2 * leafEntries, leafEntries + count));
		}
		for (int i = 0; i < count; i++) {
			System.arraycopy(boxData, items[i] * BOX_WORDS, leafBoxes, leafEntries * BOX_WORDS, BOX_WORDS);
			leafBoxes[leafEntries * BOX_WORDS] |= (long) boxPosition[items[i]] << 32;
			leafEntries++;
		}
	}

	/** Reserves {@code count} adjacent nodes; returns the first. */
	private int newNodes(int count) {
		if (nodes + count >= 1 << (64 - CHILDREN_SHIFT)) {
			throw new IllegalStateException("more nodes than a node's header can address");
		}
		if (NODE_WORDS * (nodes + count) > tree.length) {
			tree = Arrays.copyOf(tree, Math.max(2 * tree.length, NODE_WORDS * (nodes + count)));
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
		// Two trees at a time, a step in each in turn: the two paths' memory reads overlap.
		for (int g = 0; g < roots.length && rootFirst[g] < best; g += 2) {
			int a = NODE_WORDS * roots[g];
			int b = g + 1 < roots.length ? NODE_WORDS * roots[g + 1] : PRUNED;
			while (true) {
				int nextA = a == PRUNED
						? a
						: descend(a, best, localHigh, localLow, remoteHigh, remoteLow, protocol, localPort, remotePort,
								type);
				int nextB = b == PRUNED
						? b
						: descend(b, best, localHigh, localLow, remoteHigh, remoteLow, protocol, localPort, remotePort,
								type);
				if (nextA == a && nextB == b) {
					break;
				}
				a = nextA;
				b = nextB;
			}
			if (a != PRUNED) {
				best = scan(a, best, localHigh, localLow, remoteHigh, remoteLow, protocol, localPort, remotePort, type);
			}
			if (b != PRUNED) {
				best = scan(b, best, localHigh, localLow, remoteHigh, remoteLow, protocol, localPort, remotePort, type);
			}
		}
		return best == NO_POSITION ? -1 : best;
	}

	/**
	 * The child of the node at {@code at} that the key falls in; the node itself when it is a
	 * leaf, {@link #PRUNED} when nothing below it precedes {@code best}.
	 */
	private int descend(int at, int best, long localHigh, long localLow, long remoteHigh, long remoteLow, int protocol,
			int localPort, int remotePort, int type) {
		long[] t = tree;
		long header = t[at];
		if (((int) (header >>> FIRST_SHIFT) & NO_POSITION) >= best) {
			return PRUNED;
		}
		int cuts = (int) (header >>> COUNT_SHIFT) & 7;
		if (cuts == 0) {
			return at;
		}
		long key = flip(switch ((int) header & 7) {
			case LOCAL_HIGH -> localHigh;
			case LOCAL_LOW -> localLow;
			case REMOTE_HIGH -> remoteHigh;
			case REMOTE_LOW -> remoteLow;
			case PROTOCOL -> protocol;
			case LOCAL_PORT -> localPort;
			case REMOTE_PORT -> remotePort;
			default -> type;
		});
		// The child is the number of cut values at or below the key; unused ones are the
		// largest long, which only an all-ones address word reaches, hence the clamp.
		int child = (key >= t[at + 1] ? 1 : 0) + (key >= t[at + 2] ? 1 : 0) + (key >= t[at + 3] ? 1 : 0);
		return NODE_WORDS * ((int) (header >>> CHILDREN_SHIFT) + Math.min(child, cuts));
	}

	/** The first match in the leaf at {@code at} if it precedes {@code best}, else {@code best}. */
	private int scan(int at, int best, long localHigh, long localLow, long remoteHigh, long remoteLow, int protocol,
			int localPort, int remotePort, int type) {
		long[] t = tree;
		best = Math.min(best, (int) t[at + 1]);
		long[] boxes = leafBoxes;
		for (int o = BOX_WORDS * (int) t[at + 2], end = BOX_WORDS * (int) t[at + 3]; o < end; o += BOX_WORDS) {
			long small = boxes[o];
			int position = (int) (small >>> 32);
			if (position >= best) {
				break;
			}
			long ports = boxes[o + 1];
			int localLength = (int) boxes[o + 6] & 0xff;
			int remoteLength = (int) boxes[o + 6] >>> 8;
			if (protocol >= (small & 0xff) && protocol <= (small >>> 8 & 0xff)
					&& type >= (small >>> 16 & 0xff) && type <= (small >>> 24 & 0xff)
					&& localPort >= (ports & 0xffff) && localPort <= (ports >>> 16 & 0xffff)
					&& remotePort >= (ports >>> 32 & 0xffff) && remotePort <= (ports >>> 48)
					&& (localHigh & MASK_HIGH[localLength]) == boxes[o + 2]
					&& (localLow & MASK_LOW[localLength]) == boxes[o + 3]
					&& (remoteHigh & MASK_HIGH[remoteLength]) == boxes[o + 4]
					&& (remoteLow & MASK_LOW[remoteLength]) == boxes[o + 5]) {
				return position;
			}
		}
		return best;
	}

	/** Trees, nodes and leaf entries, for tests and the benchmark's notes: how big the classifier grew. */
	public String shape() {
		int leaves = 0;
		for (int i = 0; i < nodes; i++) {
			if ((tree[NODE_WORDS * i] >>> COUNT_SHIFT & 7) == 0) {
				leaves++;
			}
		}
		return roots.length + " trees, " + nodes + " nodes, " + leaves + " leaves, " + leafEntries
				+ " leaf entries for "
				+ policies + " policies";
	}
}
