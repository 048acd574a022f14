package org.ipsl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpProtocol;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.junit.jupiter.api.Test;

/** {@link Keyword#lookup} finds every constant by its keyword and nothing by another word. */
class KeywordTest {

	@Test
	void everyConstantIsFoundByItsKeywordAndKeywordsAreUnique() {
		for (Class<? extends Keyword> type : List.of(DhGroup.class, IkeEncryption.class, IkeHash.class, Transform.class,
				EncryptionAlgorithm.class, IntegrityAlgorithm.class, IkeIdentity.Kind.class, IpProtocol.class))
			everyConstantIsFound(type);
	}

	@SuppressWarnings({"unchecked", "rawtypes"})
	private static void everyConstantIsFound(Class type) {
		for (Object constant : type.getEnumConstants()) {
			String keyword = ((Keyword) constant).keyword();
			if (keyword != null)
				assertThat((Optional<Object>) Keyword.lookup(type, keyword)).as(type.getSimpleName() + " " + keyword)
						.containsSame(constant);
		}
		List<String> keywords = Arrays.stream(type.getEnumConstants()).map(c -> ((Keyword) c).keyword())
				.filter(k -> k != null).toList();
		assertThat(keywords).as(type.getSimpleName()).doesNotHaveDuplicates();
	}

	@Test
	void anotherWordCaseOrNullFindsNothing() {
		assertThat(Keyword.lookup(IkeHash.class, "sha3")).isEmpty();
		assertThat(Keyword.lookup(IkeHash.class, "SHA1")).isEmpty();
		assertThat(Keyword.lookup(IkeHash.class, null)).isEmpty();
		// IGMP has no keyword: a null keyword must not find it.
		assertThat(IpProtocol.byKeyword(null)).isEmpty();
		assertThat(DhGroup.byKeyword("modp2048")).contains(DhGroup.MODP2048);
	}
}
