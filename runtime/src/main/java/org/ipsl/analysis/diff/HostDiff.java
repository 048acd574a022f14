package org.ipsl.analysis.diff;

import java.util.List;

/** What changes on one host, matched by name between the old and the new version. */
public record HostDiff(String host, Presence presence, List<RegionChange> changes) {

	/** Whether the host is in both versions or only in one. */
	public enum Presence {
		BOTH, ADDED, REMOVED
	}

	public HostDiff {
		changes = List.copyOf(changes);
	}
}
