package org.ipsl.model.region;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A product of inclusive intervals, one per {@link Dimension}. Every bound is a 128-bit unsigned
 * number held as two longs, so that addresses and the small dimensions share one code path.
 * Immutable: the bounds array is never written after construction.
 */
final class Box {

	static final int DIMENSIONS = Dimension.values().length;
	private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

	/** For dimension d: [4d] and [4d+1] are the low bound's high and low words, [4d+2] and [4d+3] the high bound's. */
	private final long[] bounds;

	private Box(long[] bounds) {
		this.bounds = bounds;
	}

	/** Builds a box from [low, high] pairs, one per dimension, in {@link Dimension} order. */
	static Box of(BigInteger[] lows, BigInteger[] highs) {
		long[] bounds = new long[4 * DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			bounds[4 * d] = lows[d].shiftRight(64).longValue();
			bounds[4 * d + 1] = lows[d].longValue();
			bounds[4 * d + 2] = highs[d].shiftRight(64).longValue();
			bounds[4 * d + 3] = highs[d].longValue();
		}
		return new Box(bounds);
	}

	/** Compares two 128-bit unsigned numbers given as (high word, low word). */
	static int compare(long aHigh, long aLow, long bHigh, long bLow) {
		int byHigh = Long.compareUnsigned(aHigh, bHigh);
		return byHigh != 0 ? byHigh : Long.compareUnsigned(aLow, bLow);
	}

	/** Low bound of dimension d compared with other's low bound. */
	int compareLow(int d, Box other) {
		return compare(bounds[4 * d], bounds[4 * d + 1], other.bounds[4 * d], other.bounds[4 * d + 1]);
	}

	private static int compareLowHigh(long[] a, long[] b, int d) {
		return compare(a[4 * d], a[4 * d + 1], b[4 * d + 2], b[4 * d + 3]);
	}

	private static int compareLows(long[] a, long[] b, int d) {
		return compare(a[4 * d], a[4 * d + 1], b[4 * d], b[4 * d + 1]);
	}

	private static int compareHighs(long[] a, long[] b, int d) {
		return compare(a[4 * d + 2], a[4 * d + 3], b[4 * d + 2], b[4 * d + 3]);
	}

	boolean intersects(Box other) {
		for (int d = 0; d < DIMENSIONS; d++) {
			if (compareLowHigh(bounds, other.bounds, d) > 0 || compareLowHigh(other.bounds, bounds, d) > 0) {
				return false;
			}
		}
		return true;
	}

	boolean contains(Box other) {
		for (int d = 0; d < DIMENSIONS; d++) {
			if (compareLows(bounds, other.bounds, d) > 0 || compareHighs(bounds, other.bounds, d) < 0) {
				return false;
			}
		}
		return true;
	}

	/** Whether the point, given as (high word, low word) per dimension, lies inside. */
	boolean contains(long[] point) {
		for (int d = 0; d < DIMENSIONS; d++) {
			long high = point[2 * d];
			long low = point[2 * d + 1];
			if (compare(bounds[4 * d], bounds[4 * d + 1], high, low) > 0
					|| compare(high, low, bounds[4 * d + 2], bounds[4 * d + 3]) > 0) {
				return false;
			}
		}
		return true;
	}

	/** The common part, or null when there is none. */
	Box intersection(Box other) {
		long[] result = new long[4 * DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			long[] low = compareLows(bounds, other.bounds, d) >= 0 ? bounds : other.bounds;
			long[] high = compareHighs(bounds, other.bounds, d) <= 0 ? bounds : other.bounds;
			result[4 * d] = low[4 * d];
			result[4 * d + 1] = low[4 * d + 1];
			result[4 * d + 2] = high[4 * d + 2];
			result[4 * d + 3] = high[4 * d + 3];
			if (compareLowHigh(result, result, d) > 0) {
				return null;
			}
		}
		return new Box(result);
	}

	/**
	 * Adds to {@code out} disjoint boxes that together hold exactly this box minus {@code other},
	 * which must intersect it: one dimension at a time, the slabs below and above other are cut off.
	 */
	void subtractInto(Box other, List<Box> out) {
		long[] rest = bounds.clone();
		for (int d = 0; d < DIMENSIONS; d++) {
			if (compareLows(rest, other.bounds, d) < 0) {
				long[] below = rest.clone();
				setDecremented(below, 4 * d + 2, other.bounds, 4 * d);
				out.add(new Box(below));
				rest[4 * d] = other.bounds[4 * d];
				rest[4 * d + 1] = other.bounds[4 * d + 1];
			}
			if (compareHighs(rest, other.bounds, d) > 0) {
				long[] above = rest.clone();
				setIncremented(above, 4 * d, other.bounds, 4 * d + 2);
				out.add(new Box(above));
				rest[4 * d + 2] = other.bounds[4 * d + 2];
				rest[4 * d + 3] = other.bounds[4 * d + 3];
			}
		}
	}

	/** target[at..at+1] = source[from..from+1] - 1; never called on zero, which has nothing below. */
	private static void setDecremented(long[] target, int at, long[] source, int from) {
		long high = source[from];
		long low = source[from + 1];
		target[at] = low == 0 ? high - 1 : high;
		target[at + 1] = low - 1;
	}

