package org.ipsl.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.TwoHosts;
import org.ipsl.runtime.cli.AgreeingHosts;
import org.ipsl.runtime.cli.RuntimeCli;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.pcap.PcapWriter;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent implementation reads our ESP: tshark decrypts a pcap this engine wrote, for
 * every authenticating suite in transport and tunnel mode over IPv4 and IPv6, with the SAs' keys,
 * finds each payload and reports {@code esp.icv_good}; with wrong keys it reports
 * {@code esp.icv_bad}. Under {@code CI=true} a missing tshark fails the test; elsewhere it is
 * reported as skipped, with the reason (install it with {@code .ci/install-runtime-tools}).
 */
class TsharkDecryptionTest {

	private static final String[][] PLACES = {
			{"IPv4", "TRANSPORT", "10.1.1.10", "10.2.2.20", "10.1.1.10", "10.2.2.20"},
			{"IPv6", "TRANSPORT", "2001:db8:1::10", "2001:db8:2::20", "2001:db8:1::10", "2001:db8:2::20"},
			{"IPv4", "TUNNEL", "192.0.2.1", "192.0.2.2", "10.1.1.10", "10.2.2.20"},
			{"IPv6", "TUNNEL", "2001:db8::1", "2001:db8::2", "2001:db8:1::10", "2001:db8:2::20"}};
	private static final int PACKETS_PER_SA = 2;

	@TempDir
	static Path directory;
	private static Path capture;
	private static final List<SaSpec> SAS = new ArrayList<>();
	/** Payload hex by SPI and sequence number. */
	private static final Map<String, String> PAYLOADS = new HashMap<>();

	@BeforeAll
	static void writeCapture() throws IOException {
		TwoHosts hosts = new TwoHosts();
		capture = directory.resolve("esp.pcap");
		Random random = new Random(42);
		long spi = 0x4000_0000L;
		try (OutputStream file = Files.newOutputStream(capture); PcapWriter pcap = new PcapWriter(file)) {
			Instant time = Instant.parse("2026-11-27T12:00:00Z");
			for (TestSas.Suite suite : TestSas.authenticatedEspSuites()) {
				for (String[] place : PLACES) {
					spi++;
					SaSpec sa = TestSas.spec(Direction.OUTBOUND, spi, SecurityProtocol.ESP, Mode.valueOf(place[1]),
							place[2], place[3], suite, random);
					SAS.add(sa);
					TwoHosts.Link link = hosts.link(sa);
					for (int n = 1; n <= PACKETS_PER_SA; n++) {
						byte[] payload = ("ipsl-" + Long.toHexString(spi) + "-" + n)
								.getBytes(StandardCharsets.US_ASCII);
						PAYLOADS.put(spi + "/" + n, TestPackets.hex(payload));
						Outcome sent = hosts.sender.outbound(link.outbound(),
								TestPackets.udp(place[4], place[5], payload));
						pcap.write(time, ((Outcome.Processed) sent).packet());
						time = time.plusMillis(1);
					}
				}
			}
		}
	}

	/** Before each test, not once for the class: JUnit reports a class-level skip as no test at all. */
	@BeforeEach
	void requireTshark() {
		boolean present;
		try {
			present = new ProcessBuilder("tshark", "--version").redirectErrorStream(true).start().waitFor() == 0;
		} catch (IOException | InterruptedException e) {
			present = false;
		}
		String message = "tshark is not installed: the ESP interoperability test cannot run (.ci/install-runtime-tools installs it)";
		if (!present && "true".equals(System.getenv("CI"))) {
			fail(message + "; CI=true, so this is a failure");
		}
		Assumptions.assumeTrue(present, message);
	}

	@Test
	void tsharkDecryptsEveryPacketAndFindsItsIcvGood() throws Exception {
		List<String[]> rows = tshark(capture, SAS.stream().map(sa -> uatEntry(sa, false)).toList());
		assertThat(rows).hasSize(SAS.size() * PACKETS_PER_SA);
		for (String[] row : rows) {
			long spi = Long.decode(row[0]);
			assertThat(row[2]).as("esp.icv_good of SPI %s sequence %s", row[0], row[1]).isEqualTo("1");
			assertThat(row[3]).as("esp.icv_bad of SPI %s", row[0]).isIn("", "0");
			assertThat(row[4]).as("decrypted payload of SPI %s", row[0]).isEqualTo(PAYLOADS.get(spi + "/" + row[1]));
		}
	}

