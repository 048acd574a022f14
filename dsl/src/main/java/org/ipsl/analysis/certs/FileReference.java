package org.ipsl.analysis.certs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file named in a policy file: {@code written} as the user wrote it (used in messages),
 * {@code resolved} against the naming file's folder (used to read it).
 */
public record FileReference(String written, Path resolved) {
	public FileReference {
		Objects.requireNonNull(written, "written");
		Objects.requireNonNull(resolved, "resolved");
	}
}
