package org.ipsl.runtime.crypto;

import java.util.Optional;

import org.ipsl.catalog.Keyword;

/**
 * ESP encryption algorithms, each with the JCE transformation that runs it and the sizes ESP
 * needs. AES-GCM is combined-mode (RFC 4106): its key material is the AES key followed by a 4-byte
 * salt, and it brings its own 16-byte ICV.
 */
public enum EncryptionAlgorithm implements Keyword {
	NULL("null", null, null, 0, 0, 4, 0, 0),
	/** RFC 2405; weak, kept because HP-UX A.02 and the language still offer it. */
	DES_CBC("des", "DES/CBC/NoPadding", "DES", 8, 0, 8, 8, 0),
	/** RFC 2451. */
	TRIPLE_DES_CBC("3des", "DESede/CBC/NoPadding", "DESede", 24, 0, 8, 8, 0),
	/** RFC 3602. */
	AES_CBC_128("aes128", "AES/CBC/NoPadding", "AES", 16, 0, 16, 16, 0), AES_CBC_192("aes192", "AES/CBC/NoPadding",
			"AES", 24, 0, 16, 16, 0), AES_CBC_256("aes256", "AES/CBC/NoPadding", "AES", 32, 0, 16, 16, 0),
	/** RFC 4106 with a 16-byte ICV. */
	AES_GCM_16_128("aes128-gcm16", "AES/GCM/NoPadding", "AES", 16, 4, 4, 8, 16), AES_GCM_16_256("aes256-gcm16",
			"AES/GCM/NoPadding", "AES", 32, 4, 4, 8, 16);

	private final String keyword;
	private final String transformation;
	private final String keyAlgorithm;
	private final int keyBytes;
	private final int saltBytes;
	private final int alignment;
	private final int ivBytes;
	private final int icvBytes;

	EncryptionAlgorithm(String keyword, String transformation, String keyAlgorithm, int keyBytes, int saltBytes,
			int alignment, int ivBytes, int icvBytes) {
		this.keyword = keyword;
		this.transformation = transformation;
		this.keyAlgorithm = keyAlgorithm;
		this.keyBytes = keyBytes;
		this.saltBytes = saltBytes;
		this.alignment = alignment;
		this.ivBytes = ivBytes;
		this.icvBytes = icvBytes;
	}

	/** By the name a manual SA and {@code runtime.json} give it: "3des", "aes128-gcm16", "null", … */
	public static Optional<EncryptionAlgorithm> byKeyword(String keyword) {
		return Keyword.lookup(EncryptionAlgorithm.class, keyword);
	}

	@Override
	public String keyword() {
		return keyword;
	}

	String transformation() {
		return transformation;
	}

	String keyAlgorithm() {
		return keyAlgorithm;
	}

	/** Bytes of the cipher key itself. */
	public int keyBytes() {
		return keyBytes;
	}

	/** Bytes of key material an SA must be given: the key, then for AES-GCM its salt. */
	public int keyMaterialBytes() {
		return keyBytes + saltBytes;
	}

	/**
	 * What the encrypted part of an ESP packet (payload, padding, pad length, next header) is padded
	 * to a multiple of: the cipher's block, and at least ESP's 4 bytes (RFC 4303 2.4).
	 */
	public int alignment() {
		return alignment;
	}

	/** Bytes of the IV sent in each packet. */
	public int ivBytes() {
		return ivBytes;
	}

	/** Whether the algorithm authenticates too (combined mode) and so takes no integrity algorithm. */
	public boolean isCombinedMode() {
		return icvBytes > 0;
	}

	/** The ICV a combined-mode algorithm appends; 0 for the others. */
	public int icvBytes() {
		return icvBytes;
	}

	/** DES and 3DES, whose keys can be weak. */
	public boolean isDesFamily() {
		return this == DES_CBC || this == TRIPLE_DES_CBC;
	}
}
