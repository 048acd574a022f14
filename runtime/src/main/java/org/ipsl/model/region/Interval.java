package org.ipsl.model.region;

import java.math.BigInteger;

/** An inclusive range of values of one {@link Dimension}, e.g. of addresses as 128-bit numbers or of ports. */
public record Interval(BigInteger first, BigInteger last) {

	public Interval {
		if (first.compareTo(last) > 0) {
			throw new IllegalArgumentException("not an interval: " + first + ".." + last);
		}
	}

	public static Interval of(long first, long last) {
		return new Interval(BigInteger.valueOf(first), BigInteger.valueOf(last));
	}

	public boolean contains(BigInteger value) {
		return first.compareTo(value) <= 0 && value.compareTo(last) <= 0;
	}
}
