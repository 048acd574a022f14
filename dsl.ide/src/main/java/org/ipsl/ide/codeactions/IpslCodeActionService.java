package org.ipsl.ide.codeactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.eclipse.emf.ecore.resource.Resource;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.ipsl.validation.Codes;

/** Quick fixes, keyed on the diagnostic's code. */
public class IpslCodeActionService implements ICodeActionService2 {
	private static final Map<String, QuickFix> FIXES = Map.of(
			Codes.WEAK_KEY, KeyFixes::freshKey,
			Codes.KEY_LENGTH, KeyFixes::freshKey,
			Codes.LOW_ENTROPY_KEY, KeyFixes::freshKey,
			Codes.SPI_RESERVED, KeyFixes::freeSpi,
			Codes.SPI_IN_DYNAMIC_RANGE, KeyFixes::freeSpi,
			Codes.SPI_DUPLICATE, KeyFixes::freeSpi,
			Codes.POLICY_SHADOWED, OrderFixes::moveAbove,
			Codes.POLICY_REDUNDANT, OrderFixes::remove);

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		// Xtext 2.41 passes neither the document nor the resource: read them through the server.
		try {
			return options.getLanguageServerAccess()
					.doRead(options.getURI(), context -> actions(options, context.getResource(), context.getDocument()))
					.get();
		} catch (ExecutionException e) {
			throw new IllegalStateException("quick fixes of " + options.getURI(), e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	private static List<Either<Command, CodeAction>> actions(Options options, Resource resource, Document document) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null)
			return actions;
		for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
			String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
			QuickFix fix = code == null ? null : FIXES.get(code);
			if (fix != null)
				fix.fixes(new QuickFix.Context(diagnostic, xtext, document, options.getURI()))
						.forEach(action -> actions.add(Either.forRight(action)));
		}
		return actions;
	}
}
