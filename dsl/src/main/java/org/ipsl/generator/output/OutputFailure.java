package org.ipsl.generator.output;

import java.nio.file.Path;

/** A file or folder of the output that cannot be written: its path and why, never its content. */
public class OutputFailure extends Exception {
	private static final long serialVersionUID = 1L;
	private final transient Path path;
	private final String reason;

	public OutputFailure(Path path, String reason) {
		super(path + ": " + reason);
		this.path = path;
		this.reason = reason;
	}

	public Path path() {
		return path;
	}

	public String reason() {
		return reason;
	}
}
