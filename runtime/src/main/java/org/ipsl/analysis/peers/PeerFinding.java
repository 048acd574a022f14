package org.ipsl.analysis.peers;

import java.util.List;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;

/**
 * One diagnostic between peers, on one host, with the peer's places that explain it (LSP
 * relatedInformation). A mismatch gives one finding on each of the two hosts.
 */
public record PeerFinding(DiagnosticCode code, Place place, String message, List<Related> related) {

	/** A place of the peer and what it has to do with the finding. */
	public record Related(Place place, String message) {
	}

	public PeerFinding {
		related = List.copyOf(related);
	}

	/** As the analyses' common finding type, for reporting. */
	public Finding finding() {
		return new Finding(code, message);
	}
}
