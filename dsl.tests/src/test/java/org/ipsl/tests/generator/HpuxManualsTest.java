package org.ipsl.tests.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.generator.Target;
import org.ipsl.generator.hpux.HpuxCapabilityTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HP-UX commands as HP's manuals print them (../shared/reference/hpux-ipsec-config.md, "Our
 * generator and reports against the manuals" §A): each test names the manual page it follows. What
 * the manuals forbid is in {@link UnsupportedConstructsTest}.
 */
class HpuxManualsTest {
	private static final GenerateOptions A0200 = GenerateOptions.DEFAULT,
			A0201 = new GenerateOptions(HpuxRelease.A_02_01, 1), A0300 = new GenerateOptions(HpuxRelease.A_03_00, 1);
	private static final String SECRET = "x8#Lq2!vR7@kT4$m";

	private static String host(String ike, String policies) {
		return """
				host h {
				    address 192.0.2.1
				    ike peers priority 100 {
				        remote 192.0.2.0/24
				%s
				    }
				%s
				}
				""".formatted(ike.indent(8).stripTrailing(), policies.indent(4).stripTrailing());
	}

	private static final String PSK = "authentication preshared \"" + SECRET + "\"";
	private static final String SSH = "policy ssh priority 10 {\n    tcp from 192.0.2.1 to 192.0.2.2 port 22\n"
			+ "    protect esp-aes128-hmac-sha1%s\n}";

	private static Map<String, String> generate(Path dir, String text, GenerateOptions options) {
		return GeneratedWorkspaces
				.files(GeneratedWorkspaces.generate(dir, Map.of("h.ipsl", text), Target.HPUX, options));
	}

	private static String line(String file, String start) {
		return file.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(
				() -> new AssertionError("no line starting with '" + start + "' in\n" + file));
	}

	/** (b) 1. A.03.02.02 release notes, page 22: A.02's IKE policy takes {@code -auth PSK|RSASIG}. */
	@Test
	void a02IkePolicyNamesItsMethodWithAuth_releaseNotesPage22(@TempDir Path dir) {
		String batch = generate(dir, host(PSK, ""), A0200).get("h/ipsec_config.batch");
		assertThat(line(batch, "add ike peers ")).contains(" -auth PSK ").doesNotContain("-authentication");
		assertThat(line(batch, "add auth peers ")).doesNotContain("_method");
	}

	/** (b) 1. A.03.02.02 release notes, page 22: A.03's IKEv1 policy has no method; the authentication record has it. */
	@Test
	void a03PutsTheMethodOnTheAuthenticationRecord_releaseNotesPage22(@TempDir Path dir) {
		Map<String, String> files = generate(dir, host(PSK, ""), A0300);
		String batch = files.get("h/ipsec_config.batch");
		assertThat(line(batch, "add ikev1 peers ")).doesNotContain("-auth").endsWith(" -pfs OFF");
		assertThat(line(batch, "add auth peers ")).contains(" -local_method PSK -remote_method PSK ");
		assertThat(files.get("h/ipsec_config.sh"))
				.contains("#   add auth -local_method/-remote_method: seen in A.03.02.02");
	}

	/** (b) 2. Sizing paper, page 13: PFS on A.02 is the IKE policy's {@code -maxqm 1}. */
	@Test
	void maxQuickModesIsMaxqm_sizingPaperPage13(@TempDir Path dir) {
		String batch = generate(dir, host(PSK + "\nmax-quick-modes 1", ""), A0200).get("h/ipsec_config.batch");
		assertThat(line(batch, "add ike peers ")).endsWith(" -maxqm 1");
	}

	/** (b) 2. A.03.02.02 release notes, page 22: A.03's PFS is {@code -pfs ON|OFF} on the IKE policy. */
	@Test
	void a03GroupPfsOfTheIkeGroupIsPfsOn_releaseNotesPage22(@TempDir Path dir) {
		Map<String, String> files = generate(dir, host(PSK, SSH.formatted("\n    pfs modp1024")), A0300);
		assertThat(line(files.get("h/ipsec_config.batch"), "add ikev1 peers ")).endsWith(" -pfs ON");
		assertThat(files.get("h/ipsec_config.sh")).contains("#   -pfs ON: the A.03.02.02 release notes, page 22");
	}

	/** A.02.01 guide, page 139: the exchange mode is {@code -exchange AM|MM} on the authentication record. */
	@Test
	void aggressiveModeIsExchangeAm_a0201GuidePage139(@TempDir Path dir) {
		String batch = generate(dir, host(PSK + "\nmode aggressive", ""), A0201).get("h/ipsec_config.batch");
		assertThat(line(batch, "add auth peers ")).contains(" -exchange AM ");
		assertThat(line(batch, "add ike peers ")).doesNotContain("-exchange");
		String main = generate(dir.resolve("main"), host(PSK + "\nmode main", ""), A0201).get("h/ipsec_config.batch");
		assertThat(main).doesNotContain("-exchange");
	}

