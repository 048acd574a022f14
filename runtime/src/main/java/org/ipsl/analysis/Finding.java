package org.ipsl.analysis;

import java.util.Objects;

import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.diagnostics.Severity;

/**
 * One diagnostic found by an analysis, before it is placed in a file: the caller decides where it
 * starts. Its severity is its code's.
 */
public record Finding(DiagnosticCode code, String message) {

	public Finding {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(message, "message");
	}

	public Severity severity() {
		return code.severity();
	}
}
