package org.ipsl.runtime.esp;

import java.security.SecureRandom;

/**
 * CBC IVs from one SecureRandom drawn 4 KB at a time: a call per 256 AES IVs rather than one per
 * packet, which on a loaded machine costs more than the encryption's own overhead. Each byte is
 * handed out once. Thread-safe.
 */
final class BufferedIvSource implements Esp.IvSource {

	private static final int BUFFER = 4096;

	private final SecureRandom random;
	private final byte[] buffer = new byte[BUFFER];
	private int used = BUFFER;

	BufferedIvSource(SecureRandom random) {
		this.random = random;
	}

	@Override
	public synchronized void fill(byte[] packet, int offset, int length) {
		if (length > BUFFER) {
			throw new IllegalArgumentException("IV of " + length + " bytes");
		}
		if (used + length > BUFFER) {
			random.nextBytes(buffer);
			used = 0;
		}
		System.arraycopy(buffer, used, packet, offset, length);
		used += length;
	}
}
