package org.ipsl.runtime.sad;

/** The IPsec protocol of an SA, with its IP protocol number. */
public enum SecurityProtocol {
	ESP(50), AH(51);

	private final int number;

	SecurityProtocol(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}
}
