package org.ipsl.incremental;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.AbstractValidationDiagnostic;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.eclipse.xtext.validation.CheckMode;
import org.ipsl.ast.Endpoints;
import org.ipsl.ipsl.Policy;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Xtext's walk of a file for the checks, which gives a policy whose text and whose named ends did
 * not change since its last check the diagnostics that check gave, without walking it again: each
 * edit of a 10,000-policy file otherwise checks every element of every policy.
 * <p>
 * The checks of a policy's elements (IpslValidator's values, names, families) read its text and,
 * outside it, only the address families of the hosts and networks its ends name: those, the text
 * and the check mode are what a result is kept for. The host's checks (ordering, peers, priorities)
 * run on the host and are not kept. A result whose diagnostics are on elements no longer in the
 * policy (an edit replaced them, then restored the text) is not used.
 */
@Singleton
public class IpslDiagnostician extends CancelableDiagnostician {
	/** A policy's last check: its diagnostics and whether it was valid. */
	private record Checked(List<Diagnostic> diagnostics, boolean valid) {
	}

	private static final Memo<Checked> CHECKS = new Memo<>();

	@Inject
	public IpslDiagnostician(EValidator.Registry registry) {
		super(registry);
	}

	/**
	 * EMF's walk of the contents (without recursion, as Xtext asks), except that a policy and its
	 * elements are checked as one, or given their last check's diagnostics.
	 */
	@Override
	public boolean validate(EObject root, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (diagnostics == null || isValidateContentsRecursively()
				|| Boolean.TRUE.equals(context.get(VALIDATE_RECURSIVELY)))
			return super.validate(root, diagnostics, context);
		Object recursively = context.put(VALIDATE_RECURSIVELY, Boolean.FALSE);
		try {
			boolean valid = true;
			for (TreeIterator<EObject> i = EcoreUtil.getAllContents(Collections.singleton(root)); i.hasNext();) {
				EObject object = i.next();
				if (object instanceof Policy policy) {
					valid &= validatePolicy(policy, diagnostics, context);
					i.prune();
				} else {
					valid &= validate(object.eClass(), object, diagnostics, context);
					if (context.get(EObjectValidator.ROOT_OBJECT) == object)
						i.prune();
				}
			}
			return valid;
		} finally {
			context.put(VALIDATE_RECURSIVELY, recursively);
		}
	}

	private boolean validatePolicy(Policy policy, DiagnosticChain diagnostics, Map<Object, Object> context) {
		checkCanceled(context);
		Checked checked = CHECKS.get(policy, key(policy, context), last -> stillIn(policy, last.diagnostics),
				() -> check(policy, context), IpslDiagnostician::keepable);
		checked.diagnostics.forEach(diagnostics::add);
		return checked.valid;
	}

	private Checked check(Policy policy, Map<Object, Object> context) {
		BasicDiagnostic own = new BasicDiagnostic();
		boolean valid = validate(policy.eClass(), policy, own, context);
		for (TreeIterator<EObject> i = policy.eAllContents(); i.hasNext();) {
			EObject element = i.next();
			valid &= validate(element.eClass(), element, own, context);
		}
		return new Checked(List.copyOf(own.getChildren()), valid);
	}

	/** Only diagnostics of the checks, which name the object they are on, can be checked for {@link #stillIn}. */
	private static boolean keepable(Checked checked) {
		return checked.diagnostics.stream().allMatch(AbstractValidationDiagnostic.class::isInstance);
	}

	/** What the checks of the policy's elements read: its text, the mode, its named ends' families. */
	private static Memo.Key key(Policy policy, Map<Object, Object> context) {
		return Memo.Key.of(policy).and(context.get(CheckMode.KEY)).andNamed(Endpoints.ofPolicy(policy),
				Endpoints::families);
	}

	private static boolean stillIn(Policy policy, List<Diagnostic> diagnostics) {
		for (Diagnostic diagnostic : diagnostics) {
			EObject source = ((AbstractValidationDiagnostic) diagnostic).getSourceEObject();
			if (source != policy && !EcoreUtil.isAncestor(policy, source))
				return false;
		}
		return true;
	}
}
