package org.ipsl.runtime.sad;

/** The result of adding an SA to the SAD. */
public sealed interface SaAddition permits SaAddition.Added, SaAddition.Refused {

    record Added(SecurityAssociation sa) implements SaAddition {
    }

    /** @param message the audit event text that was logged, naming no key */
    record Refused(SadRefusal refusal, String message) implements SaAddition {
    }
}
