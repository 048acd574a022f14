package org.ipsl.runtime.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A pair of manually keyed SAs with one peer: the local inbound SA is the peer's outbound one. */
public record ManualSa(String name, List<String> peer, Sa inbound, Sa outbound) {

	public ManualSa {
		Required.field(name, "name");
		peer = Required.nonEmptyList(peer, "peer");
		Required.field(inbound, "inbound");
		Required.field(outbound, "outbound");
	}

	/**
	 * One direction. Keys are {@code 0x} hex of the algorithm's exact length (for GCM the key and its
	 * 4-byte salt); {@code encryption} is null for AH, {@code authentication} for combined-mode ESP.
	 */
	public record Sa(Protocol protocol, @JsonProperty(required = true) long spi, Key encryption, Key authentication,
			String iv) {
		public enum Protocol {
			@JsonProperty("esp")
			ESP, @JsonProperty("ah")
			AH
		}

		public Sa {
			Required.field(protocol, "protocol");
			Required.range(spi, 1, 0xFFFFFFFFL, "spi");
		}
	}

	public record Key(String algorithm, String key) {
		public Key {
			Required.field(algorithm, "algorithm");
		}

		/** Never the key: records print themselves in logs and exceptions. */
		@Override
		public String toString() {
			return "Key[" + algorithm + "]";
		}
	}
}
