package org.ipsl.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.config.DefaultAction;
import org.ipsl.runtime.config.IkePolicy;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.host.HostOptions;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.host.SendResult;
import org.ipsl.runtime.packet.Bytes;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.ipsec.IpsecEngine;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.sad.SpiRange;
import org.ipsl.runtime.spd.DecisionCache;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SpdEntry;
import org.ipsl.runtime.trace.Trace;
import org.ipsl.runtime.trace.TracePacket;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the runtime is put into the situation an HP-UX manual shows, and its report or
 * audit entry must read as the manual prints it, line for line. Only what the manual's own text
 * marks as internal is set aside: rule IDs, record numbers, cookies and message numbers, which are
 * counters. Dates are the manual's, set on the clock.
 */
class HpuxManualExamplesTest {

	private final MutableClock clock = new MutableClock();

	/**
	 * HP-UX IPSec version A.02.00 manpages, page 44 ({@code ipsec_report -host active}), as printed
	 * up to where the PDF cuts the page. Two words are left out, because IPSL has no host policy
	 * flags: {@code FLAGS: EXCLUSIVE} after the action (HP-UX prints no FLAGS field without flags,
	 * A.02.01 manpages, page 53) and the cut line {@code Active Sessions Cr...}, present only for
	 * EXCLUSIVE policies (page 54).
	 */
	private static final String HOST_EXAMPLE = """
			------------------- Active Host Policy Rule ---------------------
			Rule Name: telnet_in ID: 5 Priority: 10
			Src IP Addr: 192.1.1.1 Prefix: 32 Port number: 23
			Dst IP Addr: 192.1.1.0 Prefix: 24 Port number: 0
			Network Protocol: TCP Direction: outbound
			Action: Dynamic key SA FLAGS: EXCLUSIVE
			Number of SA(s) Needed: 1 Pair(s)
			""".replace(" FLAGS: EXCLUSIVE", "");

	/** HP-UX IPSec version A.02.01 manpages, page 58 ({@code ipsec_report -cache}); the PDF wraps the banner after "Cache". */
	private static final String CACHE_EXAMPLE = """
			-------------------------Cache Policy Rule ---------------------------
			Cache Policy Record: 9 Cookie: 3
			Src IP Address: 192.1.1.1 Src Port number: 23
			Dst IP Address: 192.1.1.3 Dst Port number: 56122
			Network Protocol: TCP Direction: outbound
			Action: Secure
			-- SA Number 1 --
			State: SA Created
			SA Type: ESP
			Tunnel SA: No
			SPI (hex): 1FE472
			Src IP Address: 192.1.1.1
			Dst IP Address: 192.1.1.3
			""";

	/** The manual's telnet server 192.1.1.1: telnet_in protects its sessions with 192.1.1.0/24 by dynamic keys. */
	private IpsecHost telnetServer() throws RuntimeConfigException {
		Policy telnetIn = new Policy("telnet_in", 10,
				new Policy.Selector(6, null, List.of("192.1.1.1/32"), new Policy.PortRange(23, 23),
						List.of("192.1.1.0/24"),
						null),
				new Policy.Action(Policy.Action.Type.PROTECT, List.of(new Policy.Transform("esp-aes128-hmac-sha1", null,
						new Policy.Esp("aes128", "hmac-sha1"), 28800, 0)), null, null, null));
		RuntimeConfig config = new RuntimeConfig("golden test", RuntimeConfig.VERSION, "telnet-server",
				List.of("192.1.1.1"),
				new RuntimeConfig.SpiRange(300, 2_500_000), null, org.ipsl.runtime.config.AuditLevel.DEBUG, List.of(),
				List.of(), List.of(telnetIn), DefaultAction.PASS, List.of());
		return IpsecHost.start(config, "telnet-server.json", HostOptions.defaults().withClock(clock));
	}

