package org.ipsl.check;

import java.nio.file.Path;

/** A path that cannot be read as a workspace: missing, unreadable, or not UTF-8 text. */
public class CheckFailure extends Exception {
	private static final long serialVersionUID = 1L;
	private final transient Path path;
	private final String reason;

	public CheckFailure(Path path, String reason) {
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
