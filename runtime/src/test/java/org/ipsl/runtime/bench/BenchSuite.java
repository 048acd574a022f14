package org.ipsl.runtime.bench;

import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;

/** The two suites the benchmarks compare, with the lengths ESP gives a 1,400-byte packet in tunnel mode. */
public enum BenchSuite {
	AES_GCM_128(EncryptionAlgorithm.AES_GCM_16_128, IntegrityAlgorithm.NONE), AES_CBC_128_HMAC_SHA1(
			EncryptionAlgorithm.AES_CBC_128, IntegrityAlgorithm.HMAC_SHA1_96);

	/** The inner packet. */
	static final int PACKET = 1400;

	final EncryptionAlgorithm encryption;
	final IntegrityAlgorithm integrity;

	BenchSuite(EncryptionAlgorithm encryption, IntegrityAlgorithm integrity) {
		this.encryption = encryption;
		this.integrity = integrity;
	}

	/** What ESP encrypts: the packet, padding, pad length and next header, aligned. */
	int encryptedLength() {
		int alignment = encryption.alignment();
		return (PACKET + 2 + alignment - 1) / alignment * alignment;
	}
}
