package org.ipsl.runtime.config;

import java.io.IOException;

/**
 * A {@code runtime.json} that cannot be read; the message names the file, the place and the reason.
 * It carries no cause: the parser's exceptions quote the input, which may hold a key.
 */
public class RuntimeConfigException extends IOException {
	private static final long serialVersionUID = 1L;

	public RuntimeConfigException(String message) {
		super(message);
	}
}
