package org.ipsl.runtime.sad;

/** The SPIs a host allocates to its inbound dynamic (IKE) SAs, both ends included. */
public record SpiRange(long low, long high) {

	/** HP-UX's default range. */
	public static final SpiRange HPUX_DEFAULT = new SpiRange(300, 2_500_000);

	public SpiRange {
		if (low <= SaSpec.HIGHEST_RESERVED_SPI || high > SaSpec.MAX_SPI || low > high) {
			throw new IllegalArgumentException("not a dynamic SPI range: " + this);
		}
	}

	public boolean contains(long spi) {
		return low <= spi && spi <= high;
	}

	public long size() {
		return high - low + 1;
	}

	@Override
	public String toString() {
		return low + "-" + high;
	}
}
