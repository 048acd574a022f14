package org.ipsl.importer;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.check.PathFailure;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.output.OutputWriter;
import org.ipsl.generator.output.OutputWriter.Planned;

/** Writes an importer's files: never over an existing file, secrets owner-only. */
public final class ImportedWorkspace {
	private ImportedWorkspace() {
	}

	/** A secret file of the workspace ({@code secrets/HOST-NAME.psk}), created 0600. */
	public static Planned secret(Path folder, String relative, String secret) {
		return new Planned(folder.resolve(relative),
				new GeneratedFile(Path.of(relative).getFileName().toString(), secret, true, false));
	}

	/**
	 * Writes every planned file, after checking that none exists.
	 *
	 * @param written receives each path written
	 * @return null when all are written, else the failure (nothing written when a file existed)
	 */
	public static PathFailure write(List<Planned> planned, List<Path> written) {
		OutputWriter writer = new OutputWriter(false);
		try {
			writer.check(planned);
			writer.write(planned, written);
			return null;
		} catch (PathFailure e) {
			return e;
		}
	}
}
