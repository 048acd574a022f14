package org.ipsl.runtime.packet;

/**
 * Thrown inside packet processing to abandon a packet; the processing entry points catch it and
 * return {@link Outcome.Dropped}, so it never reaches their callers. It carries no stack trace:
 * a flood of bad packets is normal traffic for an IPsec engine, not an error to debug.
 */
public final class PacketDropped extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final DropReason reason;

	public PacketDropped(DropReason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	public DropReason reason() {
		return reason;
	}

	public Outcome.Dropped outcome() {
		return new Outcome.Dropped(reason, getMessage());
	}
}
