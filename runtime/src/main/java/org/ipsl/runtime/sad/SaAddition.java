package org.ipsl.runtime.sad;

/** The result of adding an SA to the SAD. */
public sealed interface SaAddition permits SaAddition.Added, SaAddition.Refused {

	record Added(SecurityAssociation sa) implements SaAddition {
	}

	/**
	 * @param message the audit event text that was logged, naming no key; for errno 22 followed by
	 *                the reason in brackets, which HP-UX writes to the STREAMS log
	 */
	record Refused(SadRefusal refusal, String message) implements SaAddition {
	}
}
