package org.ipsl.analysis.peers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the session table: what happens when {@code initiator} starts protected traffic
 * towards {@code responder} (for manual keys: sends to it).
 *
 * @param proposal  the IKE suites Main Mode would choose (HP-UX: the initiator's first acceptable), or "-"
 * @param transform the transforms Quick Mode would choose, and the manual SAs that fit, or "-"
 * @param audit     what HP-UX logs when the session fails ({@code HpuxEvent}: the audit file, or the
 *                  receiver's STREAMS log for {@code Bad cipher SA init} and {@code Padding checks failed}); "" when it does not
 */
public record Session(String initiator, String responder, Outcome outcome, String proposal, String transform,
		String audit) {

	/** The row as a flat object, columns in table order: what the editor shows and JSON prints. */
	public Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("initiator", initiator);
		columns.put("responder", responder);
		columns.put("outcome", outcome.name());
		columns.put("proposal", proposal);
		columns.put("transform", transform);
		columns.put("audit", audit);
		return columns;
	}
}
