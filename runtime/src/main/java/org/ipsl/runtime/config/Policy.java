package org.ipsl.runtime.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One SPD entry, written from the host's side: it applies to outbound packets as written and to
 * inbound packets with local and remote swapped.
 */
public record Policy(String name, @JsonProperty(required = true) long priority, Selector selector, Action action) {

	public Policy {
		Required.field(name, "name");
		Required.field(selector, "selector");
		Required.field(action, "action");
	}

	/**
	 * What a policy selects. A null {@code protocol} is every protocol; a null port range every port;
	 * {@code icmpType} is set only for ICMP (1) and ICMPv6 (58).
	 */
	public record Selector(Integer protocol, Integer icmpType, List<String> local, PortRange localPorts,
			List<String> remote, PortRange remotePorts) {
		public Selector {
			local = Required.nonEmptyList(local, "local");
			remote = Required.nonEmptyList(remote, "remote");
		}
	}

	/** Ports {@code from..to}, both included. */
	public record PortRange(@JsonProperty(required = true) int from, @JsonProperty(required = true) int to) {
		public PortRange {
			Required.range(from, 0, 65535, "from");
			Required.range(to, from, 65535, "to");
		}
	}

	/**
	 * {@code protect} uses either dynamic keys ({@code transforms}, in preference order, with an
	 * optional tunnel and PFS group) or the manual SA named {@code manualSa}.
	 */
	public record Action(Type type, List<Transform> transforms, Tunnel tunnel, Integer pfsGroup, String manualSa) {
		public enum Type {
			@JsonProperty("pass")
			PASS, @JsonProperty("discard")
			DISCARD, @JsonProperty("protect")
			PROTECT
		}

		public Action {
			Required.field(type, "type");
			transforms = transforms == null ? List.of() : List.copyOf(transforms);
			if (type == Type.PROTECT && transforms.isEmpty() == (manualSa == null))
				throw new IllegalArgumentException("a 'protect' action has either 'transforms' or 'manualSa'");
		}
	}

	/**
	 * An IPsec transform: ESP, AH, or AH around ESP when both are set. Lifetimes of 0 mean no limit.
	 * Algorithm names are IPSL's ({@code aes128}, {@code hmac-sha1}); {@code esp.integrity} is null for
	 * combined-mode ciphers ({@code aes128-gcm16}).
	 */
	public record Transform(String name, Ah ah, Esp esp, @JsonProperty(required = true) long lifetimeSeconds,
			@JsonProperty(required = true) long lifetimeKilobytes) {
		public Transform {
			Required.field(name, "name");
			if (ah == null && esp == null)
				throw new IllegalArgumentException("a transform needs 'ah', 'esp' or both");
		}
	}

	public record Ah(String integrity) {
		public Ah {
			Required.field(integrity, "integrity");
		}
	}

	public record Esp(String encryption, String integrity) {
		public Esp {
			Required.field(encryption, "encryption");
		}
	}

	/** Tunnel mode between these two addresses; the local one is the host's. */
	public record Tunnel(String local, String remote) {
		public Tunnel {
			Required.field(local, "local");
			Required.field(remote, "remote");
		}
	}
}
