package org.ipsl.runtime.sad;

import java.net.InetAddress;
import java.util.Objects;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;

/**
 * Everything that defines one SA, as a loaded configuration or a negotiation gives it. In tunnel
 * mode {@code source} and {@code destination} are the tunnel endpoints (the outer header); in
 * transport mode they are the two hosts. Its text form hides the keys.
 *
 * @param encryptionKey the key material: for AES-GCM the AES key followed by the 4-byte salt
 *                      (RFC 4106); {@link KeyBytes#NONE} for NULL encryption
 * @param integrityKey  {@link KeyBytes#NONE} without an integrity algorithm
 * @param replayWindow  the anti-replay window in packets; 0 turns anti-replay off
 */
public record SaSpec(Direction direction, long spi, SecurityProtocol protocol, Mode mode,
		InetAddress source, InetAddress destination,
		EncryptionAlgorithm encryption, KeyBytes encryptionKey,
		IntegrityAlgorithm integrity, KeyBytes integrityKey,
		Lifetime lifetime, int replayWindow) {

	/** RFC 4303 3.4.3's default, and HP-UX's. */
	public static final int DEFAULT_REPLAY_WINDOW = 64;
	public static final int MAX_REPLAY_WINDOW = 4096;
	public static final long MAX_SPI = 0xffff_ffffL;
	/** SPIs 0-255 are reserved (RFC 4303 2.1). */
	public static final long HIGHEST_RESERVED_SPI = 255;

	public SaSpec {
		Objects.requireNonNull(direction);
		Objects.requireNonNull(protocol);
		Objects.requireNonNull(mode);
		Objects.requireNonNull(encryption);
		Objects.requireNonNull(encryptionKey);
		Objects.requireNonNull(integrity);
		Objects.requireNonNull(integrityKey);
		Objects.requireNonNull(lifetime);
		if (spi < 0 || spi > MAX_SPI) {
			throw new IllegalArgumentException("SPI " + spi + " is not a 32-bit number");
		}
		if (source.getClass() != destination.getClass()) {
			throw new IllegalArgumentException("source " + source.getHostAddress() + " and destination "
					+ destination.getHostAddress() + " are not of one address family");
		}
		if (replayWindow < 0 || replayWindow > MAX_REPLAY_WINDOW) {
			throw new IllegalArgumentException("replay window " + replayWindow + " outside 0-" + MAX_REPLAY_WINDOW);
		}
	}

	public SaId id() {
		return new SaId(spi, destination, protocol);
	}
}
