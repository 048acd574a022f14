package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipsl.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresharedSecretCheckTest {

	@ParameterizedTest
	@ValueSource(strings = {"", "x", "Vq3#mZ8!pL2", "correct-hor"})
	void aSecretShorterThanTwelveCharactersIsGuessable(String secret) {
		assertThat(PresharedSecretCheck.check(secret)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("low-entropy-key");
			assertThat(f.severity()).isEqualTo(Severity.WARNING);
			assertThat(f.message()).contains("shorter than 12 characters");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = {"Vq3#mZ8!pL2@", "Vq3#mZ8!pL2@x", "correct horse battery staple",
			// the preshared secrets of the example workspaces
			"Xk4!pQ9#wT2@vM7$", "pN7#qL2!vX9@kR4$", "hQ8$wE3!zT6#yU1#", "mB5@cV8#nX2!jK7$", "hQ8$wE3!zT6#yU1@",
			"Vq3#mZ8!pL2@xR7$"})
	void twelveCharactersWithoutAShortRepeatAreAccepted(String secret) {
		assertThat(PresharedSecretCheck.check(secret)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "abcabcabcabc", "abcdabcdabcd", "abcdabcdabcdabc",
			"            ", "1234123412341234123412341234"})
	void aSecretRepeatingFourCharactersOrFewerIsGuessable(String secret) {
		assertThat(PresharedSecretCheck.check(secret)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("low-entropy-key");
			assertThat(f.message()).contains("repeats a pattern");
		});
	}

	@Test
	void aFiveCharacterRepeatIsAccepted() {
		assertThat(PresharedSecretCheck.check("abcdeabcdeab")).isEmpty();
		assertThat(PresharedSecretCheck.check("12345123451234512345")).isEmpty();
	}

	@Test
	void lengthCountsCharactersNotUtf16Units() {
		// 11 distinct characters outside the BMP: 22 UTF-16 units, still too short
		String eleven = "🔑🔒🔓🔐🗝🛡🧩🎲🎯🚀🌍";
		assertThat(eleven.codePointCount(0, eleven.length())).isEqualTo(11);
		assertThat(PresharedSecretCheck.check(eleven)).isPresent();
		assertThat(PresharedSecretCheck.check(eleven + "🌙")).isEmpty();
	}
}
