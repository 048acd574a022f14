package org.ipsl.check;

/** A path that cannot be read as a workspace: missing, unreadable, or not UTF-8 text. */
public class CheckFailure extends Exception {
	private static final long serialVersionUID = 1L;

	public CheckFailure(String message) {
		super(message);
	}
}
