package org.ipsl.runtime.sad;

/**
 * An SA's lifetimes; 0 means no limit. The soft limit warns (the SA should be replaced), the hard
 * limit ends the SA.
 */
public record Lifetime(long softSeconds, long hardSeconds, long softKilobytes, long hardKilobytes) {

	public static final Lifetime UNLIMITED = new Lifetime(0, 0, 0, 0);

	public Lifetime {
		if (softSeconds < 0 || hardSeconds < 0 || softKilobytes < 0 || hardKilobytes < 0) {
			throw new IllegalArgumentException("lifetimes must not be negative");
		}
		if (softSeconds > 0 && hardSeconds > 0 && softSeconds > hardSeconds
				|| softKilobytes > 0 && hardKilobytes > 0 && softKilobytes > hardKilobytes) {
			throw new IllegalArgumentException("a soft lifetime must not exceed the hard one");
		}
	}
}
