package org.ipsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
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

	@Override
	public boolean validate(EClass eClass, EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!(object instanceof Policy policy) || diagnostics == null)
			return super.validate(eClass, object, diagnostics, context);
		String key = key(policy, context);
		synchronized (policy) {
			Checked last = (Checked) EcoreUtil.getExistingAdapter(policy, Checked.class);
			if (key != null && last != null && last.key.equals(key) && stillIn(policy, last.diagnostics)) {
				last.diagnostics.forEach(diagnostics::add);
				return last.valid;
			}
			BasicDiagnostic own = new BasicDiagnostic();
			boolean valid = super.validate(eClass, object, own, context);
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
			ends.add(selector.getLocal());
			ends.add(selector.getRemote());
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
