package org.ipsl.runtime.bench;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The cryptography of one ESP packet and nothing else, on fixed buffers: 8 bytes of SPI and
 * sequence authenticated, an IV, the data encrypted, the ICV. The baseline ESP is measured
 * against, by the JDK's provider or by BouncyCastle's own (pure Java) engines.
 */
abstract class RawCrypto {

	static final int AAD = 8;
	private static final byte[] KEY = new byte[16];
	private static final byte[] INTEGRITY_KEY = new byte[20];
	private static final byte[] IV = new byte[16];

	protected final BenchSuite suite;
	/** SPI and sequence, IV, data, ICV: an ESP packet without its IP header. */
	final byte[] packet;
	private final int data;
	private final int length;
	final byte[] plain;
	/** Makes each GCM nonce new, as both providers refuse to encrypt twice under one. */
	protected long counter;

	RawCrypto(BenchSuite suite) {
		this.suite = suite;
		this.length = suite.encryptedLength();
		this.data = AAD + suite.encryption.ivBytes();
		this.packet = new byte[data + length + 16];
		this.plain = new byte[length];
	}

	static RawCrypto create(String provider, BenchSuite suite) {
		try {
			return provider.equals("JCE") ? new Jce(suite) : new BouncyCastle(suite);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Encrypts {@link #plain} into {@link #packet} and computes the ICV. */
	abstract void encrypt() throws Exception;

	/** Checks the ICV of {@link #packet} and decrypts it into {@link #plain}. */
	abstract void decrypt() throws Exception;

	private static final class Jce extends RawCrypto {
		private final Cipher cipher;
		private final SecretKeySpec key = new SecretKeySpec(KEY, "AES");
		private final Mac mac;
		private final byte[] nonce = new byte[12];
		private final byte[] fullMac = new byte[20];

		Jce(BenchSuite suite) throws GeneralSecurityException {
			super(suite);
			boolean gcm = suite == BenchSuite.AES_GCM_128;
			cipher = Cipher.getInstance(gcm ? "AES/GCM/NoPadding" : "AES/CBC/NoPadding");
			if (gcm) {
				mac = null;
			} else {
				mac = Mac.getInstance("HmacSHA1");
				mac.init(new SecretKeySpec(INTEGRITY_KEY, "HmacSHA1"));
			}
		}

		@Override
		void encrypt() throws GeneralSecurityException {
			if (mac == null) {
				nonce[11] = (byte) ++counter;
				nonce[10] = (byte) (counter >>> 8);
				nonce[9] = (byte) (counter >>> 16);
				cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
				cipher.updateAAD(packet, 0, AAD);
				cipher.doFinal(plain, 0, plain.length, packet, AAD + 8);
			} else {
				cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(IV));
				cipher.doFinal(plain, 0, plain.length, packet, AAD + 16);
				mac.update(packet, 0, AAD + 16 + plain.length);
				mac.doFinal(fullMac, 0);
				System.arraycopy(fullMac, 0, packet, AAD + 16 + plain.length, 12);
			}
		}

		@Override
		void decrypt() throws GeneralSecurityException {
			if (mac == null) {
				cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
				cipher.updateAAD(packet, 0, AAD);
				cipher.doFinal(packet, AAD + 8, plain.length + 16, plain, 0);
			} else {
				mac.update(packet, 0, AAD + 16 + plain.length);
				mac.doFinal(fullMac, 0);
				cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(IV));
				cipher.doFinal(packet, AAD + 16, plain.length, plain, 0);
			}
		}
	}

	private static final class BouncyCastle extends RawCrypto {
		private final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
		private final BlockCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
		private final HMac hmac = new HMac(new SHA1Digest());
		private final KeyParameter key = new KeyParameter(KEY);
		private final byte[] nonce = new byte[12];
		private final byte[] fullMac = new byte[20];

		BouncyCastle(BenchSuite suite) {
			super(suite);
			hmac.init(new KeyParameter(INTEGRITY_KEY));
		}

		@Override
		void encrypt() throws InvalidCipherTextException {
			if (suite == BenchSuite.AES_GCM_128) {
				nonce[11] = (byte) ++counter;
				nonce[10] = (byte) (counter >>> 8);
				nonce[9] = (byte) (counter >>> 16);
				gcm.init(true, new AEADParameters(key, 128, nonce));
				gcm.processAADBytes(packet, 0, AAD);
				int written = gcm.processBytes(plain, 0, plain.length, packet, AAD + 8);
				gcm.doFinal(packet, AAD + 8 + written);
			} else {
				cbc.init(true, new ParametersWithIV(key, IV));
				for (int block = 0; block < plain.length; block += 16) {
					cbc.processBlock(plain, block, packet, AAD + 16 + block);
				}
				hmac.update(packet, 0, AAD + 16 + plain.length);
				hmac.doFinal(fullMac, 0);
				System.arraycopy(fullMac, 0, packet, AAD + 16 + plain.length, 12);
			}
		}

		@Override
		void decrypt() throws InvalidCipherTextException {
			if (suite == BenchSuite.AES_GCM_128) {
				gcm.init(false, new AEADParameters(key, 128, nonce));
				gcm.processAADBytes(packet, 0, AAD);
				int written = gcm.processBytes(packet, AAD + 8, plain.length + 16, plain, 0);
				gcm.doFinal(plain, written);
			} else {
				hmac.update(packet, 0, AAD + 16 + plain.length);
				hmac.doFinal(fullMac, 0);
				cbc.init(false, new ParametersWithIV(key, IV));
				for (int block = 0; block < plain.length; block += 16) {
					cbc.processBlock(packet, AAD + 16 + block, plain, block);
				}
			}
		}
	}
}
