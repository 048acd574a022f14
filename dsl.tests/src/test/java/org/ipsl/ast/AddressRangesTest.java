package org.ipsl.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.ipsl.model.IpAddress;
import org.ipsl.model.IpRange;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The memo answers, for every text and every time it is asked, what parsing the text gives. */
class AddressRangesTest {

	@Provide
	Arbitrary<List<String>> texts() {
		Arbitrary<String> text = Arbitraries.oneOf(
				Arbitraries.strings().withChars("0123456789./:abcdef").ofMaxLength(20),
				Arbitraries.integers().between(0, 300).list().ofSize(4)
						.map(parts -> String.join(".", parts.stream().map(String::valueOf).toList())
								+ (parts.get(0) % 3 == 0 ? "/" + parts.get(1) % 40 : "")),
				Arbitraries.of("::1", "2001:db8::/32", "fe80::1/64", "10.1.0.0/16", "10.1.1.10", "1.2.3", ""))
				.injectNull(0.05); // an address the parser could not read
		return text.list().ofMaxSize(30);
	}

	@Property(tries = 300)
	void answersWhatParsingGives(@ForAll("texts") List<String> texts) {
		for (String text : texts) {
			Optional<IpRange> parsed = IpAddress.parse(text).ok() ? Optional.of(IpRange.parse(text)) : Optional.empty();
			assertThat(AddressRanges.of(text)).as(text).isEqualTo(parsed);
			assertThat(AddressRanges.of(text)).as("%s asked again", text).isEqualTo(parsed);
		}
	}
}
