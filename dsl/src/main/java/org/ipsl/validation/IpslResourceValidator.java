package org.ipsl.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.ipsl.ast.SyntaxErrors;
import org.ipsl.check.FileAccess;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.resource.NotUtf8;

/**
 * Xtext's validation of a file, where one mistake gives one diagnostic. After a syntax error, what
 * the parser made of the text around it is a guess: a linking or check diagnostic on the error's
 * tokens, or anywhere inside the policy, IKE policy, manual SA or declaration that holds the error
 * (a line the parser skipped makes another look missing), is not shown; the syntax error is. A
 * file that is not UTF-8 gets its own error at the first such byte, not also the parser's.
 */
public class IpslResourceValidator extends ResourceValidatorImpl {
	private static final String SYNTAX = DiagnosticCode.SYNTAX.id();

	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator cancel)
			throws OperationCanceledError {
		if (FileAccess.isRestricted(resource.getResourceSet())) {
			// A workspace the user does not trust: its syntax and names only, no check that reads a file.
			List<Issue> issues = new ArrayList<>();
			collectResourceDiagnostics(resource, cancel, createAcceptor(issues));
			return issues;
		}
		List<Issue> issues = super.validate(resource, mode, cancel);
		List<Issue> syntax = issues.stream().filter(i -> SYNTAX.equals(i.getCode())).toList();
		if (syntax.isEmpty())
			return issues;
		// The parser's error on a character that was not UTF-8 repeats the file's own error there.
		List<Integer> notUtf8 = resource.getErrors().stream().filter(NotUtf8.class::isInstance)
				.map(e -> ((NotUtf8) e).getOffset()).toList();
		List<Issue> kept = new ArrayList<>(issues.size());
		for (Issue issue : issues)
			if (SYNTAX.equals(issue.getCode())
					? issue.getMessage().startsWith(NotUtf8.MESSAGE) || !notUtf8.contains(issue.getOffset())
					: syntax.stream().noneMatch(s -> overlap(s, issue)) && !inBrokenElement(resource, issue))
				kept.add(issue);
		return kept;
	}

	private static boolean overlap(Issue a, Issue b) {
		if (a.getOffset() == null || b.getOffset() == null)
			return false;
		int aEnd = a.getOffset() + Math.max(1, a.getLength() == null ? 0 : a.getLength());
		int bEnd = b.getOffset() + Math.max(1, b.getLength() == null ? 0 : b.getLength());
		return a.getOffset() < bEnd && b.getOffset() < aEnd;
	}

	private static boolean inBrokenElement(Resource resource, Issue issue) {
		if (issue.getUriToProblem() == null || !resource.getURI().equals(issue.getUriToProblem().trimFragment()))
			return false;
		for (EObject object = resource.getEObject(issue.getUriToProblem().fragment()); object != null; object = object
				.eContainer())
			if (!(object instanceof Host) && (object instanceof HostMember || object instanceof Declaration))
				return SyntaxErrors.inside(object);
		return false;
	}
}
