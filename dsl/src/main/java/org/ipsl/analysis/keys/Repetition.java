package org.ipsl.analysis.keys;

/** The guessable patterns of {@code low-entropy-key} (docs/diagnostics.md), over bytes or characters. */
final class Repetition {

	/** Patterns this long or shorter count as guessable. */
	static final int LONGEST_GUESSABLE_PERIOD = 4;

	private Repetition() {
	}

	/** Whether the sequence is a pattern of 1 to 4 elements repeated (a constant sequence too). */
	static boolean repeatsShortPattern(int[] sequence) {
		int longest = Math.min(LONGEST_GUESSABLE_PERIOD, sequence.length - 1);
		for (int period = 1; period <= longest; period++) {
			if (hasPeriod(sequence, period)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasPeriod(int[] sequence, int period) {
		for (int i = period; i < sequence.length; i++) {
			if (sequence[i] != sequence[i - period]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the bytes (0–255) step by one constant difference, modulo 256 so that a count
	 * through {@code ff} to {@code 00} is still a count.
	 */
	static boolean isArithmeticByteSequence(int[] bytes) {
		if (bytes.length < 3) {
			return false;
		}
		int step = Math.floorMod(bytes[1] - bytes[0], 256);
		for (int i = 2; i < bytes.length; i++) {
			if (Math.floorMod(bytes[i] - bytes[i - 1], 256) != step) {
				return false;
			}
		}
		return true;
	}
}
