package org.ipsl.analysis.order;

import java.util.List;

/**
 * One ordering diagnostic on the rule at {@code ruleIndex} (a position in the list given to
 * {@link OrderingAnalysis}). {@code related} names the rules that explain it, most important first;
 * {@link #DEFAULT_POLICY} stands for the host's default policy.
 */
public record OrderingFinding(Kind kind, int ruleIndex, List<Integer> related, String message) {

    /** The position that stands for the default policy in {@link #related}. */
    public static final int DEFAULT_POLICY = -1;

    public enum Kind {
        SHADOWED("policy-shadowed"),
        REDUNDANT("policy-redundant"),
        CORRELATED("policy-correlated");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The diagnostic code of DIAGNOSTICS.md. */
        public String code() {
            return code;
        }
    }

    public OrderingFinding {
        related = List.copyOf(related);
    }
}
