package org.ipsl.model;

import java.util.function.Function;

/** A value read from the text of a file: either the value or why it is not valid. */
public record Parsed<T>(T value, String error) {

	public static <T> Parsed<T> of(T value) {
		return new Parsed<>(value, null);
	}

	public static <T> Parsed<T> invalid(String error) {
		return new Parsed<>(null, error);
	}

	public boolean ok() {
		return error == null;
	}

	public <R> Parsed<R> map(Function<T, R> f) {
		return ok() ? of(f.apply(value)) : invalid(error);
	}

	public <R> Parsed<R> flatMap(Function<T, Parsed<R>> f) {
		return ok() ? f.apply(value) : invalid(error);
	}
}
