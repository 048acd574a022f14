package org.ipsl.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.antlr.runtime.BitSet;
import org.antlr.runtime.IntStream;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.Model;
import org.ipsl.parser.antlr.internal.InternalIpslParser;
import org.ipsl.services.IpslGrammarAccess;

/**
 * The generated parser, with a recovery that keeps a block's mistakes inside the block.
 * <p>
 * ANTLR's own recovery skips to a token that may follow the failing rule; for a policy that is
 * also the host's closing brace, so the policy's own {@code }} closed the host and every later
 * member of the host was lost. Here a rule that has opened a block skips to the brace that closes
 * it, or stops before the keyword that starts the next member (a closing brace is missing). A host
 * that meets a token no member starts with skips it and goes on with its next member.
 */
public class RecoveringInternalParser extends InternalIpslParser {
	private final IpslGrammarAccess grammar;
	private final int open, close, hostKeyword, eof = Token.EOF;
	/** The keywords a host member or a declaration starts with. */
	private final Set<Integer> memberStarts, declarationStarts;
	/** What may follow a host member (another member or the host's closing brace), a declaration. */
	private final BitSet afterMember = new BitSet(), afterDeclaration = new BitSet();
	/** The first token of each rule being parsed, by the depth of its follow set; -1 for none. */
	private int[] ruleStarts = new int[0];

	public RecoveringInternalParser(TokenStream input, IpslGrammarAccess grammar) {
		super(input, grammar);
		this.grammar = grammar;
		List<String> names = Arrays.asList(getTokenNames());
		open = names.indexOf("'{'");
		close = names.indexOf("'}'");
		hostKeyword = names.indexOf("'host'");
		memberStarts = tokenTypes(names, firstKeywords(grammar.getHostMemberRule()));
		declarationStarts = tokenTypes(names, firstKeywords(grammar.getDeclarationRule()));
		memberStarts.forEach(afterMember::add);
		afterMember.add(close);
		declarationStarts.forEach(afterDeclaration::add);
		afterDeclaration.add(Token.EOR_TOKEN_TYPE); // as the generated follow sets mark the end of the file
	}

	@Override
	protected void enterRule() {
		super.enterRule();
		int depth = state._fsp + 1;
		if (depth >= ruleStarts.length) {
			int length = ruleStarts.length;
			ruleStarts = Arrays.copyOf(ruleStarts, Math.max(16, depth * 2));
			Arrays.fill(ruleStarts, length, ruleStarts.length, -1);
		}
		ruleStarts[depth] = input.LT(1) == null ? input.index() : input.LT(1).getTokenIndex();
	}

	@Override
	public void recover(IntStream stream, RecognitionException e) {
		int depth = state._fsp + 1;
		if (depth == 0 && getCurrentNode().getSemanticElement() instanceof Model model) {
			// The declarations stopped at a token none starts with: skip it, go on with the next one.
			report(e);
			skipTo(Set.of(), declarationStarts);
			continueModel(model);
			return;
		}
		int start = depth > 0 && depth < ruleStarts.length ? ruleStarts[depth] : -1;
		if (start < 0 || start > input.index() || unclosedBraces(start) <= 0) {
			super.recover(stream, e);
			return;
		}
		report(e);
		boolean closed = skipTo(memberStarts, declarationStarts);
		if (!closed && input.get(start).getType() == hostKeyword
				&& getCurrentNode().getSemanticElement() instanceof Host host)
			continueHost(host);
	}

	/**
	 * ANTLR takes a stray token after the declarations for a missing end of file and ignores the
	 * rest; the recovery above goes on with the next declaration instead.
	 */
	@Override
	protected Object recoverFromMismatchedToken(IntStream stream, int type, BitSet follow) throws RecognitionException {
		if (type == eof && getCurrentNode().getSemanticElement() instanceof Model)
			throw new MismatchedTokenException(type, input);
		return super.recoverFromMismatchedToken(stream, type, follow);
	}

	/** As Xtext's own recovery: the first error since the last recovery is the one shown. */
	private void report(RecognitionException e) {
		state.errorRecovery = false;
		reportError(e);
	}

	/** '{' minus '}' among the tokens from {@code start} to the current one. */
	private int unclosedBraces(int start) {
		int unclosed = 0;
		for (int i = start; i < input.index(); i++) {
			int type = input.get(i).getType();
			if (type == open)
				unclosed++;
			else if (type == close)
				unclosed--;
		}
		return unclosed;
	}

