package org.ipsl.cli;

import java.util.ArrayList;
import java.util.List;

import org.ipsl.analysis.peers.Session;

/**
 * The session table of {@code ipsl check --peers} as text: a header, a rule, one row per session,
 * columns padded to their widest cell (as the editor extension shows the same rows).
 */
final class SessionTable {
	private static final List<String> COLUMNS = List.of("initiator", "responder", "outcome", "proposal", "transform",
			"audit");

	private SessionTable() {
	}

	static String text(List<Session> sessions) {
		List<List<String>> lines = new ArrayList<>();
		lines.add(COLUMNS);
		for (Session session : sessions)
			lines.add(List.copyOf(session.columns().values()));
		int[] widths = new int[COLUMNS.size()];
		for (List<String> line : lines)
			for (int c = 0; c < widths.length; c++)
				widths[c] = Math.max(widths[c], line.get(c).length());
		List<String> rule = new ArrayList<>();
		for (int width : widths)
			rule.add("-".repeat(width));
		lines.add(1, rule);
		StringBuilder text = new StringBuilder();
		for (List<String> line : lines)
			append(text, line, widths);
		return text.toString();
	}

	private static void append(StringBuilder text, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int c = 0; c < cells.size(); c++) {
			if (c > 0)
				line.append("  ");
			line.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
		}
		text.append(line.toString().stripTrailing()).append('\n');
	}
}