	/** target[at..at+1] = source[from..from+1] + 1; never called on the maximum, which has nothing above. */
	private static void setIncremented(long[] target, int at, long[] source, int from) {
		long high = source[from];
		long low = source[from + 1];
		target[at] = low == -1L ? high + 1 : high;
		target[at + 1] = low + 1;
	}

	/**
	 * This box cut in two at a bound of one of the cuts that lies strictly inside it: in the
	 * dimension where most such bounds lie, at their median. No cut may hold the whole box: then
	 * every cut has a bound inside it.
	 */
	Box[] splitAtMedianBound(List<Box> cuts) {
		int bestDimension = -1;
		int bestCount = 0;
		for (int d = 0; d < DIMENSIONS; d++) {
			int count = 0;
			for (Box cut : cuts) {
				count += (compareLows(cut.bounds, bounds, d) > 0 ? 1 : 0)
						+ (compareHighs(cut.bounds, bounds, d) < 0 ? 1 : 0);
			}
			if (count > bestCount) {
				bestDimension = d;
				bestCount = count;
			}
		}
		int d = bestDimension;
		// A split value v puts [low, v - 1] and [v, high] apart: a cut's low bound, or its high bound + 1.
		long[][] values = new long[bestCount][];
		int next = 0;
		for (Box cut : cuts) {
			if (compareLows(cut.bounds, bounds, d) > 0) {
				values[next++] = new long[]{cut.bounds[4 * d], cut.bounds[4 * d + 1]};
			}
			if (compareHighs(cut.bounds, bounds, d) < 0) {
				long[] value = new long[2];
				setIncremented(value, 0, cut.bounds, 4 * d + 2);
				values[next++] = value;
			}
		}
		Arrays.sort(values, (a, b) -> compare(a[0], a[1], b[0], b[1]));
		long[] median = values[bestCount / 2];
		long[] below = bounds.clone();
		setDecremented(below, 4 * d + 2, median, 0);
		long[] above = bounds.clone();
		above[4 * d] = median[0];
		above[4 * d + 1] = median[1];
		return new Box[]{new Box(below), new Box(above)};
	}

	/**
	 * The same box seen from the other end: source and destination swapped, and source and
	 * destination ports swapped.
	 */
	Box mirrored() {
		long[] result = bounds.clone();
		swap(result, Dimension.SOURCE.ordinal(), Dimension.DESTINATION.ordinal());
		swap(result, Dimension.SOURCE_PORT.ordinal(), Dimension.DESTINATION_PORT.ordinal());
		return new Box(result);
	}

	private static void swap(long[] bounds, int d, int e) {
		for (int k = 0; k < 4; k++) {
			long kept = bounds[4 * d + k];
			bounds[4 * d + k] = bounds[4 * e + k];
			bounds[4 * e + k] = kept;
		}
	}

	/** Grows the bounds {@code a} (a new array when null) to hold box b too, and returns them. */
	static long[] enclose(long[] a, Box b) {
		return a == null ? b.bounds.clone() : enclose(a, b.bounds);
	}

	/** New bounds holding both bounds. */
	static long[] enclose(long[] a, long[] b) {
		long[] result = a.clone();
		for (int d = 0; d < DIMENSIONS; d++) {
			if (compareLows(b, result, d) < 0) {
				result[4 * d] = b[4 * d];
				result[4 * d + 1] = b[4 * d + 1];
			}
			if (compareHighs(b, result, d) > 0) {
				result[4 * d + 2] = b[4 * d + 2];
				result[4 * d + 3] = b[4 * d + 3];
			}
		}
		return result;
	}

	/** Whether this box meets the box with the given bounds (used for index nodes). */
	boolean intersects(long[] other) {
		for (int d = 0; d < DIMENSIONS; d++) {
			if (compareLowHigh(bounds, other, d) > 0 || compareLowHigh(other, bounds, d) > 0) {
				return false;
			}
		}
		return true;
	}

	BigInteger low(int d) {
		return unsigned(bounds[4 * d], bounds[4 * d + 1]);
	}

	BigInteger high(int d) {
		return unsigned(bounds[4 * d + 2], bounds[4 * d + 3]);
	}

	/** Number of points. */
	BigInteger size() {
		BigInteger size = BigInteger.ONE;
		for (int d = 0; d < DIMENSIONS; d++) {
			size = size.multiply(high(d).subtract(low(d)).add(BigInteger.ONE));
		}
		return size;
	}

	static BigInteger unsigned(long high, long low) {
		BigInteger value = BigInteger.valueOf(high);
		if (high < 0) {
			value = value.add(TWO_TO_64);
		}
		BigInteger lowValue = BigInteger.valueOf(low);
		if (low < 0) {
			lowValue = lowValue.add(TWO_TO_64);
		}
		return value.shiftLeft(64).or(lowValue);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("[");
		for (Dimension dimension : Dimension.values()) {
			int d = dimension.ordinal();
			if (d > 0) {
				text.append(" × ");
			}
			text.append(dimension.format(low(d))).append("..").append(dimension.format(high(d)));
		}
		return text.append(']').toString();
	}
}
