package org.ipsl.tests.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.tests.support.Checker;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random one-host workspaces in the subset the HP-UX target expresses (IKE policies of one proposal
 * with preshared keys, text or 0x hex, Aggressive Mode from A.02.01, max-quick-modes on A.02 and PFS
 * with the IKE group on A.03; pass, discard, transport (some exclusive) and tunnel protection with
 * ESP, AH and nested lists and lifetimes; manual keys; startup settings, bypass): generate, import,
 * generate is byte for byte the same, and the imported host decides every packet as the original.
 */
class ImportRoundTripPropertiesTest {

	/** A workspace's one file and the release it is generated for. */
	record Workspace(HpuxRelease release, String text) {
	}

	@Provide
	Arbitrary<Workspace> workspaces() {
		return Arbitraries.randomValue(ImportRoundTripPropertiesTest::workspace);
	}

	@Property(tries = 60)
	void generateImportGenerateIsTheSame(@ForAll("workspaces") Workspace workspace) throws IOException {
		Path dir = Files.createTempDirectory("ipsl-import-property");
		try {
			Path folder = dir.resolve("workspace");
			Checker.write(folder.resolve("h.ipsl"), workspace.text());
			GenerateOptions options = new GenerateOptions(workspace.release(), 1);
			Generation.Result first = RoundTrip.generate(folder, options, dir.resolve("first"));
			assertThat(first.exitCode()).as("the random workspace is HP-UX-expressible: %s\n%s", first.diagnostics(),
					workspace.text()).isZero();
			RoundTrip.check(folder, dir.resolve("first"), options, dir);
		} finally {
			delete(dir);
		}
	}

	private static final String[] ESP = {"esp-aes128-hmac-sha1", "esp-3des-hmac-sha1", "esp-3des-hmac-md5",
			"esp-null-hmac-sha1"};
	private static final String[] AH = {"ah-hmac-md5", "ah-hmac-sha1"};
	private static final String[] SUITES = {"aes128-sha1-modp1024", "3des-md5-modp1024", "3des-sha1-modp1536",
			"des-md5-modp768", "aes128-md5-modp2048"};
	/** Manual-key algorithm pairs and their key lengths in hex digits. */
	private static final String[][] MANUAL = {{"aes128", "32", "hmac-sha1", "40"}, {"3des", "48", "hmac-md5", "32"},
			{"aes128", "32", "hmac-md5", "32"}, {"des", "16", "hmac-sha1", "40"}};

	static Workspace workspace(Random random) {
		HpuxRelease release = HpuxRelease.values()[random.nextInt(HpuxRelease.values().length)];
		boolean a02 = release != HpuxRelease.A_03_00;
		StringBuilder text = new StringBuilder("host h {\n    address 10.0.0.1\n");
		if (random.nextInt(3) == 0)
			text.append("    dynamic-spi 300..2500000\n");
		if (random.nextInt(3) == 0)
			text.append("    spd-limits soft ").append(10 + random.nextInt(40)).append(" hard 60\n");
		if (random.nextInt(3) == 0)
			text.append("    audit-level ").append(List.of("alert", "error", "warning", "informative", "debug")
					.get(random.nextInt(5))).append('\n');
		boolean bypass = random.nextInt(4) == 0;
		if (bypass)
			text.append("    bypass 10.1.0.99\n");
		int ikes = random.nextInt(4);
		boolean[] prefix = new boolean[ikes];
		String[] pfs = new String[ikes];
		for (int i = 0; i < ikes; i++) {
			prefix[i] = random.nextBoolean();
			String suite;
			do
				suite = SUITES[random.nextInt(SUITES.length)];
			while (!a02 && suite.startsWith("des"));
			// HP-UX sets PFS on the IKE policy: A.03's -pfs ON uses the IKE group; A.02 has -maxqm only
			pfs[i] = !a02 && random.nextInt(3) == 0 ? suite.substring(suite.lastIndexOf('-') + 1) : null;
			text.append("    ike k").append(i).append(" priority ").append(10 * (i + 1) * 10).append(" {\n")
					.append("        remote 198.51.").append(100 + i).append(prefix[i] ? ".0/24" : ".1").append('\n')
					.append("        proposals ").append(suite).append('\n')
					.append("        authentication preshared \"")
					.append(random.nextInt(4) == 0 ? key(random, 2 * (4 + random.nextInt(12))) : secret(random))
					.append("\"\n");
			if (random.nextInt(3) == 0)
				text.append("        lifetime ").append(List.of("3600", "1h", "86400").get(random.nextInt(3)))
						.append('\n');
			if (release != HpuxRelease.A_02_00 && random.nextInt(3) == 0)
				text.append("        mode aggressive\n");
			if (a02 && random.nextInt(3) == 0)
				text.append("        max-quick-modes ").append(List.of("1", "5", "100").get(random.nextInt(3)))
						.append('\n');
			text.append("    }\n");
		}
		StringBuilder manualSas = new StringBuilder();
		int policies = 1 + random.nextInt(6);
		for (int j = 0; j < policies; j++) {
			text.append("    policy p").append(j).append(" priority ").append(10 * (j + 1)).append(" {\n        ");
			int kind = random.nextInt(ikes > 0 ? 5 : 3);
			switch (kind) {
				case 0, 1 -> text.append(clearSelector(random, j, bypass)).append("\n        ")
						.append(kind == 0 ? "pass" : "discard");
				case 2 -> text.append(manual(random, j, a02, manualSas));
				case 3 -> {
					int i = random.nextInt(ikes);
					String peer = "198.51." + (100 + i) + (prefix[i] ? "." + (10 + j) : ".1");
					text.append(random.nextBoolean() ? "tcp" : "udp").append(" from 10.0.0.1 to ").append(peer)
							.append(" port ").append(1000 + j).append("\n        protect ")
							.append(transforms(random, a02))
							.append(pfs[i] != null ? " pfs " + pfs[i] : "")
							.append(random.nextInt(3) == 0 ? " exclusive" : "");
				}
				default -> {
					int i = random.nextInt(ikes);
					text.append("any from 10.0.0.0/24 to 10.").append(50 + j)
							.append(".0.0/16\n        protect tunnel 10.0.0.1 -> 198.51.")
							.append(100 + i).append(".1 ").append(transforms(random, a02))
							.append(pfs[i] != null ? " pfs " + pfs[i] : "");
				}
			}
			text.append("\n    }\n");
		}
		text.append(manualSas).append("    default ").append(random.nextBoolean() ? "pass" : "discard").append("\n}\n");
		return new Workspace(release, text.toString());
	}

