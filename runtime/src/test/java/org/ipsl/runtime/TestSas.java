package org.ipsl.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Lifetime;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityProtocol;

/** SA definitions for tests. */
public final class TestSas {

	/** An encryption and an integrity algorithm that make a valid SA together. */
	public record Suite(EncryptionAlgorithm encryption, IntegrityAlgorithm integrity) {
		@Override
		public String toString() {
			return encryption + "+" + integrity;
		}
	}

	private TestSas() {
	}

	/** Every valid ESP combination: each cipher with each integrity algorithm or none, GCM alone. */
	public static List<Suite> espSuites() {
		List<Suite> suites = new ArrayList<>();
		for (EncryptionAlgorithm encryption : EncryptionAlgorithm.values()) {
			for (IntegrityAlgorithm integrity : IntegrityAlgorithm.values()) {
				boolean valid = encryption.isCombinedMode()
						? integrity == IntegrityAlgorithm.NONE
						: encryption != EncryptionAlgorithm.NULL || integrity != IntegrityAlgorithm.NONE;
				if (valid) {
					suites.add(new Suite(encryption, integrity));
				}
			}
		}
		return suites;
	}

	/** The ESP suites that authenticate, the only ones that can tell a forged packet. */
	public static List<Suite> authenticatedEspSuites() {
		return espSuites().stream()
				.filter(s -> s.encryption().isCombinedMode() || s.integrity() != IntegrityAlgorithm.NONE)
				.toList();
	}

	public static List<Suite> ahSuites() {
		List<Suite> suites = new ArrayList<>();
		for (IntegrityAlgorithm integrity : IntegrityAlgorithm.values()) {
			if (integrity != IntegrityAlgorithm.NONE) {
				suites.add(new Suite(EncryptionAlgorithm.NULL, integrity));
			}
		}
		return suites;
	}

	public static KeyBytes randomKey(int length, Random random) {
		if (length == 0) {
			return KeyBytes.NONE;
		}
		byte[] key = new byte[length];
		random.nextBytes(key);
		return KeyBytes.of(key);
	}

	/** An SA with random keys of the right lengths, no lifetime limit and the default replay window. */
	public static SaSpec spec(Direction direction, long spi, SecurityProtocol protocol, Mode mode, String source,
			String destination, Suite suite, Random random) {
		return spec(direction, spi, protocol, mode, source, destination, suite.encryption(),
				randomKey(suite.encryption().keyMaterialBytes(), random), suite.integrity(),
				randomKey(suite.integrity().keyBytes(), random));
	}

	public static SaSpec spec(Direction direction, long spi, SecurityProtocol protocol, Mode mode, String source,
			String destination, EncryptionAlgorithm encryption, KeyBytes encryptionKey,
			IntegrityAlgorithm integrity, KeyBytes integrityKey) {
		return new SaSpec(direction, spi, protocol, mode, TestPackets.address(source), TestPackets.address(destination),
				encryption, encryptionKey, integrity, integrityKey, Lifetime.UNLIMITED, SaSpec.DEFAULT_REPLAY_WINDOW);
	}

	/** The same SA as the receiver holds it. */
	public static SaSpec inbound(SaSpec outbound) {
		return new SaSpec(Direction.INBOUND, outbound.spi(), outbound.protocol(), outbound.mode(), outbound.source(),
				outbound.destination(), outbound.encryption(), outbound.encryptionKey(), outbound.integrity(),
				outbound.integrityKey(), outbound.lifetime(), outbound.replayWindow());
	}
}
