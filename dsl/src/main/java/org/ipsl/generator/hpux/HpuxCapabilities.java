package org.ipsl.generator.hpux;

import java.util.Map;
import java.util.Optional;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.generator.HpuxRelease;

/**
 * What each HP-UX IPSec release can express, from ../shared/reference/hpux-ipsec-config.md (cited
 * there as manual, page). A value that no stored page prints for the release, but that the nearest
 * text makes likely, carries that text as its {@link Name#unconfirmed} note ({@link Notes}); what
 * no text of a release offers is unsupported there.
 */
final class HpuxCapabilities {

	/** A name, and why it is not confirmed for the release (null when the release's own text prints it). */
	record Name(String name, String unconfirmed) {
		boolean confirmed() {
			return unconfirmed == null;
		}
	}

	/** A.03.00 Table 4-2 (A.03.00 guide, page 77), by IPSL's (encryption, integrity); AH has no encryption. */
	private static final Map<String, String> A03_TRANSFORMS = Map.ofEntries(
			Map.entry("ah/hmac-md5", "AH_MD5"), Map.entry("ah/hmac-sha1", "AH_SHA1"),
			Map.entry("aes128/hmac-md5", "ESP_AES128_HMAC_MD5"), Map.entry("aes128/hmac-sha1", "ESP_AES128_HMAC_SHA1"),
			Map.entry("3des/hmac-md5", "ESP_3DES_HMAC_MD5"), Map.entry("3des/hmac-sha1", "ESP_3DES_HMAC_SHA1"),
			Map.entry("null/hmac-md5", "ESP_NULL_HMAC_MD5"), Map.entry("null/hmac-sha1", "ESP_NULL_HMAC_SHA1"));
	/** A.02 names: the two the A.02.00 guide prints (page 90), the others with their nearest text. */
	private static final Map<String, Name> A02_TRANSFORMS = Map.ofEntries(
			Map.entry("ah/hmac-md5", new Name("AH_MD5", null)),
			Map.entry("aes128/hmac-sha1", new Name("ESP_AES128_HMAC_SHA1", null)),
			Map.entry("ah/hmac-sha1", a02Name("AH_SHA1", Notes.IN_A03_TABLE)),
			Map.entry("3des/hmac-sha1", a02Name("ESP_3DES_HMAC_SHA1", Notes.IN_A03_TABLE)),
			Map.entry("3des/hmac-md5", a02Name("ESP_3DES_HMAC_MD5", Notes.A02_PROSE)),
			Map.entry("aes128/hmac-md5", a02Name("ESP_AES128_HMAC_MD5", Notes.A02_PROSE)),
			Map.entry("des/hmac-md5", a02Name("ESP_DES_HMAC_MD5", Notes.A02_PROSE)),
			Map.entry("des/hmac-sha1", a02Name("ESP_DES_HMAC_SHA1", Notes.A02_ALGORITHMS)),
			Map.entry("null/hmac-md5", a02Name("ESP_NULL_HMAC_MD5", Notes.A02_NULL)),
			Map.entry("null/hmac-sha1", a02Name("ESP_NULL_HMAC_SHA1", Notes.A02_NULL)));

	private static Name a02Name(String name, String evidence) {
		return new Name(name, Notes.transformName(name, evidence));
	}

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
			return Optional.ofNullable(A03_TRANSFORMS.get(key)).map(n -> new Name(n, null));
		return Optional.ofNullable(A02_TRANSFORMS.get(key));
	}

	/** Dynamic-key transform lists: at most this many AH transforms... */
	int maxAh() {
		return 2;
	}

	/** ...or this many ESP transforms (A.02: 8, A.03.00: 6)... */
	int maxEsp() {
		return a03() ? 6 : 8;
	}

	/** ...or one nested AH+ESP transform, which A.03 no longer has (A.03.02.02 release notes, page 22). */
	boolean nested() {
		return !a03();
	}

	/** Aggressive Mode came with A.02.01 (Windows interop paper, page 12), as {@code add auth -exchange AM}. */
	boolean aggressiveMode() {
		return release != HpuxRelease.A_02_00;
	}

	/** PFS: A.02 has {@code -maxqm} only (PFS of keys and identities); A.03's IKEv1 policy has {@code -pfs ON|OFF}. */
	boolean maxQuickModes() {
		return !a03();
	}

	/** 3DES is the default (SRP guide, page 128); DES is A.02's only (A.03.00 guide, page 36). */
	Optional<Name> ikeEncryption(IkeEncryption encryption) {
		return switch (encryption) {
			case TRIPLE_DES -> Optional.of(new Name("3DES", null));
			case DES -> a03() ? Optional.empty() : Optional.of(new Name("DES", Notes.IKE_DES));
			case AES128 -> Optional.of(new Name("AES128", Notes.IKE_AES));
			default -> Optional.empty();
		};
	}

	/** MD5 is the default; SHA-2 came with A.03.02, after the releases IPSL writes for. */
	Optional<Name> ikeHash(IkeHash hash) {
		return switch (hash) {
			case MD5 -> Optional.of(new Name("MD5", null));
			case SHA1 -> Optional.of(new Name("SHA1", Notes.IKE_SHA1));
			default -> Optional.empty();
		};
	}

	/** Group 2 is the default (SRP guide, page 128; A.03.00 guide, page 95); no page lists the others. */
	Optional<Name> group(DhGroup group) {
		String number = Integer.toString(group.number());
		return switch (group) {
			case MODP1024 -> Optional.of(new Name(number, null));
			case MODP768, MODP1536, MODP2048 -> Optional.of(new Name(number, Notes.group(number)));
			default -> Optional.empty();
		};
	}

	/** A.02.00's bypass list is IPv4 only (A.02.00 guide, page 105); A.02.01 lists "local IP addresses". */
	boolean ipv6Bypass() {
		return release != HpuxRelease.A_02_00;
	}

	/** HP-UX names: 1–63 characters. */
	static final int MAX_NAME = 63;
}
