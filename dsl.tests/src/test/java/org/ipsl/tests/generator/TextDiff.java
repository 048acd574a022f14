package org.ipsl.tests.generator;

import java.util.ArrayList;
import java.util.List;

/** A unified-style line diff, so that a failing golden comparison shows what changed and where. */
final class TextDiff {
	private static final int CONTEXT = 3;

	private TextDiff() {
	}

	static String of(String expected, String actual) {
		String[] a = expected.split("\n", -1), b = actual.split("\n", -1);
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--)
			for (int j = b.length - 1; j >= 0; j--)
				common[i][j] = a[i].equals(b[j])
						? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
		List<String> lines = new ArrayList<>();
		int i = 0, j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				lines.add("  " + a[i]);
				i++;
				j++;
			} else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1]))
				lines.add("- " + a[i++]);
			else
				lines.add("+ " + b[j++]);
		}
		StringBuilder out = new StringBuilder("--- expected (golden)\n+++ actual (generated)\n");
		int lastPrinted = -1;
		for (int k = 0; k < lines.size(); k++) {
			if (lines.get(k).startsWith("  "))
				continue;
			int from = Math.max(lastPrinted + 1, k - CONTEXT);
			if (lastPrinted >= 0 && from > lastPrinted + 1)
				out.append("@@\n");
			for (int c = from; c <= k; c++)
				out.append(lines.get(c)).append('\n');
			lastPrinted = k;
			for (int c = k + 1; c < lines.size() && c <= k + CONTEXT && lines.get(c).startsWith("  "); c++) {
				out.append(lines.get(c)).append('\n');
				lastPrinted = c;
			}
		}
		return out.toString();
	}
}
