package org.ipsl.analysis.keys;

import java.util.Optional;

import org.ipsl.catalog.Keyword;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;

/**
 * The algorithms a manual SA may name, with the exact key material each one takes. Names and sizes
 * are the runtime's ({@link EncryptionAlgorithm}, {@link IntegrityAlgorithm}): the checker accepts
 * exactly the keys the runtime can load.
 */
public enum KeyAlgorithm implements Keyword {
	DES(EncryptionAlgorithm.DES_CBC), TRIPLE_DES(EncryptionAlgorithm.TRIPLE_DES_CBC), AES128(
			EncryptionAlgorithm.AES_CBC_128), AES192(
					EncryptionAlgorithm.AES_CBC_192), AES256(EncryptionAlgorithm.AES_CBC_256),
	/** RFC 4106: the key material is the AES key followed by a 4-byte salt. */
	AES128_GCM16(EncryptionAlgorithm.AES_GCM_16_128), AES256_GCM16(EncryptionAlgorithm.AES_GCM_16_256), NULL(
			EncryptionAlgorithm.NULL), HMAC_MD5(IntegrityAlgorithm.HMAC_MD5_96), HMAC_SHA1(
					IntegrityAlgorithm.HMAC_SHA1_96), HMAC_SHA256(IntegrityAlgorithm.HMAC_SHA256_128);

	public enum Use {
		ENCRYPTION, AUTHENTICATION
	}

	private final String keyword;
	private final Use use;
	private final int keyBytes;
	private final int saltBytes;
	private final EncryptionAlgorithm encryption;

	KeyAlgorithm(EncryptionAlgorithm encryption) {
		this.keyword = encryption.keyword();
		this.use = Use.ENCRYPTION;
		this.keyBytes = encryption.keyBytes();
		this.saltBytes = encryption.keyMaterialBytes() - encryption.keyBytes();
		this.encryption = encryption;
	}

	KeyAlgorithm(IntegrityAlgorithm integrity) {
		this.keyword = integrity.keyword();
		this.use = Use.AUTHENTICATION;
		this.keyBytes = integrity.keyBytes();
		this.saltBytes = 0;
		this.encryption = null;
	}

	/** The name written after {@code encryption} or {@code authentication} in a manual SA. */
	@Override
	public String keyword() {
		return keyword;
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

	/** The runtime's cipher, for an encryption algorithm. */
	public Optional<EncryptionAlgorithm> encryption() {
		return Optional.ofNullable(encryption);
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
		return Keyword.lookup(KeyAlgorithm.class, name).filter(a -> a.use == use);
	}

	@Override
	public String toString() {
		return keyword;
	}
}
