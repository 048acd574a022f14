package org.ipsl.runtime.sad;

/** Whether the host receives (its own SPI) or sends (the peer's SPI) with an SA; HP-UX's {@code -in} and {@code -out}. */
public enum Direction {
	INBOUND, OUTBOUND
}
