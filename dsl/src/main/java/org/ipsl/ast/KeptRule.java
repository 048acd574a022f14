package org.ipsl.ast;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.ipsl.incremental.IncrementalResource;
import org.ipsl.incremental.Memo;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.ipsl.TransformSet;
import org.ipsl.model.Rule;

/**
 * A policy's rule ({@link HostRules#rule}), kept on the policy with what it was built from, so that
 * an edit of a 10,000-policy file does not build every policy's rule again. A rule reads the
 * policy's text and effective priority and, outside the policy, only what its names stand for: the
 * addresses written for the hosts and networks its ends name, the transforms of the transform-sets
 * it names, the manual SA and the IKE policy it names. Those make the key; a rule is given again
 * only for an equal one.
 */
final class KeptRule {
	/** In a key, a name that stands for nothing (no name can be written with this character). */
	private static final String UNKNOWN = "\u0001";

	private static final Memo<Optional<Rule>> RULES = new Memo<>();

	private KeptRule() {
	}

	static Optional<Rule> of(Policy policy, long priority) {
		return RULES.get(policy, key(policy, priority), () -> HostRules.rule(policy, priority));
	}

	/** The policy's text, its priority and what its names stand for. */
	private static Memo.Key key(Policy policy, long priority) {
		Memo.Key key = Memo.Key.of(policy).and(priority).andNamed(Endpoints.ofPolicy(policy), KeptRule::addresses);
		if (policy.getAction() instanceof ProtectAction protect) {
			if (protect.getIke() != null)
				key.and(protect.getIke().eIsProxy() ? UNKNOWN : protect.getIke().getName());
			if (protect.getManualSa() != null)
				key.and(protect.getManualSa().eIsProxy() ? UNKNOWN : protect.getManualSa().getName());
			for (TransformRef ref : protect.getTransforms())
				if (namesTransformSet(ref))
					key.and(HostRules.transforms(List.of(ref), new LinkedHashSet<>()));
		}
		return key;
	}

	/** The addresses written for a named end, or that the name is unknown. */
	private static String addresses(NamedEndpoint named) {
		return named.getRef() == null || named.getRef().eIsProxy()
				? UNKNOWN
				: Endpoints.addressTexts(named.getRef()).toString();
	}

	/**
	 * Whether a transform reference names a transform-set rather than a built-in transform or
	 * nothing; a link this linking of the file already failed on (every built-in name) is not
	 * resolved again.
	 */
	private static boolean namesTransformSet(TransformRef ref) {
		Object linked = ref.eGet(IpslPackage.Literals.TRANSFORM_REF__REF, false);
		if (linked instanceof EObject proxy && proxy.eIsProxy() && ref.eResource() instanceof IncrementalResource file
				&& file.isKnownUnresolvable(proxy))
			return false;
		TransformSet set = ref.getRef();
		return set != null && !set.eIsProxy();
	}
}
