package org.ipsl.analysis.keys;

import java.util.Arrays;
import java.util.Optional;

/** The algorithms a manual SA may name, with the exact key material each one takes. */
public enum KeyAlgorithm {
	DES("des", Use.ENCRYPTION, 8, 0),
	TRIPLE_DES("3des", Use.ENCRYPTION, 24, 0),
	AES128("aes128", Use.ENCRYPTION, 16, 0),
	AES192("aes192", Use.ENCRYPTION, 24, 0),
	AES256("aes256", Use.ENCRYPTION, 32, 0),
	/** RFC 4106: the key material is the AES key followed by a 4-byte salt. */
	AES128_GCM16("aes128-gcm16", Use.ENCRYPTION, 16, 4),
	AES256_GCM16("aes256-gcm16", Use.ENCRYPTION, 32, 4),
	NULL("null", Use.ENCRYPTION, 0, 0),
	HMAC_MD5("hmac-md5", Use.AUTHENTICATION, 16, 0),
	HMAC_SHA1("hmac-sha1", Use.AUTHENTICATION, 20, 0),
	HMAC_SHA256("hmac-sha256", Use.AUTHENTICATION, 32, 0);

	public enum Use { ENCRYPTION, AUTHENTICATION }

	private final String languageName;
	private final Use use;
	private final int keyBytes;
	private final int saltBytes;

	KeyAlgorithm(String languageName, Use use, int keyBytes, int saltBytes) {
		this.languageName = languageName;
		this.use = use;
		this.keyBytes = keyBytes;
		this.saltBytes = saltBytes;
	}

	/** The name written after {@code encryption} or {@code authentication} in a manual SA. */
	public String languageName() {
		return languageName;
	}

	public Use use() {
		return use;
	}

	/** Bytes of the cipher or HMAC key itself, without salt. */
	public int keyBytes() {
		return keyBytes;
	}

	public int saltBytes() {
		return saltBytes;
	}

	/** Bytes the key written in the file must have: the key and its salt. */
	public int materialBytes() {
		return keyBytes + saltBytes;
	}

	public int hexDigits() {
		return 2 * materialBytes();
	}

	public boolean takesKey() {
		return materialBytes() > 0;
	}

	public static Optional<KeyAlgorithm> encryption(String name) {
		return byName(Use.ENCRYPTION, name);
	}

	public static Optional<KeyAlgorithm> authentication(String name) {
		return byName(Use.AUTHENTICATION, name);
	}

	private static Optional<KeyAlgorithm> byName(Use use, String name) {
		return Arrays.stream(values())
				.filter(a -> a.use == use && a.languageName.equals(name))
				.findFirst();
	}

	@Override
	public String toString() {
		return languageName;
	}
}
