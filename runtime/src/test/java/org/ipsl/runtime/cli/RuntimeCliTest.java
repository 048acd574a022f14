package org.ipsl.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ipsl.runtime.config.RuntimeConfigJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code ipsl-runtime report|policy|trace} as a user runs them, with their exit codes and error lines. */
class RuntimeCliTest {
	/** Hex digits of every manual key of {@link AgreeingHosts}, and its preshared secret: none may be printed. */
	private static final String[] SECRETS = {"ffeeddccbbaa9988", "1413121110090807", "0011223344556677",
			"0102030405060708", "Tw0-hosts"};

	@TempDir
	Path dir;

	private Path a, b;

	record Run(int code, String out, String err) {
	}

	@BeforeEach
	void hosts() throws Exception {
		AgreeingHosts.write(dir);
		a = dir.resolve("a.json");
		b = dir.resolve("b.json");
	}

	private static Run run(String... args) {
		CommandLine cli = RuntimeCli.commandLine();
		StringWriter out = new StringWriter(), err = new StringWriter();
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		int code = cli.execute(args);
		Run run = new Run(code, out.toString(), err.toString());
		for (String secret : SECRETS)
			assertThat(run.out() + run.err()).doesNotContainIgnoringCase(secret);
		return run;
	}

	@Test
	void theSpdReportListsEveryPolicyOutboundThenInboundAndTheDefaultLast() {
		Run run = run("report", "--config", a.toString(), "--spd");
		assertThat(run.code()).isZero();
		String text = run.out();
		assertThat(text).contains("""
				------------------- Active Host Policy Rule ---------------------
				Rule Name: udp-to-peer ID: 2 Priority: 10
				Src IP Addr: 10.9.0.1 Prefix: 32 Port number: 0
				Dst IP Addr: 10.9.0.2 Prefix: 32 Port number: 0
				Network Protocol: UDP Direction: outbound
				Action: Manual key SA
				Number of SA(s) Needed: 1 Pair(s)
				Manual SA: keys
				""");
		assertThat(text).contains("""
				Rule Name: tcp-to-peer ID: 3 Priority: 20
				Src IP Addr: 10.9.0.2 Prefix: 32 Port number: 0
				Dst IP Addr: 10.9.0.1 Prefix: 32 Port number: 0
				Network Protocol: TCP Direction: inbound
				Action: Dynamic key SA
				Number of SA(s) Needed: 1 Pair(s)
				Proposal 1: esp-aes128-gcm16 Lifetime (secs): 28800 Lifetime (KB): 0
				""");
		// The manual SAs installed at start make udp-to-peer's entry created for SAs.
		assertThat(text).contains("""
				Action: Manual key SA
				State: Ready
				SA Pair Number 1
				SA Type: ESP
				Encryption Algorithm: aes128
				Authentication Algorithm: hmac-sha1
				Outbound SPI: 2600001 (0x27ac41)
				Inbound SPI: 2600002 (0x27ac42)
				""");
		assertThat(text.indexOf("Direction: outbound")).isLessThan(text.indexOf("Direction: inbound"));
		assertThat(text).endsWith("Rule Name: default ID: 1 Priority: 0\nAction: Pass\n\n");
	}

	@Test
	void theSaOptionTakesHpUxsIpsecWordOnly() {
		assertThat(run("report", "--config", a.toString(), "-sa", "ipsec").out())
				.isEqualTo(run("report", "--config", a.toString(), "--sad").out()).contains("State: Mature");
		Run ike = run("report", "--config", a.toString(), "-sa", "ike");
		assertThat(ike.code()).isEqualTo(2);
		assertThat(ike.err()).contains("-sa ike: the runtime keeps IPsec SAs only; use -sa ipsec");
	}

	@Test
	void theSadReportShowsTheManualSasWithoutTheirKeys() {
		Run run = run("report", "--config", a.toString(), "--sad");
		assertThat(run.code()).isZero();
		// The manual's field names (HP-UX IPSec version A.02.01 manpages, page 58).
		assertThat(run.out()).contains("""
				Sequence Number: 1 SPI: 2600002 (0x27ac42) State: Mature
				Security Association Type: ESP aes128 hmac-sha1
				Src IP Addr: 10.9.0.2 Dst IP Addr: 10.9.0.1
				Direction: inbound Tunnel SA: No
				""").contains("Sequence Number: 2 SPI: 2600001 (0x27ac41) State: Mature\n");
	}

