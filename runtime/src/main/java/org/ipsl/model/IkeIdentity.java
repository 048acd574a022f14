package org.ipsl.model;

import java.util.Objects;
import java.util.Optional;

import org.ipsl.catalog.Keyword;

/** An IKE identity as written after {@code local-id} or {@code remote-id}. */
public record IkeIdentity(Kind kind, String value) {

	public enum Kind implements Keyword {
		IPV4("ipv4"), IPV6("ipv6"), FQDN("fqdn"), USER_FQDN("user-fqdn"), DN("dn");

		private final String keyword;

		Kind(String keyword) {
			this.keyword = keyword;
		}

		@Override
		public String keyword() {
			return keyword;
		}

		public static Optional<Kind> byKeyword(String keyword) {
			return Keyword.lookup(Kind.class, keyword);
		}
	}

	public IkeIdentity {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return kind.keyword + " \"" + value + "\"";
	}
}
