package org.ipsl.catalog;

import java.util.Optional;

import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;

/** The built-in IPsec (phase 2) transforms of LANGUAGE.md. */
public enum Transform implements Keyword {
	ESP_DES_HMAC_MD5("esp-des-hmac-md5", Protocol.ESP, "des", "hmac-md5", Strength.BROKEN), ESP_3DES_HMAC_MD5(
			"esp-3des-hmac-md5", Protocol.ESP, "3des", "hmac-md5",
			Strength.LEGACY), ESP_3DES_HMAC_SHA1("esp-3des-hmac-sha1", Protocol.ESP, "3des", "hmac-sha1",
					Strength.LEGACY), ESP_AES128_HMAC_SHA1("esp-aes128-hmac-sha1", Protocol.ESP, "aes128", "hmac-sha1",
							Strength.STRONG), ESP_AES256_HMAC_SHA1("esp-aes256-hmac-sha1", Protocol.ESP, "aes256",
									"hmac-sha1", Strength.STRONG), ESP_AES128_HMAC_SHA256("esp-aes128-hmac-sha256",
											Protocol.ESP, "aes128", "hmac-sha256",
											Strength.STRONG), ESP_AES256_HMAC_SHA256("esp-aes256-hmac-sha256",
													Protocol.ESP, "aes256", "hmac-sha256",
													Strength.STRONG), ESP_AES128_GCM16("esp-aes128-gcm16", Protocol.ESP,
															"aes128-gcm16", null, Strength.STRONG), ESP_AES256_GCM16(
																	"esp-aes256-gcm16", Protocol.ESP, "aes256-gcm16",
																	null, Strength.STRONG), ESP_NULL_HMAC_SHA1(
																			"esp-null-hmac-sha1", Protocol.ESP, "null",
																			"hmac-sha1",
																			Strength.BROKEN), AH_HMAC_MD5("ah-hmac-md5",
																					Protocol.AH, null, "hmac-md5",
																					Strength.LEGACY), AH_HMAC_SHA1(
																							"ah-hmac-sha1", Protocol.AH,
																							null, "hmac-sha1",
																							Strength.STRONG), AH_HMAC_SHA256(
																									"ah-hmac-sha256",
																									Protocol.AH, null,
																									"hmac-sha256",
																									Strength.STRONG);

	public enum Protocol {
		ESP, AH
	}

	private final String keyword;
	private final Protocol protocol;
	private final String encryption;
	private final String integrity;
	private final Strength strength;

	Transform(String keyword, Protocol protocol, String encryption, String integrity, Strength strength) {
		this.keyword = keyword;
		this.protocol = protocol;
		this.encryption = encryption;
		this.integrity = integrity;
		this.strength = strength;
	}

	@Override
	public String keyword() {
		return keyword;
	}

	public Protocol protocol() {
		return protocol;
	}

	/** The manual-SA name of the cipher, or null for AH. */
	public String encryption() {
		return encryption;
	}

	/** The manual-SA name of the integrity algorithm, or null for combined-mode (GCM) ciphers. */
	public String integrity() {
		return integrity;
	}

	public Strength strength() {
		return strength;
	}

	public String description() {
		if (protocol == Protocol.AH)
			return "AH (authentication only, no encryption) with " + integrity.toUpperCase() + "-" + truncation();
		if (integrity == null)
			return "ESP with " + encryption.toUpperCase().replace("-GCM16", "-GCM")
					+ " (RFC 4106, 16-byte ICV): encryption and integrity in one";
		if ("null".equals(encryption))
			return "ESP with NULL encryption (integrity only, traffic in clear) and " + integrity.toUpperCase() + "-"
					+ truncation();
		return "ESP with " + encryption.toUpperCase() + "-CBC and " + integrity.toUpperCase() + "-" + truncation();
	}

	private int truncation() {
		return "hmac-sha256".equals(integrity) ? 128 : 96;
	}

	/**
	 * The same algorithms as a strongSwan proposal: the manual-SA names without their separators
	 * ({@code aes128-gcm16} is {@code aes128gcm16}, {@code hmac-sha1} is {@code sha1}).
	 */
	public Proposal proposal() {
		String integrityKeyword = integrity == null ? null : integrity.substring("hmac-".length());
		if (protocol == Protocol.AH)
			return Proposal.parse(SaProtocol.AH, integrityKeyword);
		String cipher = encryption.replace("-", "");
		return Proposal.parse(SaProtocol.ESP, integrityKeyword == null ? cipher : cipher + "-" + integrityKeyword);
	}

	public static Optional<Transform> byKeyword(String keyword) {
		return Keyword.lookup(Transform.class, keyword);
	}
}
