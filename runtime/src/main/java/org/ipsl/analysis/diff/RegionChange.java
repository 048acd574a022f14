package org.ipsl.analysis.diff;

import java.util.List;

import org.ipsl.model.region.Packet;

/**
 * Packets of one host whose fate changes the same way: decided by {@code before} in the old
 * version and by {@code after} in the new one, which treat them differently. The packets are
 * exactly those of {@code blocks} that are in none of {@code except}: a policy's packets less an
 * earlier policy's read better that way than cut into the pieces that remain.
 */
public record RegionChange(Decision before, Decision after, List<Block> blocks, List<Block> except) {

	public RegionChange {
		blocks = List.copyOf(blocks);
		except = List.copyOf(except);
	}

	public boolean contains(Packet packet) {
		return blocks.stream().anyMatch(b -> b.contains(packet)) && except.stream().noneMatch(b -> b.contains(packet));
	}
}
