package org.ipsl.analysis.keys;

import java.util.HexFormat;
import java.util.Optional;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.runtime.audit.HpuxEvent;
import org.ipsl.runtime.crypto.WeakKeys;
import org.ipsl.runtime.crypto.WeakKeys.Weakness;

/**
 * Checks one manual-SA key as written ({@code 0x} and hex digits) against its algorithm. At most one
 * finding per key, the first that applies of invalid-value, key-length, weak-key, low-entropy-key.
 * No message contains the key or any part of it.
 */
public final class KeyCheck {

	private static final String TOO_WEAK = "HP-UX rejects it as too weak (" + HpuxEvent.SADB_ADD_INVALID_ANY_SPI + ")";
	private static final String[] THIRDS = {"first", "second", "third"};

	private KeyCheck() {
	}

	/**
	 * @param keyText the key as written in the file, or {@code null} when the algorithm is given
	 *                without a key
	 */
	public static Optional<Finding> check(KeyAlgorithm algorithm, String keyText) {
		if (keyText == null) {
			return algorithm.takesKey()
					? Optional.of(lengthFinding(algorithm, "none is given"))
					: Optional.empty();
		}
		if (!isHexLiteral(keyText)) {
			return Optional.of(new Finding(DiagnosticCode.INVALID_VALUE,
					"this " + algorithm + " key must be written as 0x followed by hex digits"));
		}
		int digits = keyText.length() - 2;
		if (digits != algorithm.hexDigits()) {
			return Optional.of(lengthFinding(algorithm, digits + " " + plural(digits, "is", "are") + " given"));
		}
		byte[] key = HexFormat.of().parseHex(keyText, 2, keyText.length());
		return weakness(algorithm, key).or(() -> guessability(algorithm, key));
	}

	static boolean isHexLiteral(String text) {
		if (text.length() < 3 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
			return false;
		}
		return text.chars().skip(2).allMatch(c -> Character.digit(c, 16) >= 0);
	}

	private static Finding lengthFinding(KeyAlgorithm algorithm, String given) {
		String expected = algorithm.takesKey()
				? algorithm + " takes a key of " + algorithm.hexDigits() + " hex digits (" + describeBytes(algorithm)
						+ ")"
				: algorithm + " encryption takes no key";
		return new Finding(DiagnosticCode.KEY_LENGTH, expected + "; " + given
				+ ": HP-UX rejects the SA (" + HpuxEvent.SADB_ADD_INVALID_ANY_SPI + ")");
	}

	private static String describeBytes(KeyAlgorithm algorithm) {
		return algorithm.saltBytes() == 0
				? algorithm.keyBytes() + " bytes"
				: "a " + algorithm.keyBytes() + "-byte key and a " + algorithm.saltBytes() + "-byte salt, RFC 4106";
	}

	private static String plural(int count, String one, String many) {
		return count == 1 ? one : many;
	}

	private static Optional<Finding> weakness(KeyAlgorithm algorithm, byte[] key) {
		return algorithm.encryption().flatMap(cipher -> WeakKeys.weakness(cipher, key))
				.map(weakness -> new Finding(DiagnosticCode.WEAK_KEY,
						weaknessText(algorithm, weakness) + ": " + TOO_WEAK));
	}

	private static String weaknessText(KeyAlgorithm algorithm, Weakness weakness) {
		if (weakness instanceof Weakness.RepeatedDesKey repeated) {
			return "the " + THIRDS[repeated.position()] + " and " + THIRDS[repeated.position() + 1]
					+ " 8 bytes of this 3des key are the same DES key, so 3DES falls back to single DES";
		}
		int position = ((Weakness.WeakDesKey) weakness).position();
		return algorithm == KeyAlgorithm.DES
				? "this des key is a DES weak or semi-weak key"
				: "the " + THIRDS[position] + " 8 bytes of this 3des key are a DES weak or semi-weak key";
	}

	private static Optional<Finding> guessability(KeyAlgorithm algorithm, byte[] key) {
		int[] bytes = new int[key.length];
		for (int i = 0; i < key.length; i++) {
			bytes[i] = Byte.toUnsignedInt(key[i]);
		}
		String pattern;
		if (Repetition.repeatsShortPattern(bytes)) {
			pattern = "repeats a pattern of " + Repetition.LONGEST_GUESSABLE_PERIOD + " bytes or fewer";
		} else if (Repetition.isArithmeticByteSequence(bytes)) {
			pattern = "counts up or down in equal steps";
		} else {
			return Optional.empty();
		}
		return Optional.of(new Finding(DiagnosticCode.LOW_ENTROPY_KEY, "this " + algorithm + " key " + pattern
				+ ": it is among the first keys an attacker tries; use a random key"));
	}
}
