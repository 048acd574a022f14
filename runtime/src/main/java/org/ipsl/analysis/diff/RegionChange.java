package org.ipsl.analysis.diff;

import java.util.List;

/**
 * Packets of one host whose fate changes the same way: decided by {@code before} in the old
 * version and by {@code after} in the new one, which treat them differently.
 *
 * @param blocks the packets, exactly, as few blocks as merging finds ({@link Blocks#of})
 */
public record RegionChange(Decision before, Decision after, List<Block> blocks) {

	public RegionChange {
		blocks = List.copyOf(blocks);
	}
}
