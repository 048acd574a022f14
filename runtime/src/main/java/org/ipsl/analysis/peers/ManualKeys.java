package org.ipsl.analysis.peers;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.IpRange;

/**
 * A manual SA of a host: its {@code peer}, the SA it receives with ({@code inbound}) and the one it
 * sends with ({@code outbound}). Keys are known only by fingerprint; a key of the wrong form is not compared.
 */
public record ManualKeys(String name, List<IpRange> peer, Optional<Sa> inbound, Optional<Sa> outbound) {

	public ManualKeys {
		peer = List.copyOf(peer);
	}

	/** One direction: protocol ({@code esp} or {@code ah}), SPI, algorithms and key fingerprints. */
	public record Sa(String protocol, long spi, Optional<String> encryption, Optional<SecretFingerprint> encryptionKey,
			Optional<String> authentication, Optional<SecretFingerprint> authenticationKey) {

		/** "esp spi 3000002". */
		public String describe() {
			return protocol + " spi " + spi;
		}
	}
}
