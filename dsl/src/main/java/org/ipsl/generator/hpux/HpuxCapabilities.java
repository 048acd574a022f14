package org.ipsl.generator.hpux;

import java.util.Map;
import java.util.Optional;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.generator.HpuxRelease;

/**
 * What each HP-UX IPSec release can express, from ../shared/reference/hpux-ipsec.md. A name found
 * only in A.03 text is used for A.02 too, with a note in the generated file ({@link Notes}); what no
 * text of a release offers is unsupported there.
 */
final class HpuxCapabilities {

	/** A name and whether the release's own text confirms it. */
	record Name(String name, boolean confirmed) {
	}

	/**
	 * ESP and AH transform names by (encryption, integrity) in IPSL's manual-SA spelling; AH has no
	 * encryption. A.03.00's Table 4-2 (G300-77) is confirmed for A.03.00; A.02 text shows
	 * ESP_AES128_HMAC_SHA1 and AH_MD5 only, and offers DES, which A.03.00's table no longer lists.
	 */
	private static final Map<String, String> A03_TRANSFORMS = Map.ofEntries(
			Map.entry("ah/hmac-md5", "AH_MD5"), Map.entry("ah/hmac-sha1", "AH_SHA1"),
			Map.entry("aes128/hmac-md5", "ESP_AES128_HMAC_MD5"), Map.entry("aes128/hmac-sha1", "ESP_AES128_HMAC_SHA1"),
			Map.entry("3des/hmac-md5", "ESP_3DES_HMAC_MD5"), Map.entry("3des/hmac-sha1", "ESP_3DES_HMAC_SHA1"),
			Map.entry("null/hmac-md5", "ESP_NULL_HMAC_MD5"), Map.entry("null/hmac-sha1", "ESP_NULL_HMAC_SHA1"));
	private static final Map<String, String> A02_ONLY_TRANSFORMS = Map.of(
			"des/hmac-md5", "ESP_DES_HMAC_MD5", "des/hmac-sha1", "ESP_DES_HMAC_SHA1");
	private static final Map<String, String> A02_CONFIRMED = Map.of(
			"aes128/hmac-sha1", "ESP_AES128_HMAC_SHA1", "ah/hmac-md5", "AH_MD5");

	private final HpuxRelease release;

	HpuxCapabilities(HpuxRelease release) {
		this.release = release;
	}

	HpuxRelease release() {
		return release;
	}

	boolean a03() {
		return release == HpuxRelease.A_03_00;
	}

	/** {@code add ike} on A.02 (IKEv1 only), {@code add ikev1} on A.03. */
	String ikeObject() {
		return a03() ? "ikev1" : "ike";
	}

	/** @param encryption IPSL's cipher name, null for AH */
	Optional<Name> transform(String encryption, String integrity) {
		String key = (encryption == null ? "ah" : encryption) + "/" + integrity;
		if (a03())
			return Optional.ofNullable(A03_TRANSFORMS.get(key)).map(n -> new Name(n, true));
		if (A02_CONFIRMED.containsKey(key))
			return Optional.of(new Name(A02_CONFIRMED.get(key), true));
		String name = A03_TRANSFORMS.getOrDefault(key, A02_ONLY_TRANSFORMS.get(key));
		return Optional.ofNullable(name).map(n -> new Name(n, false));
	}

	/** Dynamic-key transform lists: at most this many AH transforms... */
	int maxAh() {
		return 2;
	}

	/** ...or this many ESP transforms (A.02: 8, A.03.00: 6), or one nested AH+ESP transform. */
	int maxEsp() {
		return a03() ? 6 : 8;
	}

	Optional<String> ikeEncryption(IkeEncryption encryption) {
		return switch (encryption) {
		case DES -> Optional.of("DES");
		case TRIPLE_DES -> Optional.of("3DES");
		case AES128 -> Optional.of("AES128");
		default -> Optional.empty();
		};
	}

	/** SHA-2 came with A.03.02 (G3022-70), after the releases IPSL writes for. */
	Optional<String> ikeHash(IkeHash hash) {
		return switch (hash) {
		case MD5 -> Optional.of("MD5");
		case SHA1 -> Optional.of("SHA1");
		default -> Optional.empty();
		};
	}

	/** MODP groups 1 and 2 are HP-UX's defaults; 5 and 14 are unconfirmed; larger MODP and ECP groups are absent. */
	Optional<Name> group(DhGroup group) {
		return switch (group) {
		case MODP768, MODP1024 -> Optional.of(new Name(Integer.toString(group.number()), true));
		case MODP1536, MODP2048 -> Optional.of(new Name(Integer.toString(group.number()), false));
		default -> Optional.empty();
		};
	}

	/** A.02.00's bypass list is IPv4 only (G200-105); A.02.01 lists "Local IP Addresses". */
	boolean ipv6Bypass() {
		return release != HpuxRelease.A_02_00;
	}

	/** HP-UX names: 1–63 characters. */
	static final int MAX_NAME = 63;
}
