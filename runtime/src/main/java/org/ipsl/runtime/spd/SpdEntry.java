package org.ipsl.runtime.spd;

import java.util.Objects;
import org.ipsl.model.Selector;
import org.ipsl.runtime.config.Policy;

/**
 * One active policy of a host's SPD, as {@code ipsec_report -host} lists it.
 *
 * @param cookie   what links cache entries to the policy ({@code Cookie:} in the reports); the
 *                 default policy is 1, the others follow in priority order from 2
 * @param priority lower first; the default policy shows as 0 and is searched last
 * @param selector written from the host's side
 * @param action   as {@code runtime.json} gives it: pass, discard, or protect with dynamic keys
 *                 (transforms) or a manual SA
 */
public record SpdEntry(int cookie, String name, long priority, Selector selector, Policy.Action action) {

	/** The cookie of the built-in default policy, as HP-UX reports it. */
	public static final int DEFAULT_COOKIE = 1;
	public static final String DEFAULT_NAME = "default";

	public SpdEntry {
		Objects.requireNonNull(name);
		Objects.requireNonNull(selector);
		Objects.requireNonNull(action);
	}

	/** The built-in last policy: every packet, passed or discarded. */
	public static SpdEntry defaultPolicy(boolean pass) {
		return new SpdEntry(DEFAULT_COOKIE, DEFAULT_NAME, 0, Selector.ALL, new Policy.Action(
				pass ? Policy.Action.Type.PASS : Policy.Action.Type.DISCARD, null, null, null, null));
	}

	public boolean isDefault() {
		return cookie == DEFAULT_COOKIE;
	}

	public boolean protects() {
		return action.type() == Policy.Action.Type.PROTECT;
	}

	/** Protection by a manual SA (as opposed to dynamic keys through IKE). */
	public boolean isManual() {
		return action.manualSa() != null;
	}

	/** The {@code Action:} of {@code ipsec_report -host}: Pass, Discard, Manual key SA or Dynamic key SA. */
	public String hostReportAction() {
		return switch (action.type()) {
			case PASS -> "Pass";
			case DISCARD -> "Discard";
			case PROTECT -> isManual() ? "Manual key SA" : "Dynamic key SA";
		};
	}

	/** The {@code Action:} of {@code ipsec_report -cache}: Secure, Pass or Discard. */
	public String cacheReportAction() {
		return switch (action.type()) {
			case PASS -> "Pass";
			case DISCARD -> "Discard";
			case PROTECT -> "Secure";
		};
	}

	/** "`web` (priority 10)", how audit lines and messages name the policy. */
	public String reference() {
		return "`" + name + "` (priority " + priority + ")";
	}
}
