package org.ipsl.generator.plan;

import java.util.List;

import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.model.IpAddress;

/** A manual SA pair with one peer. */
public record ManualSaPlan(String name, Place place, List<IpAddress> peer, SaPlan inbound, SaPlan outbound) {

	/** Which protocol an SA uses. */
	public enum Protocol {
		ESP, AH
	}

	/**
	 * One direction. Keys are lower-case {@code 0x} hex; an algorithm without a key ({@code null}
	 * encryption) has a null key; {@code encryption} is null for AH, {@code authentication} for GCM.
	 */
	public record SaPlan(Protocol protocol, long spi, KeyAlgorithm encryption, String encryptionKey,
			KeyAlgorithm authentication, String authenticationKey, String iv, Place place) {

		/** Never the keys: records print themselves in logs and exceptions. */
		@Override
		public String toString() {
			return "SaPlan[" + protocol + " spi " + spi + ", " + encryption + ", " + authentication + "]";
		}
	}
}
