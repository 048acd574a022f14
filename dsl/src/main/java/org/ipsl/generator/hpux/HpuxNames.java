package org.ipsl.generator.hpux;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.catalog.Transform;
import org.ipsl.generator.HpuxRelease;

/**
 * The generator's HP-UX spellings read backwards, for the importer: which IPSL algorithm an
 * {@code ipsec_config} name stands for in any release IPSL writes for. The names themselves are
 * {@link HpuxCapabilities}'; nothing here adds one.
 */
public final class HpuxNames {
	private HpuxNames() {
	}

	/** The IPSL transform of an HP-UX transform name such as {@code ESP_AES128_HMAC_SHA1}. */
	public static Optional<Transform> transform(String hpuxName) {
		for (HpuxRelease release : HpuxRelease.values()) {
			HpuxCapabilities caps = new HpuxCapabilities(release);
			for (Transform t : Transform.values())
				if (caps.transform(t.encryption(), t.integrity()).filter(n -> n.name().equals(hpuxName)).isPresent())
					return Optional.of(t);
		}
		return Optional.empty();
	}

	/** The algorithms of a manual-key transform name, e.g. {@code ESP_AES128_HMAC_MD5}: encryption, then authentication. */
	public static Optional<List<KeyAlgorithm>> manualKeys(String hpuxName) {
		for (HpuxRelease release : HpuxRelease.values()) {
			HpuxCapabilities caps = new HpuxCapabilities(release);
			for (KeyAlgorithm encryption : KeyAlgorithm.values())
				for (KeyAlgorithm authentication : KeyAlgorithm.values())
					if (encryption.use() == KeyAlgorithm.Use.ENCRYPTION
							&& authentication.use() == KeyAlgorithm.Use.AUTHENTICATION
							&& caps.transform(encryption.keyword(), authentication.keyword())
									.filter(n -> n.name().equals(hpuxName)).isPresent())
						return Optional.of(List.of(encryption, authentication));
		}
		return Optional.empty();
	}

	public static Optional<IkeEncryption> ikeEncryption(String hpuxName) {
		return Arrays.stream(IkeEncryption.values())
				.filter(e -> anyRelease()
						.anyMatch(c -> c.ikeEncryption(e).filter(n -> n.name().equals(hpuxName)).isPresent()))
				.findFirst();
	}

	public static Optional<IkeHash> ikeHash(String hpuxName) {
		return Arrays.stream(IkeHash.values())
				.filter(h -> anyRelease()
						.anyMatch(c -> c.ikeHash(h).filter(n -> n.name().equals(hpuxName)).isPresent()))
				.findFirst();
	}

	public static Optional<DhGroup> group(String hpuxName) {
		return Arrays.stream(DhGroup.values()).filter(
				g -> anyRelease().anyMatch(c -> c.group(g).filter(n -> n.name().equals(hpuxName)).isPresent()))
				.findFirst();
	}

	/** Why HP-UX would read the secret otherwise than IPSL does, or null; never the secret itself. */
	public static String presharedProblem(String secret) {
		if (secret.chars().anyMatch(Character::isWhitespace))
			return "HP-UX does not allow spaces in a preshared key (A.03.00 guide, pages 155 and 157)";
		if (secret.indexOf('"') >= 0)
			return "HP-UX keeps double quotes as part of a preshared key (A.03.00 guide, page 157) while batch "
					+ "lines quote words with them (page 89), so HP-UX may read this key otherwise";
		if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e))
			return "the manuals state no preshared-key characters beyond printable ASCII (A.03.00 guide, page 155)";
		if (secret.startsWith("0X"))
			return "HP-UX reads a preshared key that begins with 0x as hexadecimal (A.03.00 guide, page 155), "
					+ "and how it reads 0X is not stated";
		if (secret.startsWith("0x") && !(secret.length() > 2 && secret.length() % 2 == 0
				&& secret.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0)))
			return "HP-UX reads a preshared key that begins with 0x as hexadecimal (A.03.00 guide, page 155), "
					+ "and the rest of this one is not pairs of hex digits";
		return null;
	}

	private static java.util.stream.Stream<HpuxCapabilities> anyRelease() {
		return Arrays.stream(HpuxRelease.values()).map(HpuxCapabilities::new);
	}
}
