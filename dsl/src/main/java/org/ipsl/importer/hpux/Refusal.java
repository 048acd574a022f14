package org.ipsl.importer.hpux;

import org.ipsl.importer.hpux.BatchReader.Word;

/** Ends the translation of one command: it cannot be read, or IPSL cannot express it. */
final class Refusal extends Exception {
	private static final long serialVersionUID = 1L;
	final transient Word at;
	final boolean unreadable;

	private Refusal(Word at, String message, boolean unreadable) {
		super(message, null, false, false);
		this.at = at;
		this.unreadable = unreadable;
	}

	/** The value is not what the manuals allow there. */
	static Refusal unreadable(Word at, String message) {
		return new Refusal(at, message, true);
	}

	/** HP-UX accepts it, but IPSL has no way to say it: the reason names what is missing. */
	static Refusal inexpressible(Word at, String message) {
		return new Refusal(at, message, false);
	}
}
