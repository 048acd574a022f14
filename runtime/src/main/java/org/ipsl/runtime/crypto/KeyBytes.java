package org.ipsl.runtime.crypto;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Secret key material. It never shows itself: {@link #toString()} gives the length only, and a
 * parse error names no digit of the text.
 */
public final class KeyBytes {

	/** No key, for NULL encryption or no integrity algorithm. */
	public static final KeyBytes NONE = new KeyBytes(new byte[0]);

	private final byte[] bytes;

	private KeyBytes(byte[] bytes) {
		this.bytes = bytes;
	}

	public static KeyBytes of(byte[] bytes) {
		return new KeyBytes(bytes.clone());
	}

	/**
	 * Hex digits, with or without a leading {@code 0x} as the language and {@code ipsec_config} write them.
	 *
	 * @throws IllegalArgumentException when the text is not an even number of hex digits
	 */
	public static KeyBytes ofHex(String text) {
		String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
		try {
			return new KeyBytes(HexFormat.of().parseHex(digits));
		} catch (IllegalArgumentException e) {
			// The parser's own message quotes the text: say what is wrong without it.
			throw new IllegalArgumentException("a key must be an even number of hex digits");
		}
	}

	public int length() {
		return bytes.length;
	}

	/** A copy of the key; the caller must not log or print it. */
	public byte[] toByteArray() {
		return bytes.clone();
	}

	byte[] bytes() {
		return bytes;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyBytes key && MessageDigest.isEqual(bytes, key.bytes);
	}

	/** The length only: a hash of the bytes would tell something about them. */
	@Override
	public int hashCode() {
		return bytes.length;
	}

	@Override
	public String toString() {
		return "KeyBytes[" + bytes.length + " bytes, hidden]";
	}
}
