package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ipsl.analysis.Finding;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** No finding about a key or secret shows it, whole or in part. */
class NoSecretInMessagesTest {

	private static final Pattern HEX_KEY = Pattern.compile("\\b0x[0-9a-fA-F]+\\b");
	private static final Pattern QUOTED = Pattern.compile("preshared\\s+\"((?:\\\\.|[^\"\\\\])*)\"");

	/**
	 * Every 8-character piece of the text, or the text itself when shorter (whatever is that short
	 * would be found in any sentence: callers give texts of 8 characters or more).
	 */
	static Set<String> pieces(String secret) {
		String lower = secret.toLowerCase(Locale.ROOT);
		Set<String> pieces = new HashSet<>();
		if (lower.length() <= 8) {
			pieces.add(lower);
		}
		for (int i = 0; i + 8 <= lower.length(); i++) {
			pieces.add(lower.substring(i, i + 8));
		}
		return pieces;
	}

	static void assertShowsNoPiece(String message, String secret) {
		String lower = message.toLowerCase(Locale.ROOT);
		for (String piece : pieces(secret)) {
			assertThat(lower).as("message about a key or secret").doesNotContain(piece);
		}
	}

	static List<String> exampleFiles() {
		Path root = Path.of(System.getProperty("ipsl.examples", "../examples"));
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(".ipsl")).map(NoSecretInMessagesTest::read).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<String> all(Pattern pattern, int group) {
		List<String> found = new ArrayList<>();
		for (String text : exampleFiles()) {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				found.add(m.group(group));
			}
		}
		return found;
	}

	/** Every key of the examples and of KeyCheckTest, each judged as every algorithm's key. */
	@Test
	void keyFindingsNeverShowTheKey() {
		List<String> keys = new ArrayList<>(all(HEX_KEY, 0));
		assertThat(keys).as("keys in the example workspaces").hasSizeGreaterThan(20);
		KeyCheckTest.weakDesKeysWhateverTheirParity().forEach(weak -> {
			keys.add("0x" + weak);
			keys.add("0x" + weak + KeyCheckTest.K2 + KeyCheckTest.K3);
			keys.add("0x" + KeyCheckTest.K1 + KeyCheckTest.K2 + weak);
		});
		keys.add("0x" + KeyCheckTest.K1 + KeyCheckTest.K1 + KeyCheckTest.K3);
		keys.add("0x" + "5ac3e711".repeat(4));
		keys.add("0x00112233445566778899aabbccddeeff");
		keys.add("0xdce48ff17f1e72d8af95c38e18e15");
		keys.add("0xzz8ff17f1e72d8af95c38e18e158");
		keys.add("password-as-key");
		int findings = 0;
		for (String key : keys) {
			for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
				for (Finding finding : KeyCheck.check(algorithm, key).stream().toList()) {
					assertShowsNoPiece(finding.message(), key);
					findings++;
				}
			}
		}
		assertThat(findings).as("findings examined").isGreaterThan(500);
	}

	@Test
	void secretFindingsNeverShowTheSecret() {
		List<String> secrets = new ArrayList<>(all(QUOTED, 1));
		assertThat(secrets).as("secrets in the example workspaces").hasSizeGreaterThan(5);
		secrets.addAll(List.of("hunter2!", "letmein!", "shortersecret", "abcdabcdabcd", "Vq3#mZ8!pL2", "            "));
		int findings = 0;
		for (String secret : secrets) {
			for (Finding finding : PresharedSecretCheck.check(secret).stream().toList()) {
				assertShowsNoPiece(finding.message(), secret);
				findings++;
			}
		}
		assertThat(findings).isGreaterThanOrEqualTo(5);
	}

	@Property(tries = 1000, seed = "20261127")
	void noKeyFindingShowsARandomKey(@ForAll KeyAlgorithm algorithm,
			@ForAll @StringLength(min = 6, max = 80) @CharRange(from = '0', to = '9') @CharRange(from = 'a', to = 'f') @Chars({
					'x', 'X', 'g'}) String digits) {
		for (String key : List.of("0x" + digits, digits + "00")) {
			KeyCheck.check(algorithm, key).ifPresent(f -> assertShowsNoPiece(f.message(), key));
		}
	}

	@Property(tries = 1000, seed = "20261127")
	void noSecretFindingShowsARandomSecret(
			@ForAll @StringLength(min = 8, max = 40) @CharRange(from = '!', to = '~') String secret) {
		PresharedSecretCheck.check(secret).ifPresent(f -> assertShowsNoPiece(f.message(), secret));
	}
}
