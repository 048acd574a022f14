package org.ipsl.diagnostics;

/** How serious a diagnostic is; users see {@link #label()} (and LSP's severities of the same names). */
public enum Severity {
	ERROR, WARNING, INFO, HINT;

	public String label() {
		return name().toLowerCase();
	}
}
