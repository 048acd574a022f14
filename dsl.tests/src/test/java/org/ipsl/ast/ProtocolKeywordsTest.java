package org.ipsl.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;

import org.ipsl.ipsl.ProtocolKind;
import org.ipsl.model.IpProtocol;
import org.junit.jupiter.api.Test;

/**
 * The grammar's protocol keywords are exactly the keywords of {@link IpProtocol}, by which the
 * checks and generators map them.
 */
class ProtocolKeywordsTest {

	@Test
	void theGrammarAndTheProtocolTableNameTheSameProtocols() {
		assertThat(Arrays.stream(ProtocolKind.values()).map(ProtocolKind::getLiteral).filter(l -> !l.equals("any")))
				.containsExactlyInAnyOrderElementsOf(
						Arrays.stream(IpProtocol.values()).map(IpProtocol::keyword).filter(Objects::nonNull).toList());
	}
}