	@Test
	void withWrongKeysTsharkFindsEveryIcvBad() throws Exception {
		List<String[]> rows = tshark(capture, SAS.stream().map(sa -> uatEntry(sa, true)).toList());
		assertThat(rows).hasSize(SAS.size() * PACKETS_PER_SA);
		for (String[] row : rows) {
			assertThat(row[2]).as("esp.icv_good of SPI %s", row[0]).isIn("", "0");
			// Rarely (random IVs) tshark gives up on a wrongly decrypted packet before any ICV verdict.
			assertThat(row[3]).as("esp.icv_bad of SPI %s", row[0]).isIn("1", "");
		}
		long verdicts = rows.stream().filter(row -> "1".equals(row[3])).count();
		assertThat(verdicts).as("packets with an ICV verdict").isGreaterThanOrEqualTo(rows.size() * 95L / 100);
	}

	/** The pcap of {@code ipsl-runtime trace}: tshark decrypts the packet A emits with A's configured manual keys. */
	@Test
	void tsharkDecryptsWhatATraceWrites() throws Exception {
		AgreeingHosts.write(directory);
		Path trace = directory.resolve("trace.pcap");
		assertThat(RuntimeCli.run("trace", "--config", directory.resolve("a.json").toString(), "--config",
				directory.resolve("b.json").toString(), "--packet", "udp 10.9.0.1:40000 -> 10.9.0.2:40001", "--pcap",
				trace.toString())).isZero();
		ManualSa.Sa sa = AgreeingHosts.A_TO_B;
		String entry = String.join(",", quoted("IPv4"), quoted("*"), quoted("*"),
				quoted("0x" + Long.toHexString(sa.spi())),
				quoted("AES-CBC [RFC3602]"), quoted(sa.encryption().key()), quoted("HMAC-SHA-1-96 [RFC2404]"),
				quoted(sa.authentication().key()));
		List<String[]> rows = tshark(trace, List.of(entry));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)[2]).as("esp.icv_good").isEqualTo("1");
		assertThat(rows.get(0)[4]).as("decrypted payload")
				.isEqualTo(TestPackets.hex("IPSL trace\n".getBytes(StandardCharsets.US_ASCII)));
	}

	/** Rows of SPI, sequence, icv_good, icv_bad, data. */
	private static List<String[]> tshark(Path pcap, List<String> uatEntries) throws Exception {
		List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(),
				"-o", "esp.enable_encryption_decode:TRUE", "-o", "esp.enable_authentication_check:TRUE"));
		for (String entry : uatEntries) {
			command.add("-o");
			command.add("uat:esp_sa:" + entry);
		}
		command.addAll(List.of("-Y", "esp", "-T", "fields", "-E", "separator=/t",
				"-e", "esp.spi", "-e", "esp.sequence", "-e", "esp.icv_good", "-e", "esp.icv_bad", "-e", "data.data"));
		Path output = directory.resolve("tshark.out");
		Path errors = directory.resolve("tshark.err");
		Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
				.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
		return Files.readAllLines(output).stream().map(line -> line.split("\t", -1)).toList();
	}

	/** One line of tshark's esp_sa table: protocol, source, destination, SPI, encryption and key, authentication and key. */
	private static String uatEntry(SaSpec sa, boolean wrongKeys) {
		String protocol = sa.source() instanceof java.net.Inet4Address ? "IPv4" : "IPv6";
		return String.join(",", quoted(protocol), quoted("*"), quoted("*"), quoted("0x" + Long.toHexString(sa.spi())),
				quoted(encryptionName(sa.encryption())),
				quoted(hexKey(sa.encryptionKey(), wrongKeys && sa.encryption().isCombinedMode())),
				quoted(integrityName(sa.integrity())), quoted(hexKey(sa.integrityKey(), wrongKeys)));
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	private static String hexKey(KeyBytes key, boolean wrong) {
		if (key.length() == 0) {
			return "";
		}
		byte[] bytes = key.toByteArray();
		if (wrong) {
			bytes[0] ^= 1;
		}
		return "0x" + TestPackets.hex(bytes);
	}

	/** tshark 4.0's names (real-tools.md 5); AES-GCM takes key ‖ salt as its key, as we hold it. */
	private static String encryptionName(EncryptionAlgorithm algorithm) {
		return switch (algorithm) {
			case NULL -> "NULL";
			case DES_CBC -> "DES-CBC [RFC2405]";
			case TRIPLE_DES_CBC -> "TripleDES-CBC [RFC2451]";
			case AES_CBC_128, AES_CBC_192, AES_CBC_256 -> "AES-CBC [RFC3602]";
			case AES_GCM_16_128, AES_GCM_16_256 -> "AES-GCM with 16 octet ICV [RFC4106]";
		};
	}

	private static String integrityName(IntegrityAlgorithm algorithm) {
		return switch (algorithm) {
			case NONE -> "NULL";
			case HMAC_MD5_96 -> "HMAC-MD5-96 [RFC2403]";
			case HMAC_SHA1_96 -> "HMAC-SHA-1-96 [RFC2404]";
			case HMAC_SHA256_128 -> "HMAC-SHA-256-128 [RFC4868]";
		};
	}
}