	/**
	 * Skips to the brace that closes the current block and consumes it (true), or stops before one
	 * of the keywords outside any block it skips, or at the end (false).
	 */
	private boolean skipTo(Set<Integer> keywords, Set<Integer> moreKeywords) {
		int nested = 0;
		while (true) {
			int type = input.LA(1);
			if (type == eof || nested == 0 && (keywords.contains(type) || moreKeywords.contains(type)))
				return false;
			input.consume();
			if (type == open)
				nested++;
			else if (type == close && nested-- == 0)
				return true;
		}
	}

	/**
	 * Parses the rest of a host whose member loop stopped at a token no member starts with, as the
	 * generated rule would have: members, then the closing brace. Each further stray run of tokens
	 * is one more syntax error.
	 */
	private void continueHost(Host host) {
		continueList(new ListRule(host, "members", "org.ipsl.Ipsl.HostMember",
				grammar.getHostAccess().getMembersHostMemberParserRuleCall_3_0(), this::ruleHostMember, memberStarts,
				afterMember), declarationStarts);
	}

	/** Parses the rest of the file's declarations, each stray run of tokens between them one syntax error. */
	private void continueModel(Model model) {
		continueList(new ListRule(model, "declarations", "org.ipsl.Ipsl.Declaration",
				grammar.getModelAccess().getDeclarationsDeclarationParserRuleCall_1_0(), this::ruleDeclaration,
				declarationStarts, afterDeclaration), Set.of());
	}

	/** A list of a rule's elements: where they go, how one is parsed, what starts and follows one. */
	private record ListRule(EObject container, String feature, String elementRule, RuleCall call, Rule rule,
			Set<Integer> starts, BitSet follow) {
	}

	/**
	 * Elements until the host's closing brace (consumed as the host's), a keyword of {@code outer}
	 * or the end; each stray run of tokens before an element is skipped as one more syntax error.
	 */
	private void continueList(ListRule list, Set<Integer> outer) {
		appendSkippedTokens();
		while (true) {
			int type = input.LA(1);
			if (list.starts().contains(type)) {
				newCompositeNode(list.call());
				EObject element = parse(list.rule(), list.follow());
				if (element != null)
					add(list.container(), list.feature(), element, list.elementRule());
				afterParserOrEnumRuleCall();
			} else if (type == close && list.container() instanceof Host) {
				Token brace = input.LT(1);
				input.consume();
				newLeafNode(brace, grammar.getHostAccess().getRightCurlyBracketKeyword_4());
				return;
			} else if (type == eof || outer.contains(type)) {
				return;
			} else {
				report(new MismatchedTokenException(list.container() instanceof Host ? close : eof, input));
				boolean closed = skipTo(list.starts(), outer);
				appendSkippedTokens();
				if (closed && list.container() instanceof Host)
					return;
			}
		}
	}

	private interface Rule {
		EObject parse() throws RecognitionException;
	}

	/** A rule called as the generated parser calls it, with what may follow it. */
	private EObject parse(Rule rule, BitSet follow) {
		pushFollow(follow);
		try {
			return rule.parse();
		} catch (RecognitionException e) {
			return null; // declared, but every rule recovers inside itself
		} finally {
			state._fsp--;
		}
	}

	private static Set<Integer> tokenTypes(List<String> names, Set<String> keywords) {
		Set<Integer> types = new HashSet<>();
		for (String keyword : keywords) {
			int type = names.indexOf("'" + keyword + "'");
			if (type >= 0)
				types.add(type);
		}
		return types;
	}

	/** The keywords a rule's text can start with. */
	static Set<String> firstKeywords(AbstractRule rule) {
		Set<String> keywords = new HashSet<>();
		collectFirst(rule.getAlternatives(), keywords, new ArrayList<>());
		return keywords;
	}

	private static void collectFirst(AbstractElement element, Set<String> keywords, List<AbstractRule> visiting) {
		if (element instanceof Keyword keyword)
			keywords.add(keyword.getValue());
		else if (element instanceof Alternatives alternatives)
			alternatives.getElements().forEach(e -> collectFirst(e, keywords, visiting));
		else if (element instanceof Group group && !group.getElements().isEmpty())
			collectFirst(group.getElements().get(0), keywords, visiting);
		else if (element instanceof RuleCall call && call.getRule() instanceof ParserRule called
				&& !visiting.contains(called)) {
			visiting.add(called);
			collectFirst(called.getAlternatives(), keywords, visiting);
			visiting.remove(called);
		}
	}
}
