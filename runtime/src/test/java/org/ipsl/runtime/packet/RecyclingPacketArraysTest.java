package org.ipsl.runtime.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecyclingPacketArraysTest {

	private final RecyclingPacketArrays arrays = new RecyclingPacketArrays();

	@Test
	void anArrayGivenBackServesTheNextPacketOfItsLengthOnce() {
		byte[] first = arrays.take(1400);
		arrays.giveBack(first);
		assertThat(arrays.take(1400)).isSameAs(first);
		assertThat(arrays.take(1400)).isNotSameAs(first).hasSize(1400);
	}

	@Test
	void otherLengthsGetArraysOfTheirOwnLength() {
		byte[] kept = arrays.take(1400);
		arrays.giveBack(kept);
		// 1464 shares 1400's slot (modulo 64), 1401 does not.
		assertThat(arrays.take(1464)).hasSize(1464);
		assertThat(arrays.take(1401)).hasSize(1401);
		assertThat(arrays.take(1400)).isSameAs(kept);
	}

	@Test
	void aLaterArrayOfTheSameSlotReplacesTheEarlierOne() {
		byte[] earlier = new byte[1400];
		byte[] later = new byte[1464];
		arrays.giveBack(earlier);
		arrays.giveBack(later);
		assertThat(arrays.take(1400)).isNotSameAs(earlier);
		assertThat(arrays.take(1464)).isSameAs(later);
	}

	@Test
	void freshArraysAreNeverReused() {
		byte[] first = PacketArrays.FRESH.take(100);
		PacketArrays.FRESH.giveBack(first);
		assertThat(PacketArrays.FRESH.take(100)).isNotSameAs(first).hasSize(100);
	}
}
