package org.ipsl.importer.strongswan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipsl.importer.ImportProblem;

/**
 * What an import leaves out. Problems (text that cannot be read, a setting IPSL cannot express) stop
 * the import unless it is partial; settings ignored on purpose do not, and are listed once per file
 * and key, with every place they are written.
 */
final class Problems {
	final List<ImportProblem> problems = new ArrayList<>();
	private final Map<String, List<Where>> ignored = new LinkedHashMap<>();
	private final Map<String, String> ignoredWhy = new LinkedHashMap<>();

	void unreadable(Where at, String message) {
		problems.add(new ImportProblem(at.file(), at.line(), at.column(), message, true));
	}

	void inexpressible(Where at, String message) {
		problems.add(new ImportProblem(at.file(), at.line(), at.column(), message, false));
	}

	void ignored(Where at, String key, String why) {
		String id = at.file() + "\n" + key;
		ignored.computeIfAbsent(id, k -> new ArrayList<>()).add(at);
		ignoredWhy.putIfAbsent(id, key + " ignored on purpose: " + why);
	}

	/** One entry per file and key ignored: at its first place, naming the other lines. */
	List<ImportProblem> ignoredList() {
		List<ImportProblem> list = new ArrayList<>();
		ignored.forEach((id, places) -> {
			Where first = places.get(0);
			StringBuilder message = new StringBuilder(ignoredWhy.get(id));
			if (places.size() > 1) {
				message.append(" (also line");
				message.append(places.size() > 2 ? "s " : " ");
				for (int i = 1; i < places.size(); i++)
					message.append(i > 1 ? ", " : "").append(places.get(i).line());
				message.append(')');
			}
			list.add(new ImportProblem(first.file(), first.line(), first.column(), message.toString(), false));
		});
		return list;
	}
}