	@Test
	void theCacheReportShowsTheDecisionsOfPacketsSentAndTheirSas() {
		Run run = run("report", "--config", a.toString(), "--cache", "--send", "udp 10.9.0.1:5000 -> 10.9.0.2:514",
				"--send", "tcp 10.9.0.1:40000 -> 10.9.0.2:22");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("""
				-------------------------Cache Policy Rule ---------------------------
				Cache Policy Record: 1 Cookie: 2
				Src IP Address: 10.9.0.1 Src Port number: 5000
				Dst IP Address: 10.9.0.2 Dst Port number: 514
				Network Protocol: UDP Direction: outbound
				Action: Secure
				-- SA Number 1 --
				State: SA Created
				SA Type: ESP
				Tunnel SA: No
				SPI (hex): 27AC41
				""").contains("""
				Cache Policy Record: 2 Cookie: 3
				Src IP Address: 10.9.0.1 Src Port number: 40000
				Dst IP Address: 10.9.0.2 Dst Port number: 22
				Network Protocol: TCP Direction: outbound
				Action: Secure
				-- SA Number 1 --
				State: SA Requested
				""");
	}

	@Test
	void allIsTheDefaultAndIncludesTheBypassList() {
		Run run = run("report", "--config", a.toString());
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("Active Host Policy Rule").contains("IPsec SA")
				.contains("Bypass List -------------------------\n(none)\n");
	}

	@Test
	void policyFindsWhatAnOutboundPacketMeetsWithItsIkePolicyButNotTheSecret() {
		Run run = run("policy", "--config", a.toString(), "--src", "10.9.0.1", "--sport", "40000", "--dst", "10.9.0.2",
				"--dport", "22", "--proto", "tcp", "--dir", "out");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("Rule Name: tcp-to-peer ID: 3 Priority: 20").contains("Direction: outbound")
				.contains("""
						------------------- IKE Policy Rule ---------------------
						Rule Name: to-peer Priority: 10
						Remote IP Addr: 10.9.0.2/32
						Proposal 1: aes128-sha1 DH Group: 14
						Lifetime (secs): 28800
						Authentication: Preshared key
						""");
	}

	@Test
	void policyTakesHpuxSpellingsAndAnInboundPacketFromTheRemoteEnd() {
		Run run = run("policy", "--config", a.toString(), "-sa", "10.9.0.2", "-sp", "514", "-da", "10.9.0.1", "-dp",
				"5000",
				"-p", "udp", "-dir", "in");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("Rule Name: udp-to-peer ID: 2").contains("Src IP Addr: 10.9.0.2 Prefix: 32")
				.contains("Direction: inbound").contains("Manual SA: keys").doesNotContain("IKE Policy");
	}

	@Test
	void aTraceWithDynamicKeysNegotiatesSimulatesTheKeysAndDelivers() throws Exception {
		Path pcap = dir.resolve("trace.pcap");
		Run run = run("trace", "--config", a.toString(), "--config", b.toString(), "--packet",
				"tcp 10.9.0.1:40000 -> 10.9.0.2:22", "--pcap", pcap.toString());
		assertThat(run.code()).as(run.out()).isZero();
		assertThat(run.out()).contains("a SPD, outbound: policy `tcp-to-peer` (priority 20), cookie 3: Dynamic key SA")
				.contains("negotiation a -> b: ESTABLISHED, proposal aes128-sha1-modp2048, transform esp-aes128-gcm16")
				.contains("keys simulated").contains("a emits: ESP 10.9.0.1 -> 10.9.0.2")
				.contains("b SPD, inbound: policy `tcp-to-peer` (priority 20), cookie 3: Dynamic key SA -> accepted")
				.contains("verdict: delivered to b: tcp 10.9.0.1:40000 -> 10.9.0.2:22");
		byte[] written = Files.readAllBytes(pcap);
		assertThat(written).startsWith(0xd4, 0xc3, 0xb2, 0xa1);
		// The global header, one record header, and the ESP packet (an IPv4 header with protocol 50).
		assertThat(written[24 + 16 + 9]).isEqualTo((byte) 50);
	}

