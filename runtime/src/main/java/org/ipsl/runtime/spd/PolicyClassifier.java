package org.ipsl.runtime.spd;

import org.ipsl.runtime.sad.Direction;

/**
 * Finds the first of an ordered list of selectors that selects a flow: outbound flows as written,
 * inbound flows mirrored. Implementations are immutable and safe to share between threads.
 */
public interface PolicyClassifier {

	/** The position of the first selector that selects the flow, or -1 when none does. */
	int firstMatch(Flow flow, Direction direction);
}
