package org.ipsl.bench;

import java.util.List;
import java.util.Random;

/**
 * A seeded, realistic host of many policies as IPSL text: a few site networks, prefixes from /16
 * to /32, tcp/udp by port, service or range, icmp types, other protocols by number, and a mix of
 * pass, discard, transport and tunnel protection. The same seed gives the same text.
 */
public final class PolicyTextGenerator {
	private static final List<String> SERVICES = List.of("ssh", "http", "https", "syslog", "domain", "ntp", "snmp", "ldap");
	private static final List<String> TRANSFORMS = List.of("esp-aes128-hmac-sha1", "esp-aes256-hmac-sha256",
			"esp-aes128-gcm16", "corp-esp");

	private PolicyTextGenerator() {
	}

	public static String host(int policies, long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder(policies * 120);
		text.append("network site-a = 10.1.0.0/16, 10.5.0.0/16\nnetwork site-b = 10.2.0.0/16\n");
		text.append("transform-set corp-esp = esp-aes128-hmac-sha1, esp-3des-hmac-sha1\n");
		text.append("host peer-gw { address 10.2.0.1 }\n\n");
		text.append("host gw {\n    address 10.1.0.1\n    dynamic-spi 300..2500000\n");
		text.append("    ike to-peer priority 10 {\n        remote peer-gw\n        proposals aes128-sha256-modp2048\n"
				+ "        authentication preshared \"Bench-only secret 7f3a\"\n    }\n");
		for (int i = 0; i < policies; i++) {
			text.append("    policy p").append(i);
			// Half the policies name their priority, half take the HP-UX default of previous + 10.
			if (random.nextBoolean())
				text.append(" priority ").append(10L * (i + 1));
			text.append(" {\n        ").append(selector(random)).append("\n        ").append(action(random))
					.append("\n    }\n");
		}
		return text.append("    default discard\n}\n").toString();
	}

	private static String selector(Random random) {
		int kind = random.nextInt(10);
		String local = endpoint(random, "10.1"), remote = endpoint(random, "10.2");
		if (kind < 4)
			return "tcp from " + local + " to " + remote + " port " + port(random);
		if (kind < 7)
			return "udp from " + local + port(random, " port ") + " to " + remote + " port " + port(random);
		if (kind == 7)
			return "icmp type " + random.nextInt(20) + " from " + local + " to " + remote;
		if (kind == 8)
			return (random.nextBoolean() ? "47" : "any") + " from " + local + " to " + remote;
		return "tcp from " + local + " to " + remote;
	}

	private static String port(Random random, String prefix) {
		return random.nextInt(4) == 0 ? prefix + port(random) : "";
	}

	private static String port(Random random) {
		int kind = random.nextInt(3);
		if (kind == 0)
			return SERVICES.get(random.nextInt(SERVICES.size()));
		int low = 1 + random.nextInt(60000);
		return kind == 1 ? Integer.toString(low) : low + ".." + (low + random.nextInt(5000));
	}

	private static String endpoint(Random random, String site) {
		int kind = random.nextInt(20);
		if (kind == 0)
			return "any";
		if (kind == 1)
			return site.equals("10.1") ? "site-a" : "site-b";
		int length = 16 + random.nextInt(17);
		int a = random.nextInt(256), b = random.nextInt(256);
		long address = (long) a << 8 | b;
		long mask = length >= 32 ? 0xFFFF : (0xFFFFL << (32 - length)) & 0xFFFF;
		long network = address & mask;
		return site + "." + (network >> 8) + "." + (network & 0xFF) + (length == 32 ? "" : "/" + length);
	}

	private static String action(Random random) {
		int kind = random.nextInt(10);
		if (kind < 3)
			return "pass";
		if (kind < 5)
			return "discard";
		String transform = TRANSFORMS.get(random.nextInt(TRANSFORMS.size()));
		if (kind < 9)
			return "protect " + transform + (random.nextBoolean() ? " pfs modp2048" : "");
		return "protect tunnel 10.1.0.1 -> 10.2.0.1 " + transform;
	}
}
