package org.ipsl.incremental;

import java.util.Arrays;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;

/**
 * Xtext's widening of an edited region to whole tokens, which lexes the new text from its start
 * to the region: after each edit of a 10,000-policy file, all of the file before the edit. Here
 * the lexing resumes at a point recorded while lexing the previous text, when every character
 * the lexer had looked at before that point is unchanged: the lexer is a function of the
 * characters it looks at, so from there it gives the tokens lexing from the start would give. The
 * region is the one Xtext's gives.
 */
@Singleton
public class IpslTokenRegionProvider extends TokenRegionProvider {
	@Inject
	private Provider<Lexer> lexerProvider;

	/** The text the points are for. */
	private String lexed;
	/**
	 * Where the lexer may resume on {@link #lexed}, one point after each token, ascending: the index
	 * in the text, the first loop's two values there, and the highest index looked at before it (an
	 * end of text counts). For a 10,000-policy file, a few megabytes.
	 */
	private int[] resumeAt = new int[0], tokenStart = new int[0], tokenEnd = new int[0], lookedAt = new int[0];
	private int points;

	/** The text's characters, counting the highest index the lexer looks at. */
	private static final class WatchedStream extends ANTLRStringStream {
		int highest = -1;

		WatchedStream(String text) {
			super(text);
		}

		/** Moves to a point without reading up to it (the lines and columns are not needed here). */
		void resume(int index, int highestBefore) {
			p = index;
			highest = highestBefore;
		}

		@Override
		public int LA(int i) {
			if (i > 0)
				highest = Math.max(highest, index() + i - 1);
			return super.LA(i);
		}
	}

	/** The same region as Xtext's; the loops are Xtext's, started at a recorded point. */
	@Override
	public synchronized ITextRegion getTokenRegion(String text, ITextRegion region) {
		if (!Caches.enabled()) {
			lexed = null;
			return super.getTokenRegion(text, region);
		}
		int regionStart = region.getOffset(), regionEnd = region.getEndOffset();
		points = lexed == null ? 0 : valid(commonPrefix(lexed, text), regionStart);
		lexed = text;
		WatchedStream stream = new WatchedStream(text);
		Lexer lexer = lexerProvider.get();
		lexer.setCharStream(stream);
		int currentStart = 0, currentEnd = 0;
		if (points > 0) {
			stream.resume(resumeAt[points - 1], lookedAt[points - 1]);
			currentStart = tokenStart[points - 1];
			currentEnd = tokenEnd[points - 1];
		}
		CommonToken nextToken = (CommonToken) lexer.nextToken();
		while (nextToken != Token.EOF_TOKEN && currentEnd <= regionStart) {
			currentStart = nextToken.getStartIndex();
			currentEnd = nextToken.getStopIndex() + 1;
			record(stream, currentStart, currentEnd);
			nextToken = (CommonToken) lexer.nextToken();
		}
		while (nextToken != Token.EOF_TOKEN && currentEnd < regionEnd) {
			currentEnd = nextToken.getStopIndex() + 1;
			nextToken = (CommonToken) lexer.nextToken();
		}
		if (currentStart != regionStart || currentEnd != regionEnd)
			return new TextRegion(currentStart, currentEnd - currentStart);
		return region;
	}

	/**
	 * How many of the recorded points hold for a text that shares {@code common} first characters
	 * with the last one: those before which the lexer looked at none of the others, and whose first
	 * loop had not yet reached the region.
	 */
	private int valid(int common, int regionStart) {
		int count = 0;
		while (count < points && lookedAt[count] < common && tokenEnd[count] <= regionStart)
			count++;
		return count;
	}

	/** Records the point where the lexer stands, before it lexes the next token. */
	private void record(WatchedStream stream, int currentStart, int currentEnd) {
		if (points == resumeAt.length) {
			int length = Math.max(16, 2 * points);
			resumeAt = Arrays.copyOf(resumeAt, length);
			tokenStart = Arrays.copyOf(tokenStart, length);
			tokenEnd = Arrays.copyOf(tokenEnd, length);
			lookedAt = Arrays.copyOf(lookedAt, length);
		}
		resumeAt[points] = stream.index();
		tokenStart[points] = currentStart;
		tokenEnd[points] = currentEnd;
		lookedAt[points] = stream.highest;
		points++;
	}

	private static int commonPrefix(String a, String b) {
		int length = Math.min(a.length(), b.length());
		for (int i = 0; i < length; i++)
			if (a.charAt(i) != b.charAt(i))
				return i;
		return length;
	}
}
