package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipsl.diagnostics.DiagnosticCode;

/**
 * Collects findings so that each code starts at most once at each place: the same mismatch is met
 * from both sides and from several packets, and then only gains related places.
 */
final class Findings {
	private record Key(DiagnosticCode code, Place place) {
	}

	private static final class Entry {
		final String message;
		final Set<PeerFinding.Related> related = new LinkedHashSet<>();

		Entry(String message) {
			this.message = message;
		}
	}

	private final Map<Key, Entry> entries = new LinkedHashMap<>();

	void add(DiagnosticCode code, Place place, String message) {
		entries.computeIfAbsent(new Key(code, place), k -> new Entry(message));
	}

	void add(DiagnosticCode code, Place place, String message, Place related, String relatedMessage) {
		entries.computeIfAbsent(new Key(code, place), k -> new Entry(message)).related
				.add(new PeerFinding.Related(related, relatedMessage));
	}

	/**
	 * One mismatch seen from both hosts: a finding at each place, each pointing at the other.
	 *
	 * @param hereLabel  names {@code here} for the other host's related information
	 * @param thereLabel names {@code there} for this host's related information
	 */
	void pair(DiagnosticCode code, Place here, String hereMessage, String hereLabel, Place there, String thereMessage,
			String thereLabel) {
		add(code, here, hereMessage, there, thereLabel);
		add(code, there, thereMessage, here, hereLabel);
	}

	List<PeerFinding> list() {
		List<PeerFinding> result = new ArrayList<>(entries.size());
		entries.forEach((key, entry) -> result
				.add(new PeerFinding(key.code(), key.place(), entry.message, List.copyOf(entry.related))));
		return result;
	}
}
