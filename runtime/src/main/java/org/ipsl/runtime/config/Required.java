package org.ipsl.runtime.config;

import java.util.List;

/** Checks of the records' constructors: a missing field names itself, so a bad file says what is wrong. */
final class Required {
	private Required() {
	}

	static <T> T field(T value, String name) {
		if (value == null)
			throw new IllegalArgumentException("'" + name + "' is missing");
		return value;
	}

	static <T> List<T> list(List<T> value, String name) {
		return List.copyOf(field(value, name));
	}

	static <T> List<T> nonEmptyList(List<T> value, String name) {
		List<T> copy = list(value, name);
		if (copy.isEmpty())
			throw new IllegalArgumentException("'" + name + "' is empty");
		return copy;
	}

	static long range(long value, long min, long max, String name) {
		if (value < min || value > max)
			throw new IllegalArgumentException("'" + name + "' is " + value + ", outside " + min + "–" + max);
		return value;
	}
}
