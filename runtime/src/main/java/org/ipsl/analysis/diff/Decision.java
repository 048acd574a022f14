package org.ipsl.analysis.diff;

import java.util.OptionalLong;

import org.ipsl.model.Action;
import org.ipsl.model.Rule;

/**
 * What decides some packets on a host and what it does with them: a policy (its name and
 * priority) or the {@code default} policy (no priority), and its action with everything that
 * protects them (transforms, tunnel endpoints, PFS group, manual SA).
 */
public record Decision(String policy, OptionalLong priority, Action action) {

	/** The name a decision of the {@code default} policy carries. */
	public static final String DEFAULT = "default";

	static Decision of(Rule rule) {
		return new Decision(rule.name(), OptionalLong.of(rule.priority()), rule.action());
	}

	static Decision byDefault(Action action) {
		return new Decision(DEFAULT, OptionalLong.empty(), action);
	}

	public boolean isDefault() {
		return priority.isEmpty();
	}

	/** "`sites` (priority 20): protected with esp-aes128-hmac-sha1", "the default policy: passed in clear". */
	public String describe() {
		String who = isDefault() ? "the default policy" : "`" + policy + "` (priority " + priority.getAsLong() + ")";
		return who + ": " + action.outcome();
	}
}
