package org.ipsl.runtime.sad;

/** Transport mode protects the packet's payload; tunnel mode the whole packet, inside a new outer header. */
public enum Mode {
	TRANSPORT, TUNNEL
}
