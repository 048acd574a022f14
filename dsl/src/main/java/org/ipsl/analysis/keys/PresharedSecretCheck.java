package org.ipsl.analysis.keys;

import java.util.Optional;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;

/** Flags a guessable IKE preshared secret. No message contains the secret or any part of it. */
public final class PresharedSecretCheck {

	/** Secrets shorter than this, in characters (Unicode code points), are guessable. */
	public static final int SHORTEST_SECRET = 12;

	private PresharedSecretCheck() {
	}

	public static Optional<Finding> check(String secret) {
		int[] characters = secret.codePoints().toArray();
		String weakness;
		if (characters.length < SHORTEST_SECRET) {
			weakness = "is shorter than " + SHORTEST_SECRET + " characters";
		} else if (Repetition.repeatsShortPattern(characters)) {
			weakness = "repeats a pattern of " + Repetition.LONGEST_GUESSABLE_PERIOD + " characters or fewer";
		} else {
			return Optional.empty();
		}
		return Optional.of(new Finding(DiagnosticCode.LOW_ENTROPY_KEY, "this preshared secret " + weakness
				+ ": an attacker who records one IKE exchange can guess it offline; use a long random secret"));
	}
}
