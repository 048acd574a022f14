package org.ipsl.analysis.order;

import java.util.List;

import org.ipsl.diagnostics.DiagnosticCode;

/**
 * One ordering diagnostic on the rule at {@code ruleIndex} (a position in the list given to
 * {@link OrderingAnalysis}). {@code related} names the rules that explain it, most important first;
 * {@link #DEFAULT_POLICY} stands for the host's default policy.
 */
public record OrderingFinding(Kind kind, int ruleIndex, List<Integer> related, String message) {

	/** The position that stands for the default policy in {@link #related}. */
	public static final int DEFAULT_POLICY = -1;

	public enum Kind {
		SHADOWED(DiagnosticCode.POLICY_SHADOWED), REDUNDANT(DiagnosticCode.POLICY_REDUNDANT), CORRELATED(
				DiagnosticCode.POLICY_CORRELATED);

		private final DiagnosticCode code;

		Kind(DiagnosticCode code) {
			this.code = code;
		}

		public DiagnosticCode code() {
			return code;
		}
	}

	public OrderingFinding {
		related = List.copyOf(related);
	}
}
