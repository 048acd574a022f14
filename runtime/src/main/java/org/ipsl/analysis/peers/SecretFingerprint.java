package org.ipsl.analysis.peers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Stands for a preshared secret or an SA key so that two can be compared without keeping the
 * secret: a SHA-256 digest. It prints as nothing but a placeholder, so no message, log or
 * exception can carry the secret or any part of it.
 */
public final class SecretFingerprint {
	private final byte[] digest;

	private SecretFingerprint(byte[] digest) {
		this.digest = digest;
	}

	public static SecretFingerprint of(String secret) {
		try {
			return new SecretFingerprint(
					MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java platform has SHA-256", e);
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SecretFingerprint f && MessageDigest.isEqual(digest, f.digest);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(digest);
	}

	@Override
	public String toString() {
		return "(secret)";
	}
}
