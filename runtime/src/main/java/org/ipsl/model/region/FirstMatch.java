package org.ipsl.model.region;

import java.util.List;

/**
 * What trying a list of regions in order does to the packets of one region ({@link Region#firstMatches}):
 * {@code takers} are the positions, ascending, of the regions that take at least one of its packets
 * first; {@code unmatched} holds the packets none of them takes.
 */
public record FirstMatch(List<Integer> takers, Region unmatched) {

	public FirstMatch {
		takers = List.copyOf(takers);
	}
}
