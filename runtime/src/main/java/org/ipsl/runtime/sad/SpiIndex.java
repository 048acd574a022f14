package org.ipsl.runtime.sad;

import java.util.Arrays;

/**
 * The SAD's SAs sorted by SPI, for received packets: a binary search over primitive SPIs, then the
 * destination compared with the packet's own bytes, so that a lookup allocates nothing (no boxed
 * SPI, address or {@link SaId}). Immutable; the SAD replaces it on every change, which copies the
 * arrays once (changes are rare next to lookups).
 */
final class SpiIndex {

	static final SpiIndex EMPTY = new SpiIndex(new long[0], new SecurityAssociation[0]);

	private final long[] spis;
	/** {@code sas[i]} has the SPI {@code spis[i]}. */
	private final SecurityAssociation[] sas;

	private SpiIndex(long[] spis, SecurityAssociation[] sas) {
		this.spis = spis;
		this.sas = sas;
	}

	/** The SA with this SPI and protocol whose destination is {@code packet[offset, offset + length)}, or null. */
	SecurityAssociation find(long spi, byte[] packet, int offset, int length, SecurityProtocol protocol) {
		for (int i = first(spi); i < spis.length && spis[i] == spi; i++) {
			SecurityAssociation sa = sas[i];
			if (sa.spec().protocol() == protocol && sa.hasDestination(packet, offset, length)) {
				return sa;
			}
		}
		return null;
	}

	SpiIndex with(SecurityAssociation added) {
		long spi = added.spec().spi();
		int at = first(spi);
		long[] moreSpis = new long[spis.length + 1];
		SecurityAssociation[] moreSas = new SecurityAssociation[sas.length + 1];
		System.arraycopy(spis, 0, moreSpis, 0, at);
		System.arraycopy(sas, 0, moreSas, 0, at);
		moreSpis[at] = spi;
		moreSas[at] = added;
		System.arraycopy(spis, at, moreSpis, at + 1, spis.length - at);
		System.arraycopy(sas, at, moreSas, at + 1, sas.length - at);
		return new SpiIndex(moreSpis, moreSas);
	}

	SpiIndex without(SecurityAssociation removed) {
		long spi = removed.spec().spi();
		for (int i = first(spi); i < spis.length && spis[i] == spi; i++) {
			if (sas[i] == removed) {
				long[] fewerSpis = new long[spis.length - 1];
				SecurityAssociation[] fewerSas = new SecurityAssociation[sas.length - 1];
				System.arraycopy(spis, 0, fewerSpis, 0, i);
				System.arraycopy(sas, 0, fewerSas, 0, i);
				System.arraycopy(spis, i + 1, fewerSpis, i, spis.length - i - 1);
				System.arraycopy(sas, i + 1, fewerSas, i, sas.length - i - 1);
				return new SpiIndex(fewerSpis, fewerSas);
			}
		}
		return this;
	}

	/** The first position with this SPI, or where it would go. */
	private int first(long spi) {
		int low = 0;
		int high = spis.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (spis[middle] < spi) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}
}
