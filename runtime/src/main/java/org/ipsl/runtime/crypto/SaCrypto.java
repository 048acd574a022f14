package org.ipsl.runtime.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JCE objects of one SA, keyed once and reused for every packet. Byte ranges are given as
 * array, offset and length so that ESP and AH work inside their packet buffers without copies.
 * Not thread-safe: one packet at a time per SA.
 */
public final class SaCrypto {

	private static final int GCM_TAG_BITS = 128;
	private static final int GCM_BLOCK = 16;
	private static final int SALT_BYTES = 4;
	private static final SecureRandom MASKS = new SecureRandom();

	private final EncryptionAlgorithm encryption;
	private final IntegrityAlgorithm integrity;
	private final Cipher cipher;
	private final SecretKeySpec cipherKey;
	/** RFC 4106 nonce: the salt, then room for each packet's explicit IV. */
	private final byte[] nonce;
	/** XORed onto the sequence number to make combined-mode IVs; see {@link #combinedModeIv}. */
	private final long ivMask;
	private final Mac mac;
	private final byte[] fullMac;
	/** Where received packets are decrypted, grown to the largest seen; see {@link #plaintextBuffer}. */
	private byte[] plaintext = new byte[0];

	private SaCrypto(EncryptionAlgorithm encryption, KeyBytes encryptionKey, IntegrityAlgorithm integrity,
			KeyBytes integrityKey) throws GeneralSecurityException {
		this.encryption = encryption;
		this.integrity = integrity;
		byte[] material = encryptionKey.bytes();
		ivMask = MASKS.nextLong();
		if (encryption == EncryptionAlgorithm.NULL) {
			cipher = null;
			cipherKey = null;
			nonce = null;
		} else {
			cipher = Cipher.getInstance(encryption.transformation());
			cipherKey = new SecretKeySpec(material, 0, encryption.keyBytes(), encryption.keyAlgorithm());
			if (encryption.isCombinedMode()) {
				nonce = new byte[SALT_BYTES + encryption.ivBytes()];
				System.arraycopy(material, encryption.keyBytes(), nonce, 0, SALT_BYTES);
			} else {
				nonce = null;
			}
		}
		if (integrity == IntegrityAlgorithm.NONE) {
			mac = null;
			fullMac = null;
		} else {
			mac = Mac.getInstance(integrity.macAlgorithm());
			mac.init(new SecretKeySpec(integrityKey.bytes(), integrity.macAlgorithm()));
			fullMac = new byte[mac.getMacLength()];
		}
	}

	/**
	 * HMAC is defined for keys of any length, so any non-empty integrity key is taken here; the SAD
	 * holds SAs to the lengths the IPsec RFCs fix ({@link IntegrityAlgorithm#keyBytes()}).
	 *
	 * @throws IllegalArgumentException when a key's length does not fit its algorithm (the message
	 *                                  gives lengths only)
	 */
	public static SaCrypto create(EncryptionAlgorithm encryption, KeyBytes encryptionKey, IntegrityAlgorithm integrity,
			KeyBytes integrityKey) {
		requireLength("encryption", encryption.keyMaterialBytes(), encryptionKey);
		if ((integrity == IntegrityAlgorithm.NONE) != (integrityKey.length() == 0)) {
			throw new IllegalArgumentException(
					"the integrity key has " + integrityKey.length() + " bytes for " + integrity);
		}
		try {
			return new SaCrypto(encryption, encryptionKey, integrity, integrityKey);
		} catch (GeneralSecurityException e) {
			// Every algorithm here is one the JDK must provide, and the key lengths were checked.
			throw new IllegalStateException(
					"JCE refused " + encryption + "/" + integrity + ": " + e.getClass().getSimpleName());
		}
	}

	private static void requireLength(String use, int expected, KeyBytes key) {
		if (key.length() != expected) {
			throw new IllegalArgumentException(
					"the " + use + " key has " + key.length() + " bytes, " + expected + " expected");
		}
	}

	public EncryptionAlgorithm encryption() {
		return encryption;
	}

	public IntegrityAlgorithm integrity() {
		return integrity;
	}

	/** The ICV length of the packets: the combined-mode tag, or the truncated HMAC, or 0. */
	public int icvBytes() {
		return encryption.isCombinedMode() ? encryption.icvBytes() : integrity.icvBytes();
	}

	/**
	 * The explicit IV of the packet with this sequence number, for combined mode (RFC 4106 3.1 asks
	 * only that an IV never repeats under one key): the sequence number XOR a random mask drawn
	 * when the SA was keyed. Unique within the SA because sequence numbers never cycle; the mask
	 * keeps a manually keyed SA, whose sequence restarts at 1, from repeating the IVs of its
	 * previous run.
	 */
	public long combinedModeIv(long sequence) {
		return sequence ^ ivMask;
	}

