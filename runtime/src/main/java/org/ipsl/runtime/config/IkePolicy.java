package org.ipsl.runtime.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An IKE (phase 1) policy: the first one by priority whose {@code remote} covers the peer's address
 * is used.
 *
 * @param proposals in preference order
 * @param localId   the identity sent, or null for the local address
 * @param remoteId  the identity required of the peer, or null for its address
 */
public record IkePolicy(String name, @JsonProperty(required = true) long priority, List<String> remote,
		List<Proposal> proposals,
		@JsonProperty(required = true) long lifetimeSeconds, Authentication authentication, Identity localId,
		Identity remoteId) {

	public IkePolicy {
		Required.field(name, "name");
		remote = Required.nonEmptyList(remote, "remote");
		proposals = Required.nonEmptyList(proposals, "proposals");
		Required.field(authentication, "authentication");
	}

	/** One phase 1 suite. {@code group} is the IANA Diffie-Hellman group number (2 = modp1024). */
	public record Proposal(String encryption, String hash, @JsonProperty(required = true) int group) {
		public Proposal {
			Required.field(encryption, "encryption");
			Required.field(hash, "hash");
		}
	}

	/**
	 * How the peers prove who they are. With {@code preshared}, {@code secret} holds the key: its
	 * UTF-8 bytes, or the bytes of its hex digits when it starts with {@code 0x} (as HP-UX reads it).
	 * With {@code certificate}, the paths are relative to the IPSL workspace folder.
	 */
	public record Authentication(Method method, String secret, String certificate, String ca, String crl) {
		public enum Method {
			@JsonProperty("preshared")
			PRESHARED, @JsonProperty("certificate")
			CERTIFICATE
		}

		public Authentication {
			Required.field(method, "method");
			if (method == Method.PRESHARED)
				Required.field(secret, "secret");
			else
				Required.field(certificate, "certificate");
		}

		/** Never the secret itself: records print themselves in logs and exceptions. */
		@Override
		public String toString() {
			return "Authentication[" + method + (certificate != null ? ", certificate=" + certificate : "") + "]";
		}
	}

	public record Identity(Type type, String value) {
		public enum Type {
			@JsonProperty("ipv4")
			IPV4, @JsonProperty("ipv6")
			IPV6, @JsonProperty("fqdn")
			FQDN, @JsonProperty("user-fqdn")
			USER_FQDN, @JsonProperty("dn")
			DN
		}

		public Identity {
			Required.field(type, "type");
			Required.field(value, "value");
		}
	}
}
