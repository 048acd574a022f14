package org.ipsl.runtime.sad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.ipsl.runtime.sad.ReplayWindow.Verdict;
import org.junit.jupiter.api.Test;

/** RFC 4303 3.4.3's sliding window, against its definition. */
class ReplayWindowTest {

	private final ReplayWindow window = new ReplayWindow(64);

	private void acceptAll(long... sequences) {
		for (long sequence : sequences) {
			assertThat(window.check(sequence)).isEqualTo(Verdict.FRESH);
			window.accept(sequence);
		}
	}

	@Test
	void inWindowPacketsArriveInAnyOrderOnce() {
		acceptAll(1, 5, 3, 2, 4, 70, 40, 69);
		assertThat(window.highest()).isEqualTo(70);
		assertThat(window.check(7)).isEqualTo(Verdict.FRESH);
		assertThat(window.check(40)).isEqualTo(Verdict.DUPLICATE);
		assertThat(window.check(70)).isEqualTo(Verdict.DUPLICATE);
		assertThat(window.check(71)).isEqualTo(Verdict.FRESH);
	}

	@Test
	void theWindowHoldsExactlySixtyFourNumbers() {
		acceptAll(100);
		assertThat(window.check(37)).isEqualTo(Verdict.FRESH);
		assertThat(window.check(36)).isEqualTo(Verdict.TOO_OLD);
		acceptAll(37);
		assertThat(window.check(37)).isEqualTo(Verdict.DUPLICATE);
	}

	@Test
	void advancingForgetsTheNumbersLeftBehindAndClearsTheNewOnes() {
		acceptAll(1, 2, 3);
		acceptAll(66); // 1 and 2 have left the window; 3 is its oldest
		assertThat(window.check(2)).isEqualTo(Verdict.TOO_OLD);
		assertThat(window.check(3)).isEqualTo(Verdict.DUPLICATE);
		assertThat(window.check(65)).isEqualTo(Verdict.FRESH);
		acceptAll(1_000_000); // a jump far beyond the window
		assertThat(window.check(66)).isEqualTo(Verdict.TOO_OLD);
		assertThat(window.check(999_999)).isEqualTo(Verdict.FRESH);
		assertThat(window.check(1_000_000 - 63)).isEqualTo(Verdict.FRESH);
		assertThat(window.check(1_000_000 - 64)).isEqualTo(Verdict.TOO_OLD);
	}

	@Test
	void sequenceZeroIsNeverSent() {
		assertThat(window.check(0)).isEqualTo(Verdict.TOO_OLD);
	}

	@Test
	void sizeZeroTurnsAntiReplayOff() {
		ReplayWindow off = new ReplayWindow(0);
		off.accept(5);
		assertThat(off.check(5)).isEqualTo(Verdict.FRESH);
		assertThat(off.check(0)).isEqualTo(Verdict.FRESH);
	}

	/**
	 * The definition, for any window size and arrival order: a number is a duplicate if accepted
	 * before and still in the window, too old if zero or at least {@code size} below the highest
	 * accepted, fresh otherwise.
	 */
	@Property(tries = 300)
	void agreesWithTheDefinition(@ForAll @IntRange(min = 1, max = 200) int size,
			@ForAll @Size(max = 300) List<@LongRange(min = 0, max = 600) Long> arrivals) {
		ReplayWindow tested = new ReplayWindow(size);
		Set<Long> accepted = new HashSet<>();
		long highest = 0;
		for (long sequence : arrivals) {
			Verdict expected = sequence == 0 || sequence <= highest - size
					? Verdict.TOO_OLD
					: accepted.contains(sequence)
							? Verdict.DUPLICATE
							: Verdict.FRESH;
			assertThat(tested.check(sequence)).as("sequence %d after highest %d", sequence, highest)
					.isEqualTo(expected);
			if (expected == Verdict.FRESH) {
				tested.accept(sequence);
				accepted.add(sequence);
				highest = Math.max(highest, sequence);
			}
		}
	}
}
