package org.ipsl.runtime.esp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.ipsl.runtime.TestPackets;
import org.ipsl.runtime.packet.Bytes;
import org.junit.jupiter.api.Test;

class BufferedIvSourceTest {

	/** A SecureRandom that counts: bytes 2n and 2n + 1 of its output hold n, so the test sees which bytes were handed out. */
	private static final class Counting extends SecureRandom {
		private static final long serialVersionUID = 1L;
		int calls;
		int next;

		@Override
		public void nextBytes(byte[] bytes) {
			calls++;
			for (int i = 0; i < bytes.length; i += 2) {
				Bytes.put16(bytes, i, next++);
			}
		}
	}

	@Test
	void eachRandomByteIsHandedOutOnceAndTheSourceIsAskedInBulk() {
		Counting random = new Counting();
		BufferedIvSource source = new BufferedIvSource(random);
		Set<String> ivs = new HashSet<>();
		byte[] packet = new byte[20];
		for (int i = 0; i < 256; i++) {
			source.fill(packet, 4, 16);
			assertThat(Bytes.u16(packet, 4)).isEqualTo(i * 8);
			ivs.add(TestPackets.hex(packet));
		}
		assertThat(ivs).hasSize(256);
		assertThat(random.calls).isEqualTo(1);
		source.fill(packet, 4, 8);
		source.fill(packet, 4, 16);
		assertThat(random.calls).isEqualTo(2);
	}
}