	@Test
	void aTraceWithManualKeysThatDifferIsDroppedByTheReceiverWithHpuxText() throws Exception {
		String wrongKeys = Files.readString(b, StandardCharsets.UTF_8).replace("0xffeeddccbbaa99887766554433221100",
				"0xffeeddccbbaa99887766554433221101");
		Path mismatched = dir.resolve("b-wrong.json");
		Files.writeString(mismatched, wrongKeys);
		Run run = run("trace", "--config", a.toString(), "--config", mismatched.toString(), "--packet",
				"udp 10.9.0.1:5000 -> 10.9.0.2:514");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).contains("negotiation a -> b: MANUAL_KEYS_MISMATCH, transform -: Padding checks failed")
				.contains("verdict: dropped by b: Padding checks failed").doesNotContain("Event: Padding checks failed")
				.contains("STREAMS log of b:\n  ").contains(" Padding checks failed - SPI: ");
	}

	@Test
	void aPacketProtectedTowardsAnotherHostHasNoEndPointAndIsNotSent() throws Exception {
		Path c = dir.resolve("c.json");
		Files.write(c, RuntimeConfigJson.write(AgreeingHosts.host("c", "10.9.0.3", "10.9.0.1", AgreeingHosts.A_TO_B,
				AgreeingHosts.A_TO_B)));
		Run run = run("trace", "--config", a.toString(), "--config", c.toString(), "--packet",
				"tcp 10.9.0.1:40000 -> 10.9.0.2:22");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).contains(
				"negotiation a -> 10.9.0.2: MISSING_END_POINT (c is not the peer this packet is protected towards)")
				.contains("verdict: dropped by a, not sent: no SA: MISSING_END_POINT");
	}

	@Test
	void aPassedPacketGoesInClear() {
		Run run = run("trace", "--config", a.toString(), "--config", b.toString(), "--packet",
				"icmp 10.9.0.1 -> 10.9.0.2");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("the default policy, cookie 1: Pass -> sent in clear")
				.contains("a emits: IP protocol 1 10.9.0.1 -> 10.9.0.2").contains("verdict: delivered to b");
	}

	@Test
	void liveModeStopsAndFailsWhenTheHostDoesNotProtectTheDatagrams() {
		// tcp is keyed through IKE, which the live mode does not run: nothing can be sent.
		Run run = run("run", "--config", a.toString(), "--listen", "0", "--peer-port", "9", "--send", "5", "--packet",
				"tcp 10.9.0.1:40000 -> 10.9.0.2:22", "--timeout", "5");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).contains("counters: sent 0, echoed 0, lost 0").contains("not protected 1");
	}

	@Test
	void aMissingFileIsOneLineWithExitCode2() {
		Run run = run("report", "--config", dir.resolve("missing.json").toString());
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("ipsl-runtime: " + dir.resolve("missing.json") + ": no such file\n");
	}

	@Test
	void aBadValueIsOneLineNamingTheFileAndJsonPath() throws Exception {
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, Files.readString(a, StandardCharsets.UTF_8).replace("\"10.9.0.2/32\"", "\"10.9.0/32\""));
		Run run = run("trace", "--config", bad.toString(), "--config", b.toString(), "--packet",
				"udp 10.9.0.1:5000 -> 10.9.0.2:514");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("ipsl-runtime: " + bad
				+ ": policies[0].selector.remote[0]: expected an IPv4 or IPv6 address, optionally /prefix, found '10.9.0/32'\n");
	}

	@Test
	void aMissingFieldIsOneLineNamingTheJsonPath() throws Exception {
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, Files.readString(a, StandardCharsets.UTF_8).replace("\"name\": \"udp-to-peer\",", ""));
		Run run = run("policy", "--config", bad.toString(), "--src", "10.9.0.1", "--dst", "10.9.0.2", "--dir", "out");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err())
				.isEqualTo("ipsl-runtime: " + bad + ": policies[0]: expected a field 'name', found none\n");
	}

	@Test
	void aBadPacketAndASingleConfigAreUsageFailures() {
		Run packet = run("trace", "--config", a.toString(), "--config", b.toString(), "--packet",
				"tcp 10.9.0.1 -> 10.9.0.2");
		assertThat(packet.code()).isEqualTo(2);
		assertThat(packet.err()).isEqualTo(
				"ipsl-runtime: --packet: a tcp packet needs both ports: write e.g. \"tcp 10.1.1.10:40000 -> 10.2.2.20:22\"\n");
		Run single = run("trace", "--config", a.toString(), "--packet", "udp 10.9.0.1:5000 -> 10.9.0.2:514");
		assertThat(single.code()).isEqualTo(2);
		assertThat(single.err()).isEqualTo("ipsl-runtime: trace needs --config twice: A's runtime.json, then B's\n");
	}

	/** Standalone, the command keeps its own name ({@code ipsl runtime} is tested with the ipsl jar). */
	@Test
	void helpNamesTheStandaloneCommand() {
		assertThat(run("--help").out()).startsWith("Usage: ipsl-runtime [-hV] [COMMAND]");
		assertThat(run("trace", "--help").out()).startsWith("Usage: ipsl-runtime trace ");
	}
}
