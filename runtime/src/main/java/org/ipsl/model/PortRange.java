package org.ipsl.model;

/** An inclusive range of TCP or UDP ports. */
public record PortRange(int first, int last) {

	public static final int MAX_PORT = 65535;
	/** Every port: what a selector without `port` means. */
	public static final PortRange ALL = new PortRange(0, MAX_PORT);

	public PortRange {
		if (first < 0 || last > MAX_PORT || first > last) {
			throw new IllegalArgumentException("not a port range: " + first + ".." + last);
		}
	}

	public static PortRange of(int port) {
		return new PortRange(port, port);
	}

	public boolean isAll() {
		return equals(ALL);
	}

	/** "80" or "1024..65535", as written in a policy. */
	@Override
	public String toString() {
		return first == last ? Integer.toString(first) : first + ".." + last;
	}
}
