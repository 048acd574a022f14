package org.ipsl.generator.plan;

/**
 * A preshared secret's file that cannot be read. The message names the file as written and the
 * reason, never anything of its content.
 */
public class SecretFileFailure extends Exception {
	private static final long serialVersionUID = 1L;
	private final Place place;

	public SecretFileFailure(Place place, String message) {
		super(message);
		this.place = place;
	}

	public Place place() {
		return place;
	}
}