	/** A.02.00 guide, page 82: session keying is the host policy's {@code -flags EXCLUSIVE}. */
	@Test
	void exclusiveIsTheExclusiveFlag_a0200GuidePage82(@TempDir Path dir) {
		String batch = generate(dir, host(PSK, SSH.formatted(" exclusive")), A0200).get("h/ipsec_config.batch");
		assertThat(line(batch, "add host ssh ")).endsWith(" -action ESP_AES128_HMAC_SHA1/28800/0 -flags EXCLUSIVE");
	}

	/** (b) 5. SRP A.03.00 guide, page 128, and A.03.00 guide, page 95: only group 2 is stated. */
	@Test
	void onlyGroupTwoIsConfirmed_srpGuidePage128(@TempDir Path dir) {
		String one = generate(dir.resolve("1"), host(PSK + "\nproposals 3des-md5-modp768", ""), A0200)
				.get("h/ipsec_config.sh");
		assertThat(one).contains("#   Diffie-Hellman group 1: no stored page lists the groups; only group 2, the "
				+ "default, is stated (SRP A.03.00 guide, page 128; A.03.00 guide, page 95)");
		String two = generate(dir.resolve("2"), host(PSK + "\nproposals 3des-md5-modp1024", ""), A0200)
				.get("h/ipsec_config.sh");
		assertThat(two).doesNotContain("Diffie-Hellman group");
	}

	/** (b) 7. A.03.02.02 guide, page 74: -tsource/-tdestination are printed there only. */
	@Test
	void tunnelNoteNamesWhereTheSpellingsArePrinted_a030202GuidePage74(@TempDir Path dir) {
		String tunnel = "policy t priority 10 {\n    any from 192.0.2.1 to 198.51.100.0/24\n"
				+ "    protect tunnel 192.0.2.1 -> 192.0.2.9 esp-aes128-hmac-sha1\n}";
		String script = generate(dir, host(PSK, tunnel), A0300).get("h/ipsec_config.sh");
		assertThat(script)
				.contains("#   add tunnel -tsource/-tdestination: printed only in the A.03.02.02 guide, page 74")
				.doesNotContain("are A.03 spellings");
	}

	/** (b) 8. A.03.00 guide, page 155: a key of 0x and hex digits is hex to HP-UX, as to IPSL. */
	@Test
	void aHexPresharedKeyIsWrittenAsItIs_a0300GuidePage155(@TempDir Path dir) {
		String hex = "0x8f3a9c1d2e7b6a5f4c3d2e1f0a9b8c7d";
		String batch = generate(dir, host("authentication preshared \"" + hex + "\"", ""), A0200)
				.get("h/ipsec_config.batch");
		assertThat(line(batch, "add auth peers ")).endsWith(" -preshared " + hex);
	}

	/**
	 * A.03.02.02 guide, page 60 ({@code ipsec_config batch FILE}); no stored page shows a batch
	 * comment, so the batch file has none and the script carries the header and the notes.
	 */
	@Test
	void theBatchFileHoldsCommandsOnlyAndTheScriptLoadsIt_a030202GuidePage60(@TempDir Path dir) throws IOException {
		Path out = GeneratedWorkspaces.generate(dir, Map.of("h.ipsl", host(PSK, SSH.formatted(""))), Target.HPUX,
				A0200);
		String batch = Files.readString(out.resolve("h/ipsec_config.batch"));
		assertThat(batch.lines()).isNotEmpty().allMatch(l -> l.startsWith("add "));
		String script = Files.readString(out.resolve("h/ipsec_config.sh"));
		assertThat(script).startsWith("#!/bin/sh\n# Generated by IPSL for host h (HP-UX IPSec A.02.00)")
				.endsWith("exec ipsec_config batch \"$dir/ipsec_config.batch\"\n").doesNotContain(SECRET)
				.doesNotContain("all or nothing");
		// generated again over itself: the batch file is known as IPSL's through the script beside it
		GeneratedWorkspaces.generate(dir, Map.of("h.ipsl", host(PSK, SSH.formatted(""))), Target.HPUX, A0200);
	}

	/** docs/generators.md shows the capability table the generator's own class makes. */
	@Test
	void docsShowTheCapabilityTableOfTheCode() throws IOException {
		String docs = Files.readString(Path.of("../docs/generators.md"));
		String table = HpuxCapabilityTable.markdown();
		assertThat(docs).contains("<!-- hpux-capabilities:begin -->\n" + table + "<!-- hpux-capabilities:end -->");
		assertThat(table).contains("| transform `ah-hmac-md5` | `AH_MD5` | `AH_MD5` | `AH_MD5` |")
				.contains("| group `modp768` | `1`* | `1`* | `1`* |")
				.contains("| group `modp1024` | `2` | `2` | `2` |");
	}
}
