package org.ipsl.runtime.spd;

import java.util.List;
import org.ipsl.model.Selector;
import org.ipsl.runtime.sad.Direction;

/** The reference classifier: every selector in order until one matches, as HP-UX describes the search. */
public final class LinearScan implements PolicyClassifier {

	private final SelectorMatch[] selectors;

	public LinearScan(List<Selector> inOrder) {
		selectors = inOrder.stream().map(SelectorMatch::new).toArray(SelectorMatch[]::new);
	}

	@Override
	public int firstMatch(Flow flow, Direction direction) {
		for (int position = 0; position < selectors.length; position++) {
			if (selectors[position].matches(flow, direction)) {
				return position;
			}
		}
		return -1;
	}
}
