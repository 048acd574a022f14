package org.ipsl.runtime.sad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceCounterTest {

	@Test
	void countsFromOne() {
		SequenceCounter counter = new SequenceCounter(0);
		assertThat(counter.next()).isEqualTo(1);
		assertThat(counter.next()).isEqualTo(2);
		assertThat(counter.last()).isEqualTo(2);
	}

	@Test
	void neverCycles() {
		SequenceCounter counter = new SequenceCounter(SequenceCounter.LAST - 1);
		assertThat(counter.next()).isEqualTo(0xffff_ffffL);
		assertThat(counter.next()).isZero();
		assertThat(counter.next()).isZero();
	}
}
