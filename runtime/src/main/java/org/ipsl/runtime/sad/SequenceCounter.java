package org.ipsl.runtime.sad;

/** A sender's 32-bit sequence numbers, which must not cycle (RFC 4303 3.3.3). Not thread-safe. */
final class SequenceCounter {

	static final long LAST = 0xffff_ffffL;

	private long last;

	/** @param last the last number already sent, 0 for none */
	SequenceCounter(long last) {
		this.last = last;
	}

	/** The next number, or 0 once {@link #LAST} was sent. */
	long next() {
		if (last == LAST) {
			return 0;
		}
		return ++last;
	}

	long last() {
		return last;
	}
}
