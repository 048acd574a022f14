package org.ipsl.ast;

import java.util.IdentityHashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.Policy;
import org.ipsl.model.Parsed;
import org.ipsl.values.Numbers;

/**
 * Effective priorities of a host's policies and IKE policies. An omitted priority is the previous
 * one's plus 10 (the first gets 10), as HP-UX assigns them; host policies and IKE policies count
 * separately. A policy whose written priority is invalid has none.
 */
public final class Priorities {
	private static final long STEP = 10;

	private Priorities() {
	}

	public static Map<EObject, Long> of(Host host) {
		Map<EObject, Long> result = new IdentityHashMap<>();
		long lastPolicy = 0, lastIke = 0;
		for (HostMember member : host.getMembers()) {
			if (member instanceof Policy policy) {
				Long p = effective(policy.getPriority(), lastPolicy);
				if (p != null) {
					result.put(policy, p);
					lastPolicy = p;
				}
			} else if (member instanceof IkePolicy ike) {
				Long p = effective(ike.getPriority(), lastIke);
				if (p != null) {
					result.put(ike, p);
					lastIke = p;
				}
			}
		}
		return result;
	}

	private static Long effective(String written, long previous) {
		if (written == null)
			return previous + STEP;
		Parsed<Long> parsed = Numbers.priority(written);
		return parsed.ok() ? parsed.value() : null;
	}
}