	/**
	 * Block-cipher encryption of what ESP encrypts, written to {@code out[offset, offset + length)}
	 * with the IV at {@code out[ivOffset]}: first {@code payload[payloadOffset, + payloadLength)},
	 * read from where it lies (no copy into {@code out} first), then the rest, which the caller has
	 * already written in place at {@code out[offset + payloadLength, offset + length)} (padding and
	 * trailer). NULL copies the payload.
	 */
	public void encrypt(byte[] payload, int payloadOffset, int payloadLength, byte[] out, int ivOffset, int offset,
			int length) {
		if (cipher == null) {
			System.arraycopy(payload, payloadOffset, out, offset, payloadLength);
			return;
		}
		try {
			cipher.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(out, ivOffset, encryption.ivBytes()));
			// Update, then doFinal over the rest in place: the payload is not copied first, and the
			// JDK's CBC copies only the short rest, whose input overlaps its output.
			int written = cipher.update(payload, payloadOffset, payloadLength, out, offset);
			cipher.doFinal(out, offset + payloadLength, length - payloadLength, out, offset + written);
		} catch (GeneralSecurityException e) {
			throw unexpected(e);
		}
	}

	/**
	 * A buffer of at least {@code length} bytes to decrypt a received packet into, the same one for
	 * every packet of the SA: the recovered packet is copied out of it at its exact length, which
	 * only decryption reveals.
	 */
	public byte[] plaintextBuffer(int length) {
		if (plaintext.length < length) {
			plaintext = new byte[length];
		}
		return plaintext;
	}

	/** Block-cipher decryption of {@code [offset, offset + length)} into {@code out}; NULL copies. */
	public void decrypt(byte[] buffer, int ivOffset, int offset, int length, byte[] out, int outOffset) {
		if (cipher == null) {
			System.arraycopy(buffer, offset, out, outOffset, length);
			return;
		}
		try {
			cipher.init(Cipher.DECRYPT_MODE, cipherKey, new IvParameterSpec(buffer, ivOffset, encryption.ivBytes()));
			cipher.doFinal(buffer, offset, length, out, outOffset);
		} catch (GeneralSecurityException e) {
			throw unexpected(e);
		}
	}

	/**
	 * Combined-mode encryption (RFC 4106) of what ESP encrypts, as {@link #encrypt} takes it (the
	 * payload from where it lies, the rest already in place in {@code out}): nonce = salt ‖ the
	 * explicit IV at {@code out[ivOffset]}; the additional authenticated data at
	 * {@code out[aadOffset]}; the tag written right after {@code out[offset, offset + length)}.
	 */
	public void seal(byte[] payload, int payloadOffset, int payloadLength, byte[] out, int aadOffset, int aadLength,
			int ivOffset, int offset, int length) {
		try {
			cipher.init(Cipher.ENCRYPT_MODE, cipherKey, gcmParameters(out, ivOffset));
			cipher.updateAAD(out, aadOffset, aadLength);
			// The payload's whole blocks straight from where it lies; then its unaligned tail, moved
			// next to the padding and trailer, and they in place: an unaligned update would leave
			// the tail in the JDK's GCM buffer, whose merging costs more than moving it.
			int aligned = payloadLength - payloadLength % GCM_BLOCK;
			cipher.update(payload, payloadOffset, aligned, out, offset);
			System.arraycopy(payload, payloadOffset + aligned, out, offset + aligned, payloadLength - aligned);
			cipher.doFinal(out, offset + aligned, length - aligned, out, offset + aligned);
		} catch (GeneralSecurityException e) {
			throw unexpected(e);
		}
	}

	/**
	 * Combined-mode decryption of the ciphertext and tag at {@code [offset, offset + lengthWithTag)}
	 * into {@code out}.
	 *
	 * @return false when the tag does not match; {@code out} then holds nothing of the plaintext
	 */
	public boolean open(byte[] buffer, int aadOffset, int aadLength, int ivOffset, int offset, int lengthWithTag,
			byte[] out, int outOffset) {
		try {
			cipher.init(Cipher.DECRYPT_MODE, cipherKey, gcmParameters(buffer, ivOffset));
			cipher.updateAAD(buffer, aadOffset, aadLength);
			cipher.doFinal(buffer, offset, lengthWithTag, out, outOffset);
			return true;
		} catch (AEADBadTagException e) {
			return false;
		} catch (GeneralSecurityException e) {
			throw unexpected(e);
		}
	}

	private GCMParameterSpec gcmParameters(byte[] buffer, int ivOffset) {
		System.arraycopy(buffer, ivOffset, nonce, SALT_BYTES, encryption.ivBytes());
		return new GCMParameterSpec(GCM_TAG_BITS, nonce);
	}

	/** Writes the truncated HMAC of {@code [offset, offset + length)} at {@code out[outOffset]}. */
	public void computeIcv(byte[] buffer, int offset, int length, byte[] out, int outOffset) {
		macOf(buffer, offset, length);
		System.arraycopy(fullMac, 0, out, outOffset, integrity.icvBytes());
	}

	/** Whether the ICV at {@code icv[icvOffset]} is the truncated HMAC of the range; constant time. */
	public boolean verifyIcv(byte[] buffer, int offset, int length, byte[] icv, int icvOffset) {
		macOf(buffer, offset, length);
		int difference = 0;
		for (int i = 0; i < integrity.icvBytes(); i++) {
			difference |= fullMac[i] ^ icv[icvOffset + i];
		}
		return difference == 0;
	}

	private void macOf(byte[] buffer, int offset, int length) {
		mac.update(buffer, offset, length);
		try {
			mac.doFinal(fullMac, 0);
		} catch (GeneralSecurityException e) {
			throw unexpected(e);
		}
	}

	private static IllegalStateException unexpected(GeneralSecurityException e) {
		return new IllegalStateException("JCE failed: " + e.getClass().getSimpleName());
	}
}
