package org.ipsl.importer.hpux;

import java.util.Map;
import java.util.Optional;

import org.ipsl.importer.hpux.BatchReader.Word;

/**
 * One {@code add} operation of a batch file.
 *
 * @param object  host, tunnel, ike (ikev1 is read as ike), auth, bypass or startup
 * @param name    the object's name, or the bypass address; null for startup
 * @param options by the option's full spelling (e.g. {@code -remote} for {@code -rem}), its value
 */
record Command(int line, String object, Word name, Map<String, Option> options) {

	/** An option as written and its value. */
	record Option(Word option, Word value) {
	}

	Optional<Option> option(String fullName) {
		return Optional.ofNullable(options.get(fullName));
	}

	Optional<Word> value(String fullName) {
		return option(fullName).map(Option::value);
	}
}