	/** Policies without IPsec: each its own remote network, so that none hides another; none from the bypass address. */
	private static String clearSelector(Random random, int j, boolean bypass) {
		String local = List.of("10.0.0.1", "10.0.0.0/24", "any").get(random.nextInt(bypass ? 2 : 3));
		String remote = "203.0." + j + ".0/24";
		return switch (random.nextInt(4)) {
			case 0 -> "any from " + local + " to " + remote;
			case 1 -> "icmp from " + local + " to " + remote;
			default -> (random.nextBoolean() ? "tcp" : "udp") + " from " + local
					+ (random.nextBoolean() ? " port " + (1 + random.nextInt(65535)) : "") + " to " + remote
					+ (random.nextBoolean() ? " port " + (1 + random.nextInt(65535)) : "");
		};
	}

	private static String manual(Random random, int j, boolean a02, StringBuilder manualSas) {
		String[] algorithms;
		do
			algorithms = MANUAL[random.nextInt(MANUAL.length)];
		while (!a02 && algorithms[0].equals("des"));
		String peer = "192.0.2." + (10 + j);
		manualSas.append("    manual-sa m").append(j).append(" {\n        peer ").append(peer).append('\n');
		for (String direction : List.of("inbound", "outbound"))
			manualSas.append("        ").append(direction).append(" esp spi ")
					.append(2600000 + 2 * j + (direction.equals("inbound") ? 0 : 1)).append(" encryption ")
					.append(algorithms[0]).append(' ').append(key(random, Integer.parseInt(algorithms[1])))
					.append(" authentication ").append(algorithms[2]).append(' ')
					.append(key(random, Integer.parseInt(algorithms[3]))).append('\n');
		manualSas.append("    }\n");
		return "udp from 10.0.0.1 to " + peer + " port " + (2000 + j) + "\n        protect manual m" + j;
	}

	/** Up to 3 ESP transforms, up to 2 AH transforms, or (A.02) one nested AH+ESP, some with lifetimes. */
	private static String transforms(Random random, boolean a02) {
		List<String> chosen = new ArrayList<>();
		int shape = random.nextInt(a02 ? 3 : 2);
		String[] pool = shape == 0 ? ESP : AH;
		int n = shape == 2 ? 1 : 1 + random.nextInt(shape == 0 ? 3 : 2);
		while (chosen.size() < n) {
			String t = shape == 2 ? "ah-hmac-sha1 + esp-aes128-hmac-sha1" : pool[random.nextInt(pool.length)];
			if (!chosen.contains(t))
				chosen.add(t);
		}
		List<String> written = new ArrayList<>();
		for (String t : chosen)
			written.add(t + switch (random.nextInt(4)) {
				case 0 -> " lifetime 3600";
				case 1 -> " lifetime 2h 50000KB";
				default -> "";
			});
		if (a02 && shape == 0 && random.nextInt(4) == 0)
			written.add("esp-des-hmac-md5");
		return String.join(", ", written);
	}

	private static String secret(Random random) {
		String first = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		String rest = first + "0123456789!#@$%^&*-_+=.:";
		StringBuilder s = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
		for (int i = 0; i < 11 + random.nextInt(10); i++)
			s.append(rest.charAt(random.nextInt(rest.length())));
		return s.toString();
	}

	private static String key(Random random, int hexDigits) {
		StringBuilder s = new StringBuilder("0x");
		for (int i = 0; i < hexDigits; i++)
			s.append(Character.forDigit(random.nextInt(16), 16));
		return s.toString();
	}

	private static void delete(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
				Files.delete(p);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
