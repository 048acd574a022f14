package org.ipsl.runtime.spd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ipsl.model.Selector;
import org.ipsl.runtime.sad.Direction;

/**
 * The SPD of one host: its policies in priority order and the default policy after them. A
 * lookup finds the first policy whose selector selects the flow, outbound as written and inbound
 * mirrored; the classifier does the search, and the plain linear scan stays available as the
 * reference it is tested against. Immutable; lookups are safe from any thread.
 */
public final class SecurityPolicyDatabase {

	private final List<SpdEntry> policies;
	private final SpdEntry defaultPolicy;
	private final PolicyClassifier classifier;
	private final LinearScan linear;

	/**
	 * @param policies      in priority order, lowest number first; cookies and priorities unique
	 * @param classifier    builds the classifier the lookups use from the selectors in order
	 */
	public SecurityPolicyDatabase(List<SpdEntry> policies, SpdEntry defaultPolicy,
			Function<List<Selector>, PolicyClassifier> classifier) {
		for (int i = 1; i < policies.size(); i++) {
			if (policies.get(i - 1).priority() >= policies.get(i).priority()) {
				throw new IllegalArgumentException("policies not in strictly ascending priority order at "
						+ policies.get(i).reference());
			}
		}
		this.policies = List.copyOf(policies);
		this.defaultPolicy = defaultPolicy;
		List<Selector> selectors = this.policies.stream().map(SpdEntry::selector).toList();
		this.classifier = classifier.apply(selectors);
		this.linear = new LinearScan(selectors);
	}

	/** An SPD searched by the {@link DecisionTree}. */
	public static SecurityPolicyDatabase of(List<SpdEntry> policies, SpdEntry defaultPolicy) {
		return new SecurityPolicyDatabase(policies, defaultPolicy, DecisionTree::new);
	}

	/** The policy that decides the flow: the first that selects it, else the default policy. */
	public SpdEntry lookup(Flow flow, Direction direction) {
		int position = classifier.firstMatch(flow, direction);
		return position < 0 ? defaultPolicy : policies.get(position);
	}

	/** {@link #lookup} by the linear scan: slow, and the definition the classifier must agree with. */
	public SpdEntry lookupLinear(Flow flow, Direction direction) {
		int position = linear.firstMatch(flow, direction);
		return position < 0 ? defaultPolicy : policies.get(position);
	}

	/** The policies in search order, the default policy last. */
	public List<SpdEntry> entries() {
		List<SpdEntry> all = new ArrayList<>(policies);
		all.add(defaultPolicy);
		return all;
	}

	public SpdEntry defaultPolicy() {
		return defaultPolicy;
	}
}
