package org.ipsl.model.region;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Finds which of many regions share packets with a given one without comparing it to all of them:
 * a bounding-box tree over the regions' boxes, split at the median of the dimension whose low
 * bounds differ most, so queries visit about log n nodes plus the boxes that really meet.
 * Immutable after construction; safe to query from several threads.
 * <p>
 * An index of the same regions with a few of them changed ({@link #replacing}, after an edit of a
 * host) keeps the tree, ignores the changed positions' boxes in it and searches their new boxes one
 * by one, until that list is long enough to be worth building a tree again.
 */
public final class RegionIndex {

	private static final int LEAF_SIZE = 8;
	private static final int SAMPLE_SIZE = 32;
	/** Positions searched one by one beyond which {@link #replacing} builds a tree again (and n/16). */
	private static final int MAX_REPLACED = 64;
	/** Split preference when dimensions tie: addresses separate real policies best. */
	private static final Dimension[] SPLIT_ORDER = {Dimension.DESTINATION, Dimension.SOURCE, Dimension.DESTINATION_PORT,
			Dimension.PROTOCOL, Dimension.SOURCE_PORT, Dimension.ICMP_TYPE};

	private record Entry(Box box, int owner) {
	}

	private static final class Node {
		final long[] bounds;
		final int from;
		final int to;
		Node left;
		Node right;

		Node(long[] bounds, int from, int to) {
			this.bounds = bounds;
			this.from = from;
			this.to = to;
		}
	}

	private final Entry[] entries;
	private final Node root;
	private final int size;
	/** Positions whose boxes in the tree are stale: their regions changed since it was built. */
	private final BitSet replaced;
	/** The current boxes of the replaced positions, searched one by one. */
	private final Entry[] added;

	private RegionIndex(Entry[] entries, int size) {
		this.entries = entries;
		this.root = entries.length == 0 ? null : build(0, entries.length);
		this.size = size;
		this.replaced = new BitSet();
		this.added = new Entry[0];
	}

	private RegionIndex(RegionIndex tree, BitSet replaced, Entry[] added) {
		this.entries = tree.entries;
		this.root = tree.root;
		this.size = tree.size;
		this.replaced = replaced;
		this.added = added;
	}

	/** Indexes the regions under their positions in the list. */
	public static RegionIndex of(List<Region> regions) {
		int count = 0;
		for (Region region : regions) {
			count += region.boxes().size();
		}
		Entry[] entries = new Entry[count];
		int next = 0;
		for (int owner = 0; owner < regions.size(); owner++) {
			for (Box box : regions.get(owner).boxes()) {
				entries[next++] = new Entry(box, owner);
			}
		}
		return new RegionIndex(entries, regions.size());
	}

	/**
	 * The index of {@code regions}, which are this index's regions except at the positions
	 * {@code changed}; the same as {@code of(regions)}, built again only when many positions changed
	 * since the tree was built or the number of regions differs.
	 */
	public RegionIndex replacing(List<Region> regions, Collection<Integer> changed) {
		BitSet stale = (BitSet) replaced.clone();
		changed.forEach(stale::set);
		if (regions.size() != size || stale.cardinality() > Math.max(MAX_REPLACED, size / 16)) {
			return of(regions);
		}
		List<Entry> current = new ArrayList<>();
		stale.stream().forEach(owner -> regions.get(owner).boxes().forEach(box -> current.add(new Entry(box, owner))));
		return new RegionIndex(this, stale, current.toArray(Entry[]::new));
	}

	private Node build(int from, int to) {
		if (to - from <= LEAF_SIZE) {
			long[] bounds = null;
			for (int i = from; i < to; i++) {
				bounds = Box.enclose(bounds, entries[i].box);
			}
			return new Node(bounds, from, to);
		}
		int d = splitDimension(from, to).ordinal();
		Arrays.sort(entries, from, to, (a, b) -> a.box.compareLow(d, b.box));
		int middle = (from + to) >>> 1;
		Node left = build(from, middle);
		Node right = build(middle, to);
		Node node = new Node(Box.enclose(left.bounds, right.bounds), from, to);
		node.left = left;
		node.right = right;
		return node;
	}

	/** The dimension with the most distinct low bounds among a sample of the entries. */
	private Dimension splitDimension(int from, int to) {
		int step = Math.max(1, (to - from) / SAMPLE_SIZE);
		Box[] sample = new Box[(to - from + step - 1) / step];
		for (int i = 0; i < sample.length; i++) {
			sample[i] = entries[from + i * step].box;
		}
		Dimension best = SPLIT_ORDER[0];
		int bestDistinct = 0;
		for (Dimension dimension : SPLIT_ORDER) {
			int d = dimension.ordinal();
			Arrays.sort(sample, (a, b) -> a.compareLow(d, b));
			int distinct = 1;
			for (int i = 1; i < sample.length; i++) {
				if (sample[i].compareLow(d, sample[i - 1]) != 0) {
					distinct++;
				}
			}
			if (distinct > bestDistinct) {
				best = dimension;
				bestDistinct = distinct;
			}
		}
		return best;
	}

	/** Positions of the indexed regions that share at least one packet with the query, ascending. */
	public int[] overlapping(Region query) {
		Found found = new Found();
		Deque<Node> pending = new ArrayDeque<>();
		for (Box box : query.boxes()) {
			for (Entry entry : added) {
				found.addIfMeets(entry, box);
			}
			if (root != null) {
				pending.push(root);
			}
			while (!pending.isEmpty()) {
				Node node = pending.pop();
				if (!box.intersects(node.bounds)) {
					continue;
				}
				if (node.left != null) {
					pending.push(node.right);
					pending.push(node.left);
					continue;
				}
				for (int i = node.from; i < node.to; i++) {
					if (!replaced.get(entries[i].owner)) {
						found.addIfMeets(entries[i], box);
					}
				}
			}
		}
		return sortedDistinct(found.owners, found.count);
	}

	/** The owners of the entries found so far, with repetitions. */
	private static final class Found {
		int[] owners = new int[8];
		int count;

		void addIfMeets(Entry entry, Box box) {
			if (entry.box.intersects(box)) {
				if (count == owners.length) {
					owners = Arrays.copyOf(owners, 2 * count);
				}
				owners[count++] = entry.owner;
			}
		}
	}

	private static int[] sortedDistinct(int[] values, int count) {
		Arrays.sort(values, 0, count);
		int distinct = 0;
		for (int i = 0; i < count; i++) {
			if (distinct == 0 || values[distinct - 1] != values[i]) {
				values[distinct++] = values[i];
			}
		}
		return Arrays.copyOf(values, distinct);
	}
}
