package org.ipsl.model;

import java.util.Objects;
import java.util.Optional;

import org.ipsl.catalog.Keyword;

/**
 * An IKE identity as written after {@code local-id} or {@code remote-id}. {@link #ANY} ({@code
 * remote-id any}, strongSwan's {@code %any}) accepts every identity. In a {@code remote-id}, a
 * {@code *} stands for any text: {@code fqdn "*.example.com"}, {@code user-fqdn "*@example.com"},
 * {@code dn "C=CH, O=Example, CN=*"} ({@link #isWildcard}).
 */
public record IkeIdentity(Kind kind, String value) {

	public enum Kind implements Keyword {
		IPV4("ipv4"), IPV6("ipv6"), FQDN("fqdn"), USER_FQDN("user-fqdn"), DN("dn"), KEY_ID("key-id"), ANY("any");

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

	/** Every identity. */
	public static final IkeIdentity ANY = new IkeIdentity(Kind.ANY, "");

	public IkeIdentity {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(value, "value");
	}

	/** Whether this identity, as expected of a peer, stands for more than one: {@code any} or a {@code *} in a name. */
	public boolean isWildcard() {
		return kind == Kind.ANY
				|| (kind == Kind.FQDN || kind == Kind.USER_FQDN || kind == Kind.DN) && value.contains("*");
	}

	@Override
	public String toString() {
		return kind == Kind.ANY ? "any" : kind.keyword + " \"" + value + "\"";
	}
}
