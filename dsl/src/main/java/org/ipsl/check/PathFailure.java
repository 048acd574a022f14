package org.ipsl.check;

import java.nio.file.Path;

/** A path that cannot be read or written: missing, unreadable, not UTF-8, in the way; its path and why, never its content. */
public class PathFailure extends Exception {
	private static final long serialVersionUID = 1L;
	private final transient Path path;
	private final String reason;

	public PathFailure(Path path, String reason) {
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
