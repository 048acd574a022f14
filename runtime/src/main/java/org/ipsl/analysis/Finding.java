package org.ipsl.analysis;

import java.util.Objects;

/**
 * One diagnostic found by an analysis, before it is placed in a file: the caller decides where it
 * starts. {@code code} is one of DIAGNOSTICS.md's codes, spelled exactly as there.
 */
public record Finding(String code, Severity severity, String message) {

	public enum Severity { ERROR, WARNING, INFO, HINT }

	public Finding {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
	}

	public static Finding error(String code, String message) {
		return new Finding(code, Severity.ERROR, message);
	}

	public static Finding warning(String code, String message) {
		return new Finding(code, Severity.WARNING, message);
	}
}
