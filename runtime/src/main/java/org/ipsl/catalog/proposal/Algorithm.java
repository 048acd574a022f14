package org.ipsl.catalog.proposal;

import static org.ipsl.catalog.Strength.BROKEN;
import static org.ipsl.catalog.Strength.LEGACY;
import static org.ipsl.catalog.Strength.STRONG;
import static org.ipsl.catalog.Strength.WEAK;
import static org.ipsl.catalog.proposal.AlgorithmKind.ENCRYPTION;
import static org.ipsl.catalog.proposal.AlgorithmKind.EXTENDED_SEQUENCE_NUMBERS;
import static org.ipsl.catalog.proposal.AlgorithmKind.INTEGRITY;
import static org.ipsl.catalog.proposal.AlgorithmKind.KEY_EXCHANGE;
import static org.ipsl.catalog.proposal.AlgorithmKind.PRF;

import java.util.Arrays;
import java.util.Optional;

import org.ipsl.catalog.Strength;

/**
 * The algorithms strongSwan negotiates, each once: its kind, its transform ID (the IANA number, or
 * strongSwan's private-use number from 1024 up, which strongSwan only offers to peers it knows), and the
 * name {@code swanctl --list-sas --raw} prints. Keywords that select an algorithm (with a key size) are
 * in {@link AlgorithmKeywords}.
 */
public enum Algorithm {
	// Encryption (RFC 7296 "Transform Type 1"); the AEAD ones carry their own integrity.
	DES_CBC(ENCRYPTION, 2, "DES_CBC", false, BROKEN, "DES-CBC, 56-bit key"), TRIPLE_DES_CBC(ENCRYPTION, 3, "3DES_CBC",
			false, LEGACY, "3DES-CBC (TDEA), 168-bit key, 112-bit security, 64-bit block"), CAST_CBC(ENCRYPTION, 6,
					"CAST_CBC", false, LEGACY, "CAST-128-CBC, 64-bit block"), BLOWFISH_CBC(ENCRYPTION, 7,
							"BLOWFISH_CBC", false, LEGACY, "Blowfish-CBC, 64-bit block"), NULL(ENCRYPTION, 11, "NULL",
									false, BROKEN, "no encryption: traffic in clear"), AES_CBC(ENCRYPTION, 12,
											"AES_CBC", false, STRONG, "AES-CBC"), AES_CTR(ENCRYPTION, 13, "AES_CTR",
													false, STRONG, "AES in counter mode"), AES_CCM_8(ENCRYPTION, 14,
															"AES_CCM_8", true, STRONG,
															"AES-CCM with an 8-byte ICV"), AES_CCM_12(ENCRYPTION, 15,
																	"AES_CCM_12", true, STRONG,
																	"AES-CCM with a 12-byte ICV"), AES_CCM_16(
																			ENCRYPTION, 16, "AES_CCM_16", true, STRONG,
																			"AES-CCM with a 16-byte ICV"), AES_GCM_8(
																					ENCRYPTION, 18, "AES_GCM_8", true,
																					STRONG,
																					"AES-GCM with an 8-byte ICV"), AES_GCM_12(
																							ENCRYPTION, 19,
																							"AES_GCM_12", true, STRONG,
																							"AES-GCM with a 12-byte ICV"), AES_GCM_16(
																									ENCRYPTION, 20,
																									"AES_GCM_16", true,
																									STRONG,
																									"AES-GCM with a 16-byte ICV (RFC 4106): encryption and integrity in one"), NULL_AES_GMAC(
																											ENCRYPTION,
																											21,
																											"NULL_AES_GMAC",
																											true,
																											STRONG,
																											"AES-GMAC: integrity only, traffic in clear"), CAMELLIA_CBC(
																													ENCRYPTION,
																													23,
																													"CAMELLIA_CBC",
																													false,
																													STRONG,
																													"Camellia-CBC"), CAMELLIA_CTR(
																															ENCRYPTION,
																															24,
																															"CAMELLIA_CTR",
																															false,
																															STRONG,
																															"Camellia in counter mode"), CAMELLIA_CCM_8(
																																	ENCRYPTION,
																																	25,
																																	"CAMELLIA_CCM_8",
																																	true,
																																	STRONG,
																																	"Camellia-CCM with an 8-byte ICV"), CAMELLIA_CCM_12(
																																			ENCRYPTION,
																																			26,
																																			"CAMELLIA_CCM_12",
																																			true,
																																			STRONG,
																																			"Camellia-CCM with a 12-byte ICV"), CAMELLIA_CCM_16(
																																					ENCRYPTION,
																																					27,
																																					"CAMELLIA_CCM_16",
																																					true,
																																					STRONG,
																																					"Camellia-CCM with a 16-byte ICV"), CHACHA20_POLY1305(
																																							ENCRYPTION,
																																							28,
																																							"CHACHA20_POLY1305",
																																							true,
																																							STRONG,
																																							"ChaCha20-Poly1305 (RFC 7634): encryption and integrity in one"), SERPENT_CBC(
																																									ENCRYPTION,
																																									1026,
																																									"SERPENT_CBC",
																																									false,
																																									STRONG,
																																									"Serpent-CBC (strongSwan private-use number)"), TWOFISH_CBC(
																																											ENCRYPTION,
																																											1027,
																																											"TWOFISH_CBC",
																																											false,
																																											STRONG,
																																											"Twofish-CBC (strongSwan private-use number)"),

