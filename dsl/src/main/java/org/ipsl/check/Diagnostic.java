package org.ipsl.check;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;

/** One finding of {@code ipsl check}, with 1-based lines and columns. */
public record Diagnostic(Path file, int line, int column, int endLine, int endColumn, Severity severity,
		DiagnosticCode code, String message, List<Related> related) {

	/** Another place that explains this diagnostic: the policy that takes the packets, the peer's line. */
	public record Related(Path file, int line, int column, String message) {
	}
}
