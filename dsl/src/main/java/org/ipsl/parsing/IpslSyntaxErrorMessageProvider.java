package org.ipsl.parsing;

import org.antlr.runtime.RecognitionException;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.UserText;

/** Gives every parse error the stable code {@code syntax}. */
public class IpslSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	/** ANTLR's message, with the token it quotes shortened when long ({@link UserText}). */
	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		String message = context.getDefaultMessage();
		RecognitionException e = context.getRecognitionException();
		if (e != null && e.token != null && e.token.getText() != null)
			message = message.replace("'" + e.token.getText() + "'", UserText.quote(e.token.getText()));
		return new SyntaxErrorMessage(message, DiagnosticCode.SYNTAX.id());
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		return new SyntaxErrorMessage(context.getDefaultMessage(), DiagnosticCode.SYNTAX.id());
	}
}