	@Test
	void theHostReportPrintsTheManualsTelnetRule() throws RuntimeConfigException {
		String report = HostReport.spd(telnetServer());
		String outbound = report.substring(0, report.indexOf("Proposal 1:"));
		assertThat(counters(outbound)).isEqualTo(counters(HOST_EXAMPLE));
		assertThat(report).contains("Proposal 1: esp-aes128-hmac-sha1 Lifetime (secs): 28800 Lifetime (KB): 0\n")
				.doesNotContain("PFS").doesNotContain("Tunnel:");
	}

	@Test
	void theCacheReportPrintsTheManualsSecureRecord() throws RuntimeConfigException {
		IpsecHost server = telnetServer();
		byte[] reply = tcp("192.1.1.1", 23, "192.1.1.3", 56122);
		SendResult.SaRequired required = (SendResult.SaRequired) server.send(reply);
		long peerSpi = 0x1FE472;
		Random random = new Random(1);
		SaSpec out = TestSas.spec(Direction.OUTBOUND, peerSpi, SecurityProtocol.ESP, Mode.TRANSPORT, "192.1.1.1",
				"192.1.1.3", EncryptionAlgorithm.AES_CBC_128, TestSas.randomKey(16, random),
				IntegrityAlgorithm.HMAC_SHA1_96,
				TestSas.randomKey(20, random));
		SaSpec back = TestSas.spec(Direction.OUTBOUND,
				server.allocateSpi(required.local(), SecurityProtocol.ESP).orElseThrow(),
				SecurityProtocol.ESP, Mode.TRANSPORT, "192.1.1.3", "192.1.1.1", EncryptionAlgorithm.AES_CBC_128,
				TestSas.randomKey(16, random), IntegrityAlgorithm.HMAC_SHA1_96, TestSas.randomKey(20, random));
		server.installNegotiatedSas(required.policy(), required.peer(), List.of(out), List.of(TestSas.inbound(back)));
		assertThat(server.send(reply)).isInstanceOf(SendResult.Protected.class);

		assertThat(counters(HostReport.cache(server))).isEqualTo(counters(CACHE_EXAMPLE) + "\n");
		// The same SAs make the -host report's entry created for SAs (field names: A.02.01 manpages, pages 53-54).
		assertThat(HostReport.spd(server)).contains("""
				Dst IP Addr: 192.1.1.3 Prefix: 32 Port number: 0
				Network Protocol: TCP Direction: outbound
				Action: Dynamic key SA
				State: Ready
				SA Pair Number 1
				SA Type: ESP
				Encryption Algorithm: aes128
				Authentication Algorithm: hmac-sha1
				Outbound SPI: 2090098 (0x1fe472)
				Inbound SPI: 300 (0x12c)
				""");
	}

