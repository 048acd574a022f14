package org.ipsl.catalog;

/**
 * A catalog constant with a keyword, a description for hovers and completion details, and a
 * {@link Strength}: the three facts each such enum declares per constant, kept in one record.
 */
public interface RatedKeyword extends Keyword {

	/** What a constant declares. */
	record Facts(String keyword, String description, Strength strength) {
	}

	Facts facts();

	@Override
	default String keyword() {
		return facts().keyword();
	}

	default String description() {
		return facts().description();
	}

	default Strength strength() {
		return facts().strength();
	}
}
