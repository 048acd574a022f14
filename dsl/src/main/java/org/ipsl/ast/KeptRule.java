package org.ipsl.ast;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.Selector;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.ipsl.TransformSet;
import org.ipsl.model.Rule;
import org.ipsl.resource.IpslResource;

/**
 * A policy's rule ({@link HostRules#rule}), kept on the policy with what it was built from, so that
 * an edit of a 10,000-policy file does not build every policy's rule again. A rule reads the
 * policy's text and effective priority and, outside the policy, only what its names stand for: the
 * addresses written for the hosts and networks its ends name, the transforms of the transform-sets
 * it names, the manual SA and the IKE policy it names. Those make the key; a rule is given again only for an equal one.
 */
final class KeptRule extends AdapterImpl {
	/** In a key, a name that stands for nothing (no name can be written with this character). */
	private static final String UNKNOWN = "\u0001";

	private final String key;
	private final Optional<Rule> rule;

	private KeptRule(String key, Optional<Rule> rule) {
		this.key = key;
		this.rule = rule;
	}

	@Override
	public boolean isAdapterForType(Object type) {
		return type == KeptRule.class;
	}

	static Optional<Rule> of(Policy policy, long priority) {
		String key = key(policy, priority);
		if (key == null)
			return HostRules.rule(policy, priority);
		synchronized (policy) {
			KeptRule last = (KeptRule) EcoreUtil.getExistingAdapter(policy, KeptRule.class);
			if (last != null && last.key.equals(key))
				return last.rule;
			Optional<Rule> rule = HostRules.rule(policy, priority);
			policy.eAdapters().remove(last);
			policy.eAdapters().add(new KeptRule(key, rule));
			return rule;
		}
	}

	/** The policy's text, its priority and what its names stand for; null for a policy without text. */
	private static String key(Policy policy, long priority) {
		ICompositeNode node = NodeModelUtils.getNode(policy);
		if (node == null)
			return null;
		StringBuilder key = new StringBuilder(node.getText()).append('\u0000').append(priority);
		Selector selector = policy.getSelector();
		if (selector != null) {
			selector.getLocal().forEach(ts -> appendEnd(key, ts.getEnd()));
			selector.getRemote().forEach(ts -> appendEnd(key, ts.getEnd()));
		}
		if (policy.getAction() instanceof ProtectAction protect) {
			if (protect.getTunnel() != null) {
				appendEnd(key, protect.getTunnel().getLocal());
				appendEnd(key, protect.getTunnel().getRemote());
			}
			if (protect.getIke() != null)
				key.append('\u0000').append(protect.getIke().eIsProxy() ? UNKNOWN : protect.getIke().getName());
			if (protect.getManualSa() != null)
				key.append('\u0000').append(protect.getManualSa().eIsProxy() ? UNKNOWN : protect.getManualSa().getName());
			for (TransformRef ref : protect.getTransforms())
				if (namesTransformSet(ref))
					key.append('\u0000').append(HostRules.transforms(List.of(ref), new LinkedHashSet<>()));
		}
		return key.toString();
	}

	/**
	 * Whether a transform reference names a transform-set rather than a built-in transform or
	 * nothing; a link this linking of the file already failed on (every built-in name) is not
	 * resolved again.
	 */
	private static boolean namesTransformSet(TransformRef ref) {
		Object linked = ref.eGet(IpslPackage.Literals.TRANSFORM_REF__REF, false);
		if (linked instanceof EObject proxy && proxy.eIsProxy() && ref.eResource() instanceof IpslResource file
				&& file.isKnownUnresolvable(proxy))
			return false;
		TransformSet set = ref.getRef();
		return set != null && !set.eIsProxy();
	}

	/** The addresses written for a named end, or that the name is unknown. */
	private static void appendEnd(StringBuilder key, Endpoint end) {
		if (end instanceof NamedEndpoint named)
			key.append('\u0000').append(named.getRef() == null || named.getRef().eIsProxy() ? UNKNOWN
					: Endpoints.addressTexts(named.getRef()).toString());
	}
}