	// Integrity (Transform Type 3).
	HMAC_MD5_96(INTEGRITY, 1, "HMAC_MD5_96", false, WEAK, "HMAC-MD5-96"), HMAC_SHA1_96(INTEGRITY, 2, "HMAC_SHA1_96",
			false, LEGACY,
			"HMAC-SHA1-96"), AES_XCBC_96(INTEGRITY, 5, "AES_XCBC_96", false, STRONG, "AES-XCBC-MAC-96"), HMAC_MD5_128(
					INTEGRITY, 6, "HMAC_MD5_128", false, WEAK, "HMAC-MD5-128"), HMAC_SHA1_160(INTEGRITY, 7,
							"HMAC_SHA1_160", false, LEGACY, "HMAC-SHA1-160"), AES_CMAC_96(INTEGRITY, 8, "AES_CMAC_96",
									false, STRONG, "AES-CMAC-96"), AES_128_GMAC(INTEGRITY, 9, "AES_128_GMAC", false,
											STRONG, "AES-GMAC with a 128-bit key"), AES_192_GMAC(INTEGRITY, 10,
													"AES_192_GMAC", false, STRONG,
													"AES-GMAC with a 192-bit key"), AES_256_GMAC(INTEGRITY, 11,
															"AES_256_GMAC", false, STRONG,
															"AES-GMAC with a 256-bit key"), HMAC_SHA2_256_128(INTEGRITY,
																	12, "HMAC_SHA2_256_128", false, STRONG,
																	"HMAC-SHA-256-128"), HMAC_SHA2_384_192(INTEGRITY,
																			13, "HMAC_SHA2_384_192", false, STRONG,
																			"HMAC-SHA-384-192"), HMAC_SHA2_512_256(
																					INTEGRITY, 14, "HMAC_SHA2_512_256",
																					false, STRONG,
																					"HMAC-SHA-512-256"), HMAC_SHA2_256_96(
																							INTEGRITY, 1026,
																							"HMAC_SHA2_256_96", false,
																							STRONG,
																							"HMAC-SHA-256 truncated to 96 bits, as pre-RFC 4868 Linux did (strongSwan private-use number)"), CAMELLIA_XCBC_96(
																									INTEGRITY, 1030,
																									"CAMELLIA_XCBC_96",
																									false, STRONG,
																									"Camellia-XCBC-96 (strongSwan private-use number)"),

