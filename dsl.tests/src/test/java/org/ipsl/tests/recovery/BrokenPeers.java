package org.ipsl.tests.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspProcess;

/** The peers example with a stray word typed on a new line of hq.ipsl. */
final class BrokenPeers {
	static final String STRAY = "        bogus";

	private BrokenPeers() {
	}

	static String hqText() throws IOException {
		return Files.readString(Checker.examples().resolve("peers/hq.ipsl"));
	}

	/** The example copied into {@code folder}, hq.ipsl with {@link #STRAY} after its first {@code line} lines. */
	static Path write(Path folder, int line) throws IOException {
		Path workspace = LspProcess.copyExample("peers", folder);
		Files.writeString(workspace.resolve("hq.ipsl"), withStray(hqText(), line));
		return workspace;
	}

	static String withStray(String text, int line) {
		List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
		lines.add(line, STRAY);
		return String.join("\n", lines);
	}
}
