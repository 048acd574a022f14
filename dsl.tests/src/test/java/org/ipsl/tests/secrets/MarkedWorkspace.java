package org.ipsl.tests.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A workspace whose every secret is a marker: two gateways sharing a preshared secret, two hosts
 * with manual SAs towards each other. A marker is ASCII text, and an SA key is that text's bytes in
 * hex, so each can be searched as text, as hex (strongSwan writes secrets in hex) and as base64.
 * {@link #broken()} is the same workspace with mistakes about secrets (the peers' secrets and keys
 * differ; one more host has a key one byte short, another a guessable secret), so that the
 * diagnostics about secrets are shown too.
 */
final class MarkedWorkspace {
	/** A secret as written, and every form in which it could leak. */
	record Marker(String name, String text) {
		String hex() {
			return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
		}

		/** The text, its hex and base64; searched case-insensitively, and in 8-character pieces. */
		Set<String> forms() {
			Set<String> forms = new LinkedHashSet<>();
			forms.add(text.toLowerCase(Locale.ROOT));
			forms.add(hex());
			forms.add(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII))
					.toLowerCase(Locale.ROOT));
			return forms;
		}

		/** Every 8-character piece of every form: a leak of part of a secret is a leak. */
		Set<String> pieces() {
			Set<String> pieces = new LinkedHashSet<>();
			for (String form : forms())
				for (int i = 0; i + 8 <= form.length(); i++)
					pieces.add(form.substring(i, i + 8));
			return pieces;
		}
	}

	static final Marker GATEWAY_PSK = new Marker("gateway preshared secret", "PSKMARK-gw-Zq8#vT3!");
	/** 16 bytes for aes128, 20 for hmac-sha1; m1 -> m2 and m2 -> m1. */
	static final Marker ENC_12 = new Marker("m1->m2 aes128 key", "SAKEY-m1m2-enc-Q");
	static final Marker AUTH_12 = new Marker("m1->m2 hmac-sha1 key", "SAKEY-m1m2-auth-W7xy");
	static final Marker ENC_21 = new Marker("m2->m1 aes128 key", "SAKEY-m2m1-enc-R");
	static final Marker AUTH_21 = new Marker("m2->m1 hmac-sha1 key", "SAKEY-m2m1-auth-K4yz");
	/** Only in the broken workspace. */
	static final Marker OTHER_PSK = new Marker("gw2's differing secret", "PSKMARK-other-Hh5%");
	static final Marker OTHER_ENC = new Marker("m2's differing inbound key", "SAKEY-m2in-dif-Z");
	static final Marker SHORT_ENC = new Marker("a key one byte short", "SAKEY-m3-short!");
	static final Marker GUESSABLE_PSK = new Marker("a short secret", "PSKMk-01");

	static final List<Marker> ALL = List.of(GATEWAY_PSK, ENC_12, AUTH_12, ENC_21, AUTH_21, OTHER_PSK, OTHER_ENC,
			SHORT_ENC, GUESSABLE_PSK);

	/** Which markers each generated file must hold, by {@code host/file}; the others hold none. */
	static final Map<String, List<Marker>> HOLDERS = holders();

	static final String GATEWAYS = "gateways.ipsl";
	static final String MANUAL = "manual.ipsl";

	private MarkedWorkspace() {
	}

	static Map<String, String> valid() {
		return Map.of(GATEWAYS, gateways(GATEWAY_PSK, GATEWAY_PSK), MANUAL, manual(ENC_12, ENC_21, ENC_12));
	}

	static Map<String, String> broken() {
		return Map.of(GATEWAYS, gateways(GATEWAY_PSK, OTHER_PSK) + guessable(), MANUAL,
				manual(ENC_12, ENC_21, OTHER_ENC) + shortKey());
	}

	private static String gateways(Marker gw1Secret, Marker gw2Secret) {
		return """
				// Two gateways that agree.
				ike-proposal corp-ike = aes128-sha1-modp1024
				transform-set corp-esp = esp-aes128-hmac-sha1

				host gw1 {
				    address 192.0.2.1
				    ike to-gw2 priority 10 {
				        remote gw2
				        proposals corp-ike
				        authentication preshared "%s"
				    }
				    policy web priority 10 {
				        tcp from 192.0.2.1 to gw2 port https
				        protect corp-esp
				    }
				    default pass
				}

				host gw2 {
				    address 192.0.2.2
				    ike to-gw1 priority 10 {
				        remote gw1
				        proposals corp-ike
				        authentication preshared "%s"
				    }
				    policy web priority 10 {
				        tcp from 192.0.2.2 port https to gw1
				        protect corp-esp
				    }
				    default pass
				}
				""".formatted(gw1Secret.text(), gw2Secret.text());
	}

	private static String guessable() {
		return """

				host gw3 {
				    address 192.0.2.3
				    ike anyone priority 10 {
				        remote 198.51.100.0/24
				        authentication preshared "%s"
				    }
				    default pass
				}
				""".formatted(GUESSABLE_PSK.text());
	}

	private static String shortKey() {
		return """

				host m3 {
				    address 192.0.2.13
				    policy logs priority 10 {
				        udp from 192.0.2.13 to 198.51.100.13 port syslog
				        protect manual out
				    }
				    manual-sa out {
				        peer 198.51.100.13
				        inbound  esp spi 3000003 encryption aes128 0x%s authentication hmac-sha1 0x%s
				        outbound esp spi 3000004 encryption aes128 0x%s authentication hmac-sha1 0x%s
				    }
				    default pass
				}
				""".formatted(SHORT_ENC.hex(), AUTH_12.hex(), ENC_21.hex(), AUTH_21.hex());
	}

	/** m1's outbound key {@code m1Out} must be m2's inbound {@code m2In} for the peers to agree. */
	private static String manual(Marker m1Out, Marker m2Out, Marker m2In) {
		return """
				// Two hosts with manual keys towards each other.
				host m1 {
				    address 192.0.2.11
				    policy logs priority 10 {
				        udp from 192.0.2.11 to 192.0.2.12 port syslog
				        protect manual to-m2
				    }
				    manual-sa to-m2 {
				        peer m2
				        inbound  esp spi 3000001 encryption aes128 0x%s authentication hmac-sha1 0x%s
				        outbound esp spi 3000002 encryption aes128 0x%s authentication hmac-sha1 0x%s
				    }
				    default pass
				}

				host m2 {
				    address 192.0.2.12
				    policy logs priority 10 {
				        udp from 192.0.2.12 port syslog to 192.0.2.11
				        protect manual to-m1
				    }
				    manual-sa to-m1 {
				        peer m1
				        inbound  esp spi 3000002 encryption aes128 0x%s authentication hmac-sha1 0x%s
				        outbound esp spi 3000001 encryption aes128 0x%s authentication hmac-sha1 0x%s
				    }
				    default pass
				}
				""".formatted(m2Out.hex(), AUTH_21.hex(), m1Out.hex(), AUTH_12.hex(), m2In.hex(), AUTH_12.hex(),
				m2Out.hex(), AUTH_21.hex());
	}

	private static Map<String, List<Marker>> holders() {
		Map<String, List<Marker>> holders = new TreeMap<>();
		for (String gateway : List.of("gw1", "gw2"))
			for (String file : List.of("ipsec_config.batch", "runtime.json", "swanctl.conf"))
				holders.put(gateway + "/" + file, List.of(GATEWAY_PSK));
		for (String host : List.of("m1", "m2"))
			for (String file : List.of("ipsec_config.batch", "runtime.json", "xfrm.sh"))
				holders.put(host + "/" + file, List.of(ENC_12, AUTH_12, ENC_21, AUTH_21));
		return holders;
	}

	/** The markers that {@code text} shows, whole or in part, in any form. */
	static List<Marker> shownIn(String text, List<Marker> markers) {
		return shownIn(text, markers, List.of());
	}

	/**
	 * The markers that {@code text} shows, whole or in part, besides {@code held}: markers share
	 * pieces (a prefix, the hex of a dash), and a piece of a held marker proves nothing of another.
	 */
	static List<Marker> shownIn(String text, List<Marker> markers, List<Marker> held) {
		String lower = text.toLowerCase(Locale.ROOT);
		Set<String> heldPieces = new HashSet<>();
		held.forEach(marker -> heldPieces.addAll(marker.pieces()));
		List<Marker> shown = new ArrayList<>(held);
		for (Marker marker : markers)
			if (!held.contains(marker)
					&& marker.pieces().stream().filter(p -> !heldPieces.contains(p)).anyMatch(lower::contains))
				shown.add(marker);
		return shown;
	}
}
