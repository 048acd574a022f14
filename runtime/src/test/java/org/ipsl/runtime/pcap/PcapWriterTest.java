package org.ipsl.runtime.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.runtime.TestPackets.hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

	@Test
	void classicPcapOfRawIpPackets() throws IOException {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		try (PcapWriter writer = new PcapWriter(file)) {
			writer.write(Instant.ofEpochSecond(0x5f5e1000L, 123_456_789), hex("45000014"));
		}
		assertThat(hex(file.toByteArray())).isEqualTo(
				// magic, version 2.4, zone 0, sigfigs 0, snaplen 65535, LINKTYPE_RAW (101)
				"d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "ffff0000" + "65000000"
				// seconds, microseconds (123456 = 0x1e240), captured and original length 4
						+ "00105e5f" + "40e20100" + "04000000" + "04000000"
						+ "45000014");
	}
}
