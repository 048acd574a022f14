package org.ipsl.ide.codeactions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.eclipse.emf.ecore.resource.Resource;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.ipsl.diagnostics.DiagnosticCode;

/** Quick fixes, keyed on the diagnostic's code. */
public class IpslCodeActionService implements ICodeActionService2 {
	private static final Map<DiagnosticCode, QuickFix> FIXES = new EnumMap<>(Map.of(
			DiagnosticCode.WEAK_KEY, KeyFixes::freshKey,
			DiagnosticCode.KEY_LENGTH, KeyFixes::freshKey,
			DiagnosticCode.LOW_ENTROPY_KEY, KeyFixes::freshKey,
			DiagnosticCode.SPI_RESERVED, KeyFixes::freeSpi,
			DiagnosticCode.SPI_IN_DYNAMIC_RANGE, KeyFixes::freeSpi,
			DiagnosticCode.SPI_DUPLICATE, KeyFixes::freeSpi,
			DiagnosticCode.POLICY_SHADOWED, OrderFixes::moveAbove,
			DiagnosticCode.POLICY_REDUNDANT, OrderFixes::remove));

	/** The codes that have a quick fix (their documentation says which). */
	public static Set<DiagnosticCode> fixedCodes() {
		return Collections.unmodifiableSet(FIXES.keySet());
	}

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
			QuickFix fix = DiagnosticCode.byId(code).map(FIXES::get).orElse(null);
			if (fix != null)
				fix.fixes(new QuickFix.Context(diagnostic, xtext, document, options.getURI()))
						.forEach(action -> actions.add(Either.forRight(action)));
		}
		return actions;
	}
}
