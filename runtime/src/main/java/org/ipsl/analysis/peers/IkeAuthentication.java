package org.ipsl.analysis.peers;

import java.util.Optional;

/**
 * How an IKE policy authenticates the peer in Main Mode. The preshared secret is known only by its
 * fingerprint, and not at all when it sits in a file that cannot be read (then it is not compared).
 */
public record IkeAuthentication(Method method, Optional<SecretFingerprint> secret) {

	public enum Method {
		PRESHARED("a preshared key"), CERTIFICATE("certificates");

		private final String description;

		Method(String description) {
			this.description = description;
		}

		public String description() {
			return description;
		}
	}

	public static IkeAuthentication preshared(SecretFingerprint secret) {
		return new IkeAuthentication(Method.PRESHARED, Optional.of(secret));
	}

	/** A preshared secret that cannot be read, e.g. a file kept out of version control. */
	public static IkeAuthentication presharedUnknown() {
		return new IkeAuthentication(Method.PRESHARED, Optional.empty());
	}

	public static IkeAuthentication certificate() {
		return new IkeAuthentication(Method.CERTIFICATE, Optional.empty());
	}
}