	// Pseudo-random functions (Transform Type 2).
	PRF_HMAC_MD5(PRF, 1, "PRF_HMAC_MD5", false, WEAK, "HMAC-MD5 as PRF"), PRF_HMAC_SHA1(PRF, 2, "PRF_HMAC_SHA1", false,
			LEGACY, "HMAC-SHA1 as PRF"), PRF_AES128_XCBC(PRF, 4, "PRF_AES128_XCBC", false, STRONG,
					"AES-XCBC-PRF-128"), PRF_HMAC_SHA2_256(PRF, 5, "PRF_HMAC_SHA2_256", false, STRONG,
							"HMAC-SHA-256 as PRF"), PRF_HMAC_SHA2_384(PRF, 6, "PRF_HMAC_SHA2_384", false, STRONG,
									"HMAC-SHA-384 as PRF"), PRF_HMAC_SHA2_512(PRF, 7, "PRF_HMAC_SHA2_512", false,
											STRONG, "HMAC-SHA-512 as PRF"), PRF_AES128_CMAC(PRF, 8, "PRF_AES128_CMAC",
													false, STRONG, "AES-CMAC-PRF-128"), PRF_CAMELLIA128_XCBC(PRF, 1028,
															"PRF_CAMELLIA128_XCBC", false, STRONG,
															"Camellia-XCBC as PRF (strongSwan private-use number)"),

	// Key exchange methods (Transform Type 4): Diffie-Hellman groups and KEMs.
	KE_NONE(KEY_EXCHANGE, 0, "KE_NONE", false, STRONG, "no key exchange (no PFS)"), MODP_768(KEY_EXCHANGE, 1,
			"MODP_768", false, BROKEN, "768-bit MODP group"), MODP_1024(KEY_EXCHANGE, 2, "MODP_1024", false, WEAK,
					"1024-bit MODP group (about 80-bit security)"), MODP_1536(KEY_EXCHANGE, 5, "MODP_1536", false,
							LEGACY, "1536-bit MODP group (about 90-bit security)"), MODP_2048(KEY_EXCHANGE, 14,
									"MODP_2048", false, STRONG, "2048-bit MODP group (112-bit security)"), MODP_3072(
											KEY_EXCHANGE, 15, "MODP_3072", false, STRONG,
											"3072-bit MODP group (128-bit security)"), MODP_4096(KEY_EXCHANGE, 16,
													"MODP_4096", false, STRONG,
													"4096-bit MODP group (about 150-bit security)"), MODP_6144(
															KEY_EXCHANGE, 17, "MODP_6144", false, STRONG,
															"6144-bit MODP group (about 175-bit security)"), MODP_8192(
																	KEY_EXCHANGE, 18, "MODP_8192", false, STRONG,
																	"8192-bit MODP group (about 200-bit security)"), ECP_256(
																			KEY_EXCHANGE, 19, "ECP_256", false, STRONG,
																			"256-bit random elliptic curve group, NIST P-256 (128-bit security)"), ECP_384(
																					KEY_EXCHANGE, 20, "ECP_384", false,
																					STRONG,
																					"384-bit random elliptic curve group, NIST P-384 (192-bit security)"), ECP_521(
																							KEY_EXCHANGE, 21, "ECP_521",
																							false, STRONG,
																							"521-bit random elliptic curve group, NIST P-521 (256-bit security)"), MODP_1024_160(
																									KEY_EXCHANGE, 22,
																									"MODP_1024_160",
																									false, WEAK,
																									"1024-bit MODP group with 160-bit prime order subgroup (RFC 5114)"), MODP_2048_224(
																											KEY_EXCHANGE,
																											23,
																											"MODP_2048_224",
																											false,
																											LEGACY,
																											"2048-bit MODP group with 224-bit prime order subgroup (RFC 5114)"), MODP_2048_256(
																													KEY_EXCHANGE,
																													24,
																													"MODP_2048_256",
																													false,
																													LEGACY,
																													"2048-bit MODP group with 256-bit prime order subgroup (RFC 5114)"), ECP_192(
																															KEY_EXCHANGE,
																															25,
																															"ECP_192",
																															false,
																															WEAK,
																															"192-bit random elliptic curve group, NIST P-192 (96-bit security)"), ECP_224(
																																	KEY_EXCHANGE,
																																	26,
																																	"ECP_224",
																																	false,
																																	LEGACY,
																																	"224-bit random elliptic curve group, NIST P-224 (112-bit security)"), ECP_224_BP(
																																			KEY_EXCHANGE,
																																			27,
																																			"ECP_224_BP",
																																			false,
																																			LEGACY,
																																			"224-bit Brainpool elliptic curve group (112-bit security)"), ECP_256_BP(
																																					KEY_EXCHANGE,
																																					28,
																																					"ECP_256_BP",
																																					false,
																																					STRONG,
																																					"256-bit Brainpool elliptic curve group (128-bit security)"), ECP_384_BP(
																																							KEY_EXCHANGE,
																																							29,
																																							"ECP_384_BP",
																																							false,
																																							STRONG,
																																							"384-bit Brainpool elliptic curve group (192-bit security)"), ECP_512_BP(
																																									KEY_EXCHANGE,
																																									30,
																																									"ECP_512_BP",
																																									false,
																																									STRONG,
																																									"512-bit Brainpool elliptic curve group (256-bit security)"), CURVE_25519(
																																											KEY_EXCHANGE,
																																											31,
																																											"CURVE_25519",
																																											false,
																																											STRONG,
																																											"Curve25519 (X25519, RFC 8031; 128-bit security)"), CURVE_448(
																																													KEY_EXCHANGE,
																																													32,
																																													"CURVE_448",
																																													false,
																																													STRONG,
																																													"Curve448 (X448, RFC 8031; 224-bit security)"), ML_KEM_512(
																																															KEY_EXCHANGE,
																																															35,
																																															"ML_KEM_512",
																																															false,
																																															STRONG,
																																															"ML-KEM-512 post-quantum key encapsulation"), ML_KEM_768(
																																																	KEY_EXCHANGE,
																																																	36,
																																																	"ML_KEM_768",
																																																	false,
																																																	STRONG,
																																																	"ML-KEM-768 post-quantum key encapsulation"), ML_KEM_1024(
																																																			KEY_EXCHANGE,
																																																			37,
																																																			"ML_KEM_1024",
																																																			false,
																																																			STRONG,
																																																			"ML-KEM-1024 post-quantum key encapsulation"), MODP_NULL(
																																																					KEY_EXCHANGE,
																																																					1024,
																																																					"MODP_NULL",
																																																					false,
																																																					BROKEN,
																																																					"no Diffie-Hellman at all, for testing (strongSwan private-use number)"),

