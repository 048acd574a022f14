package org.ipsl.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** An IKE identity as written after {@code local-id} or {@code remote-id}. */
public record IkeIdentity(Kind kind, String value) {

	public enum Kind {
		IPV4("ipv4"), IPV6("ipv6"), FQDN("fqdn"), USER_FQDN("user-fqdn"), DN("dn");

		private final String languageName;

		Kind(String languageName) {
			this.languageName = languageName;
		}

		public String languageName() {
			return languageName;
		}

		public static Optional<Kind> byLanguageName(String name) {
			return Arrays.stream(values()).filter(k -> k.languageName.equals(name)).findFirst();
		}
	}

	public IkeIdentity {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return kind.languageName + " \"" + value + "\"";
	}
}
