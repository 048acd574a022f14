package org.ipsl.catalog;

import java.util.Optional;

/**
 * An enum constant that has a keyword: the word that names it in policy files, on the command line
 * or in {@code runtime.json}. {@link #lookup} is the one keyword lookup of the catalog's enums.
 */
public interface Keyword {

	String keyword();

	/** The constant of {@code type} whose keyword is {@code keyword}, compared exactly; a null keyword names none. */
	static <E extends Enum<E> & Keyword> Optional<E> lookup(Class<E> type, String keyword) {
		for (E constant : type.getEnumConstants())
			if (keyword != null && keyword.equals(constant.keyword()))
				return Optional.of(constant);
		return Optional.empty();
	}
}
