package org.ipsl.validation;

import org.eclipse.xtext.validation.Issue;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;

/** The severity of an Xtext issue as users see it: Xtext has no hint, so hints arrive as INFO. */
public final class IssueSeverity {

	private IssueSeverity() {
	}

	public static Severity of(Issue issue) {
		return switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			case INFO -> DiagnosticCode.byId(issue.getCode()).map(DiagnosticCode::severity)
					.filter(severity -> severity == Severity.HINT).orElse(Severity.INFO);
			default -> Severity.HINT;
		};
	}
}
