package org.ipsl.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.util.EObjectValidator;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.AbstractValidationDiagnostic;
import org.eclipse.xtext.validation.CancelableDiagnostician;
import org.eclipse.xtext.validation.CheckMode;
import org.ipsl.ast.Endpoints;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.Selector;

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
	/** The last check of a policy, kept on the policy so that it goes with it. */
	private static final class Checked extends AdapterImpl {
		final String key;
		final List<Diagnostic> diagnostics;
		final boolean valid;

		Checked(String key, List<Diagnostic> diagnostics, boolean valid) {
			this.key = key;
			this.diagnostics = diagnostics;
			this.valid = valid;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Checked.class;
		}
	}

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
		String key = key(policy, context);
		synchronized (policy) {
			Checked last = (Checked) EcoreUtil.getExistingAdapter(policy, Checked.class);
			if (key != null && last != null && last.key.equals(key) && stillIn(policy, last.diagnostics)) {
				last.diagnostics.forEach(diagnostics::add);
				return last.valid;
			}
			BasicDiagnostic own = new BasicDiagnostic();
			boolean valid = validate(policy.eClass(), policy, own, context);
			for (TreeIterator<EObject> i = policy.eAllContents(); i.hasNext();) {
				EObject element = i.next();
				valid &= validate(element.eClass(), element, own, context);
			}
			own.getChildren().forEach(diagnostics::add);
			policy.eAdapters().remove(last);
			if (key != null && own.getChildren().stream().allMatch(AbstractValidationDiagnostic.class::isInstance))
				policy.eAdapters().add(new Checked(key, List.copyOf(own.getChildren()), valid));
			return valid;
		}
	}

	/** What the checks of the policy's elements read: its text, its named ends' families, the mode. */
	private static String key(Policy policy, Map<Object, Object> context) {
		ICompositeNode node = NodeModelUtils.getNode(policy);
		if (node == null)
			return null;
		StringBuilder key = new StringBuilder(node.getText()).append('\u0000').append(context.get(CheckMode.KEY));
		for (Endpoint end : ends(policy))
			if (end instanceof NamedEndpoint)
				key.append('\u0000').append(Endpoints.families(end));
		return key.toString();
	}

	private static List<Endpoint> ends(Policy policy) {
		List<Endpoint> ends = new ArrayList<>(4);
		Selector selector = policy.getSelector();
		if (selector != null) {
			selector.getLocal().forEach(ts -> ends.add(ts.getEnd()));
			selector.getRemote().forEach(ts -> ends.add(ts.getEnd()));
		}
		if (policy.getAction() instanceof ProtectAction protect && protect.getTunnel() != null) {
			ends.add(protect.getTunnel().getLocal());
			ends.add(protect.getTunnel().getRemote());
		}
		return ends;
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
