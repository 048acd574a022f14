package org.ipsl.runtime.spd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ipsl.model.IpRange;

/**
 * Address ranges as 128-bit prefixes in two words: what lets a selector test an address with two
 * masks instead of BigInteger comparisons. A range from {@code runtime.json} is one prefix; any
 * other range is cut into the fewest prefixes that cover it exactly.
 */
final class Prefixes {

	private Prefixes() {
	}

	/** Flat: network high, network low, mask high, mask low, then the next prefix. */
	static long[] of(List<IpRange> ranges) {
		List<long[]> all = new ArrayList<>();
		for (IpRange range : ranges) {
			cover(range.first(), range.last(), all);
		}
		// A prefix inside another of the list adds nothing ("any" is 0.0.0.0/0 and ::/0, and ::/0 holds both).
		List<long[]> prefixes = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			boolean inside = false;
			for (int j = 0; j < all.size() && !inside; j++) {
				inside = j != i && contains(all.get(j), all.get(i)) && (!contains(all.get(i), all.get(j)) || j < i);
			}
			if (!inside) {
				prefixes.add(all.get(i));
			}
		}
		long[] flat = new long[4 * prefixes.size()];
		for (int i = 0; i < prefixes.size(); i++) {
			System.arraycopy(prefixes.get(i), 0, flat, 4 * i, 4);
		}
		return flat;
	}

	private static void cover(BigInteger first, BigInteger last, List<long[]> prefixes) {
		BigInteger next = first;
		while (next.compareTo(last) <= 0) {
			// The largest aligned block at `next` that stays inside the range.
			int hostBits = next.signum() == 0 ? 128 : next.getLowestSetBit();
			while (next.add(BigInteger.ONE.shiftLeft(hostBits)).subtract(BigInteger.ONE).compareTo(last) > 0) {
				hostBits--;
			}
			prefixes.add(prefix(next, 128 - hostBits));
			next = next.add(BigInteger.ONE.shiftLeft(hostBits));
		}
	}

	private static long[] prefix(BigInteger network, int length) {
		long maskHigh = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
		long maskLow = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
		return new long[]{network.shiftRight(64).longValue(), network.longValue(), maskHigh, maskLow};
	}

	/** Whether prefix {@code outer} holds all of {@code inner}: its mask is no longer and the networks agree under it. */
	private static boolean contains(long[] outer, long[] inner) {
		return (outer[2] & ~inner[2]) == 0 && (outer[3] & ~inner[3]) == 0
				&& (inner[0] & outer[2]) == outer[0] && (inner[1] & outer[3]) == outer[1];
	}

	/** Whether the address lies in one of the prefixes. */
	static boolean contain(long[] prefixes, long high, long low) {
		for (int i = 0; i < prefixes.length; i += 4) {
			if ((high & prefixes[i + 2]) == prefixes[i] && (low & prefixes[i + 3]) == prefixes[i + 1]) {
				return true;
			}
		}
		return false;
	}
}
