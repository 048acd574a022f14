package org.ipsl.parsing;

import org.eclipse.xtext.parser.antlr.XtextTokenStream;
import org.ipsl.parser.antlr.IpslParser;
import org.ipsl.parser.antlr.internal.InternalIpslParser;

/** The language's parser, with the block-aware recovery of {@link RecoveringInternalParser}. */
public class RecoveringParser extends IpslParser {

	@Override
	protected InternalIpslParser createParser(XtextTokenStream stream) {
		return new RecoveringInternalParser(stream, getGrammarAccess());
	}
}
