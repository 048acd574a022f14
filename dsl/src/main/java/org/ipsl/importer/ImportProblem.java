package org.ipsl.importer;

import java.nio.file.Path;

/**
 * What an importer could not read or cannot express, or left out on purpose, at a place in an
 * imported file (line and column from 1). The message never holds a secret or a key.
 *
 * @param unreadable the text is not the source's syntax, as opposed to a construct IPSL cannot express
 */
public record ImportProblem(Path file, int line, int column, String message, boolean unreadable) {

	public String text(Path relativeTo) {
		Path shown = file.isAbsolute() && relativeTo != null ? relativize(file, relativeTo) : file;
		return shown + ":" + line + ":" + column + ": " + message;
	}

	private static Path relativize(Path file, Path base) {
		try {
			Path relative = base.relativize(file);
			return relative.startsWith("..") ? file : relative;
		} catch (IllegalArgumentException e) {
			return file;
		}
	}
}
