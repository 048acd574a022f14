package org.ipsl.runtime.trace;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Lifetime;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityProtocol;

/**
 * The SAs a successful Quick Mode would install, without running IKE: the chosen transform's
 * algorithms and lifetimes, the SPIs each receiver allocated, and keys derived from the SPI and
 * addresses by HMAC-SHA-256 under a fixed label. They are real keys for real cryptography, but
 * simulated: nothing secret went into them, so they protect nothing and are never printed.
 */
final class SimulatedSas {
	private static final byte[] LABEL = "IPSL trace: simulated Quick Mode keys".getBytes(StandardCharsets.US_ASCII);

	/** The SAs of one direction, in the order the sender applies them (ESP before AH). */
	record OneWay(List<SaSpec> outbound, List<SaSpec> inbound) {
	}

	/** An SPI per protocol the transform uses, allocated by the receiving host. */
	record Spis(long esp, long ah) {
	}

	private SimulatedSas() {
	}

	/**
	 * @param from the sending end (tunnel local end or packet source), {@code to} the receiving one
	 * @throws IllegalArgumentException when the transform names an algorithm the engine lacks
	 */
	static OneWay of(Policy.Transform transform, boolean tunnel, InetAddress from, InetAddress to, Spis spis) {
		Mode mode = tunnel ? Mode.TUNNEL : Mode.TRANSPORT;
		Lifetime lifetime = new Lifetime(0, transform.lifetimeSeconds(), 0, transform.lifetimeKilobytes());
		List<SaSpec> outbound = new ArrayList<>(), inbound = new ArrayList<>();
		if (transform.esp() != null) {
			EncryptionAlgorithm encryption = EncryptionAlgorithm.byKeyword(transform.esp().encryption())
					.orElseThrow(() -> unknown(transform, transform.esp().encryption()));
			IntegrityAlgorithm integrity = transform.esp().integrity() == null
					? IntegrityAlgorithm.NONE
					: IntegrityAlgorithm.byKeyword(transform.esp().integrity())
							.orElseThrow(() -> unknown(transform, transform.esp().integrity()));
			add(outbound, inbound, new SaSpec(Direction.OUTBOUND, spis.esp(), SecurityProtocol.ESP, mode, from, to,
					encryption, key(from, to, spis.esp(), "esp-encryption", encryption.keyMaterialBytes()), integrity,
					key(from, to, spis.esp(), "esp-integrity", integrity.keyBytes()), lifetime,
					SaSpec.DEFAULT_REPLAY_WINDOW));
		}
		if (transform.ah() != null) {
			IntegrityAlgorithm integrity = IntegrityAlgorithm.byKeyword(transform.ah().integrity())
					.orElseThrow(() -> unknown(transform, transform.ah().integrity()));
			// AH around ESP: ESP already carries the tunnel, so AH adds only its header.
			Mode ahMode = transform.esp() != null ? Mode.TRANSPORT : mode;
			add(outbound, inbound, new SaSpec(Direction.OUTBOUND, spis.ah(), SecurityProtocol.AH, ahMode, from, to,
					EncryptionAlgorithm.NULL, KeyBytes.NONE, integrity,
					key(from, to, spis.ah(), "ah-integrity", integrity.keyBytes()),
					lifetime, SaSpec.DEFAULT_REPLAY_WINDOW));
		}
		return new OneWay(List.copyOf(outbound), List.copyOf(inbound));
	}

	private static void add(List<SaSpec> outbound, List<SaSpec> inbound, SaSpec spec) {
		outbound.add(spec);
		inbound.add(new SaSpec(Direction.INBOUND, spec.spi(), spec.protocol(), spec.mode(), spec.source(),
				spec.destination(), spec.encryption(), spec.encryptionKey(), spec.integrity(), spec.integrityKey(),
				spec.lifetime(), spec.replayWindow()));
	}

	private static IllegalArgumentException unknown(Policy.Transform transform, String algorithm) {
		return new IllegalArgumentException(
				"transform " + transform.name() + ": the runtime has no algorithm '" + algorithm + "'");
	}

	/** HMAC-SHA-256(label, purpose | from | to | SPI | counter) blocks, cut to the length. */
	private static KeyBytes key(InetAddress from, InetAddress to, long spi, String purpose, int length) {
		if (length == 0)
			return KeyBytes.NONE;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(LABEL, "HmacSHA256"));
			byte[] key = new byte[length];
			for (int block = 0, done = 0; done < length; block++) {
				mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
				mac.update(from.getAddress());
				mac.update(to.getAddress());
				mac.update(ByteBuffer.allocate(12).putLong(spi).putInt(block).array());
				byte[] out = mac.doFinal();
				int n = Math.min(out.length, length - done);
				System.arraycopy(out, 0, key, done, n);
				done += n;
			}
			return KeyBytes.of(key);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("every Java platform has HmacSHA256", e);
		}
	}
}
