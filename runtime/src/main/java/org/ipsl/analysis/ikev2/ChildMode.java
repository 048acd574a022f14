package org.ipsl.analysis.ikev2;

/** A child's mode: negotiated tunnel or transport, or a pass/drop shunt that is never negotiated. */
public enum ChildMode {
	TUNNEL, TRANSPORT, PASS, DROP;

	public boolean negotiated() {
		return this == TUNNEL || this == TRANSPORT;
	}
}
