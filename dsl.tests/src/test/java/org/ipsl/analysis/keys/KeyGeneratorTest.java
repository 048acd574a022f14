package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KeyGeneratorTest {

	/** A generator seeded by the property, so a failing case replays. */
	static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
		SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
		random.setSeed(seed);
		return random;
	}

	@Property(tries = 2000, seed = "20261127")
	void aFreshKeyHasTheAlgorithmsLengthAndPassesEveryCheck(@ForAll KeyAlgorithm algorithm, @ForAll long seed)
			throws NoSuchAlgorithmException {
		Assume.that(algorithm.takesKey());
		String key = KeyGenerator.freshKey(algorithm, seeded(seed));
		assertThat(key).startsWith("0x").hasSize(2 + algorithm.hexDigits()).matches("0x[0-9a-f]+");
		assertThat(KeyCheck.check(algorithm, key)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = KeyAlgorithm.class, names = {"DES", "TRIPLE_DES"})
	void desKeysGetOddParity(KeyAlgorithm algorithm) throws NoSuchAlgorithmException {
		byte[] key = HexFormat.of().parseHex(KeyGenerator.freshKey(algorithm, seeded(7)).substring(2));
		for (byte b : key) {
			assertThat(Integer.bitCount(Byte.toUnsignedInt(b)) % 2).isEqualTo(1);
		}
	}

	/** Yields all-zero bytes on its first draw: a weak DES key, a guessable key for any algorithm. */
	static final class ZeroFirst extends SecureRandom {
		private static final long serialVersionUID = 1L;
		int draws;

		@Override
		public void nextBytes(byte[] bytes) {
			if (draws++ == 0) {
				Arrays.fill(bytes, (byte) 0);
			} else {
				new SecureRandom().nextBytes(bytes);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = KeyAlgorithm.class, names = "NULL", mode = EnumSource.Mode.EXCLUDE)
	void aWeakOrGuessableDrawIsDrawnAgain(KeyAlgorithm algorithm) {
		ZeroFirst random = new ZeroFirst();
		String key = KeyGenerator.freshKey(algorithm, random);
		assertThat(random.draws).isEqualTo(2);
		assertThat(KeyCheck.check(algorithm, key)).isEmpty();
	}

	@Test
	void nullEncryptionHasNoKeyToGenerate() {
		assertThatThrownBy(() -> KeyGenerator.freshKey(KeyAlgorithm.NULL, new SecureRandom()))
				.isInstanceOf(IllegalArgumentException.class);
	}
}