	/**
	 * HP-UX IPSec version A.02.00 Administrator's Guide, page 183: a manual key with inbound SPI 513
	 * (0x201), which the policy daemon had already allocated to a dynamic SA.
	 */
	@Test
	void aManualKeyOnAnSpiAlreadyAllocatedIsTheManualsEexistEntry() {
		setClock("2004-06-24T09:45:17Z");
		AuditLog audit = new AuditLog(AuditLevel.ERROR, clock);
		SecurityAssociationDatabase sad = new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, audit);
		long allocated;
		do {
			allocated = sad.allocateSpi(TestPackets.address("10.1.1.1"), SecurityProtocol.ESP).orElseThrow();
		} while (allocated < 513);
		assertThat(allocated).isEqualTo(513);
		sad.addManual(TestSas.spec(Direction.INBOUND, 513, SecurityProtocol.ESP, Mode.TRANSPORT, "10.2.2.2", "10.1.1.1",
				EncryptionAlgorithm.AES_CBC_128, KeyBytes.ofHex("00112233445566778899aabbccddeeff"),
				IntegrityAlgorithm.NONE,
				KeyBytes.NONE));
		assertThat(messages(audit)).containsExactly("""
				Msg: n From: SECPOLICYD Lvl: ERROR Date: Thu Jun 24 09:45:17 2004
				Event: PF_KEY: SADB_ADD for SPI 0x201 returns EEXIST""");
	}

	/**
	 * HP-UX IPSec version A.02.00 Administrator's Guide, pages 183-184: "PF_KEY: Invalid SADB_ADD,
	 * SPI 0xnnnn, errno 22", a DES or 3DES key rejected as too weak; the reason is in the STREAMS log.
	 */
	@Test
	void aWeakManualKeyIsTheManualsErrno22Entry() {
		AuditLog audit = new AuditLog(AuditLevel.ERROR, clock);
		SecurityAssociationDatabase sad = new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, audit);
		sad.addManual(
				TestSas.spec(Direction.OUTBOUND, 0x2ABC, SecurityProtocol.ESP, Mode.TRANSPORT, "10.1.1.1", "10.2.2.2",
						EncryptionAlgorithm.DES_CBC, KeyBytes.ofHex("0101010101010101"), IntegrityAlgorithm.HMAC_MD5_96,
						KeyBytes.ofHex("00112233445566778899aabbccddeeff")));
		assertThat(audit.entries()).singleElement().extracting(AuditEntry::event)
				.isEqualTo("PF_KEY: Invalid SADB_ADD, SPI 0xnnnn, errno 22".replace("nnnn", "2abc"));
		assertThat(audit.streams().lines()).singleElement().asString().contains("weak DES_CBC key");
	}

	/**
	 * HP-UX IPSec version A.02.00 Administrator's Guide, page 293: an AH packet from 15.13.136.52 to
	 * 15.13.136.171 whose ICV fails, logged at ALERT. The manual spells the weekday "Friday"; every
	 * other printed entry uses ctime's "Fri", as the runtime does.
	 */
	@Test
	void aForgedAhPacketIsTheManualsIcvAlert() {
		setClock("2001-10-19T16:12:30Z");
		AuditLog senderAudit = new AuditLog(AuditLevel.ERROR, clock),
				receiverAudit = new AuditLog(AuditLevel.ERROR, clock);
		IpsecEngine sender = new IpsecEngine(new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, senderAudit),
				senderAudit);
		IpsecEngine receiver = new IpsecEngine(
				new SecurityAssociationDatabase(SpiRange.HPUX_DEFAULT, clock, receiverAudit),
				receiverAudit);
		SaSpec ah = TestSas.spec(Direction.OUTBOUND, 0x1C97D8, SecurityProtocol.AH, Mode.TRANSPORT, "15.13.136.52",
				"15.13.136.171", new TestSas.Suite(EncryptionAlgorithm.NULL, IntegrityAlgorithm.HMAC_SHA1_96),
				new Random(3));
		sender.sad().addDynamic(ah);
		receiver.sad().addDynamic(TestSas.inbound(ah));
		byte[] packet = TestPackets.udp("15.13.136.52", "15.13.136.171", TestPackets.payload(40, 1));
		byte[] wire = ((Outcome.Processed) sender.outbound(sender.sad().all().get(0), packet)).packet();
		wire[wire.length - 1] ^= 1;
		receiver.inbound(wire);
		assertThat(messages(receiverAudit)).containsExactly("""
				Msg: n From: SECPOLICYD Lvl: ALERT Date: Friday Oct 19 16:12:30 2001
				Event: Integrity Check Value failure - SPI: 1C97D8 IP addr: 15.13.136.52:15.13.136.171 proto: 51."""
				.replace("Friday", "Fri"));
	}

	/** HP-UX IPSec version A.02.00 Administrator's Guide, page 192: the cache's soft and hard limits. */
	@Test
	void theCacheLimitsAreTheManualsThresholdAlerts() {
		AuditLog audit = new AuditLog(AuditLevel.ERROR, clock);
		DecisionCache cache = new DecisionCache(1, 2, audit);
		SpdEntry pass = SpdEntry.defaultPolicy(true);
		setClock("2004-04-20T11:30:39Z");
		for (int i = 0; i <= 1000; i++)
			cache.add(flow(i), Direction.OUTBOUND, pass);
		setClock("2004-04-20T12:14:42Z");
		for (int i = 1001; i <= 2000; i++)
			cache.add(flow(i), Direction.OUTBOUND, pass);
		assertThat(messages(audit)).containsExactly("""
				Msg: n From: SECPOLICYD Lvl: ALERT Date: Tue Apr 20 11:30:39 2004
				Event: Kernel Policy Cache Threshold reached nnnn records.""".replace("nnnn", "1000"), """
				Msg: n From: SECPOLICYD Lvl: ALERT Date: Tue Apr 20 12:14:42 2004
				Event: Kernel Policy Cache Threshold exceeded nnnn records.""".replace("nnnn", "2000"));
	}

	/**
	 * HP-UX IPSec version A.02.00 Administrator's Guide, page 178: the initiator's entry when Main
	 * Mode gets no answer, here because the responder accepts none of the offered proposals (page
	 * 179). The trace runs the negotiation as the peer analysis judges it.
	 */
	@Test
	void aMainModeNobodyAnswersIsTheManualsMmTimeout() throws RuntimeConfigException {
		setClock("2002-03-15T07:14:18Z");
		IpsecHost initiator = ikeHost("15.1.1.1", "15.2.2.2", new IkePolicy.Proposal("aes128", "sha1", 14));
		IpsecHost responder = ikeHost("15.2.2.2", "15.1.1.1", new IkePolicy.Proposal("3des", "md5", 2));
		Trace.Result result = Trace.run(initiator, responder, TracePacket.parse("tcp 15.1.1.1:40000 -> 15.2.2.2:23"));
		assertThat(result.delivered()).isFalse();
		assertThat(messages(initiator.audit())).containsExactly("""
				Msg: n From: IKMPD Lvl: ERROR Date: Fri Mar 15 07:14:18 2002
				Event: MM negotiation timeout, src 15.2.2.2""");
	}

	private IpsecHost ikeHost(String self, String peer, IkePolicy.Proposal proposal) throws RuntimeConfigException {
		Policy telnet = new Policy("telnet", 10, new Policy.Selector(6, null, List.of(self + "/32"), null,
				List.of(peer + "/32"), null),
				new Policy.Action(Policy.Action.Type.PROTECT, List.of(new Policy.Transform(
						"esp-aes128-hmac-sha1", null, new Policy.Esp("aes128", "hmac-sha1"), 28800, 0)), null, null,
						null));
		IkePolicy ike = new IkePolicy("to-peer", 10, List.of(peer + "/32"), List.of(proposal), 28800,
				new IkePolicy.Authentication(IkePolicy.Authentication.Method.PRESHARED, "golden-test-secret", null,
						null, null),
				null, null);
		RuntimeConfig config = new RuntimeConfig("golden test", RuntimeConfig.VERSION, "host-" + self, List.of(self),
				new RuntimeConfig.SpiRange(300, 2_500_000), null, org.ipsl.runtime.config.AuditLevel.ERROR, List.of(),
				List.of(ike), List.of(telnet), DefaultAction.PASS, List.of());
		return IpsecHost.start(config, self + ".json", HostOptions.defaults().withClock(clock));
	}

	private void setClock(String instant) {
		clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
	}

	private static Flow flow(int i) {
		return Flow.of("10.1.1.10", "10.2." + (i >>> 8 & 0xff) + "." + (i & 0xff), 17, 40000, 53);
	}

	/** The entries with their message numbers, which count a log's entries, set aside. */
	static List<String> messages(AuditLog audit) {
		return audit.entries().stream().map(e -> e.format().replaceFirst("^Msg: \\d+ ", "Msg: n ")).toList();
	}

	/** A report with rule IDs, record numbers and cookies, which are internal indexes, set aside. */
	private static String counters(String report) {
		return report.replaceAll("(ID|Cache Policy Record|Cookie): \\d+", "$1: n");
	}

	private static byte[] tcp(String source, int sourcePort, String destination, int destinationPort) {
		byte[] segment = new byte[20];
		Bytes.put16(segment, 0, sourcePort);
		Bytes.put16(segment, 2, destinationPort);
		segment[12] = 0x50;
		return TestPackets.ipv4(TestPackets.address(source), TestPackets.address(destination), 6, new byte[0], segment);
	}
}