	// Extended sequence numbers (Transform Type 5), ESP and AH only.
	NO_EXT_SEQ(EXTENDED_SEQUENCE_NUMBERS, 0, "NO_EXT_SEQ", false, STRONG, "32-bit sequence numbers"), EXT_SEQ(
			EXTENDED_SEQUENCE_NUMBERS, 1, "EXT_SEQ", false, STRONG, "64-bit extended sequence numbers");

	/** Transform IDs from here up are strongSwan's private use (RFC 7296 §3.3.2). */
	public static final int PRIVATE_USE = 1024;

	private final AlgorithmKind kind;
	private final int number;
	private final String swanName;
	private final boolean aead;
	private final Strength strength;
	private final String description;

	Algorithm(AlgorithmKind kind, int number, String swanName, boolean aead, Strength strength, String description) {
		this.kind = kind;
		this.number = number;
		this.swanName = swanName;
		this.aead = aead;
		this.strength = strength;
		this.description = description;
	}

	public AlgorithmKind kind() {
		return kind;
	}

	/** The transform ID on the wire. */
	public int number() {
		return number;
	}

	/** As {@code swanctl --list-sas --raw} prints it: {@code AES_CBC}, {@code HMAC_SHA2_256_128}, {@code CURVE_25519}. */
	public String swanName() {
		return swanName;
	}

	/** A combined-mode cipher: a proposal with it has no integrity algorithm. */
	public boolean aead() {
		return aead;
	}

	public boolean privateUse() {
		return number >= PRIVATE_USE;
	}

	public Strength strength() {
		return strength;
	}

	public String description() {
		return description;
	}

	public static Optional<Algorithm> bySwanName(String name) {
		return Arrays.stream(values()).filter(a -> a.swanName.equals(name)).findFirst();
	}

	public static Optional<Algorithm> byNumber(AlgorithmKind kind, int number) {
		return Arrays.stream(values()).filter(a -> a.kind == kind && a.number == number).findFirst();
	}
}
