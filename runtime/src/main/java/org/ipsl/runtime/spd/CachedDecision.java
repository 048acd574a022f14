package org.ipsl.runtime.spd;

import java.util.concurrent.atomic.AtomicLong;
import org.ipsl.runtime.sad.Direction;

/**
 * One entry of the decision cache: an exact flow in one direction and the policy that decides it,
 * as {@code ipsec_report -cache} shows it ({@code Cache Policy Record: 9 Cookie: 3}).
 */
public final class CachedDecision {

	private final long record;
	private final Flow flow;
	private final Direction direction;
	private final SpdEntry policy;
	private final AtomicLong packets = new AtomicLong();

	CachedDecision(long record, Flow flow, Direction direction, SpdEntry policy) {
		this.record = record;
		this.flow = flow;
		this.direction = direction;
		this.policy = policy;
	}

	/** The record number, counted from 1 in the order entries were made. */
	public long record() {
		return record;
	}

	/** The cookie of the policy that decided, linking the entry to {@code ipsec_report -host}. */
	public int cookie() {
		return policy.cookie();
	}

	public Flow flow() {
		return flow;
	}

	public Direction direction() {
		return direction;
	}

	public SpdEntry policy() {
		return policy;
	}

	/** Packets decided by this entry, the first one included. */
	public long packets() {
		return packets.get();
	}

	/** Counts one more packet decided by this entry. */
	public void countPacket() {
		packets.incrementAndGet();
	}

	@Override
	public String toString() {
		return "CachedDecision[" + record + ", cookie " + cookie() + ", " + direction + " " + flow + ", " + packets()
				+ " packets]";
	}
}
