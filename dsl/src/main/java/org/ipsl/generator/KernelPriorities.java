package org.ipsl.generator;

/**
 * Linux SPD priorities for the xfrm and strongSwan targets, which share one kernel: lower is
 * searched first, as in IPSL. Each IPSL priority moves up by one so that the bypass list can come
 * before priority 1 without taking 0, which strongSwan reads as "compute one for me".
 */
public final class KernelPriorities {
	/** The bypass list: before every policy, as HP-UX never looks its addresses up. */
	public static final long BYPASS = 1;
	/** The {@code default} policy: after every policy (IPSL's highest priority is 2147483647). */
	public static final long DEFAULT = 2_147_483_649L;

	private KernelPriorities() {
	}

	public static long of(long ipslPriority) {
		return ipslPriority + 1;
	}

	/** The comment line each Linux file carries about the mapping. */
	public static final String EXPLAINED = "Kernel priority = IPSL priority + 1 (lower is searched first); the bypass list takes "
			+ BYPASS + ", the default policy " + DEFAULT + ".";
}
