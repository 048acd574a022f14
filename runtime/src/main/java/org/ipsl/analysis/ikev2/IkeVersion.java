package org.ipsl.analysis.ikev2;

/** Which IKE a connection speaks: strongSwan's {@code version} (0 = either; as initiator it then uses IKEv2). */
public enum IkeVersion {
	ANY(0), IKEV1(1), IKEV2(2);

	private final int number;

	IkeVersion(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	/** The version an initiator with this setting speaks. */
	public IkeVersion initiating() {
		return this == ANY ? IKEV2 : this;
	}

	/** Whether a responder with this setting answers {@code offered}. */
	public boolean accepts(IkeVersion offered) {
		return this == ANY || this == offered;
	}
}
