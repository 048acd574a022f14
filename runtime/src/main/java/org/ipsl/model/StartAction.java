package org.ipsl.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * When a protecting policy's SAs are negotiated (strongSwan's {@code start_action}): at once
 * ({@code initiate}), on the first packet the policy takes ({@code trap}, the default), or only
 * when the peer starts ({@code none}).
 */
public enum StartAction {
	INITIATE("initiate", "start"), TRAP("trap", "trap"), NONE("none", "none");

	private final String languageName;
	private final String strongswanName;

	StartAction(String languageName, String strongswanName) {
		this.languageName = languageName;
		this.strongswanName = strongswanName;
	}

	public String languageName() {
		return languageName;
	}

	/** swanctl.conf's {@code start_action} value. */
	public String strongswanName() {
		return strongswanName;
	}

	public static Optional<StartAction> byLanguageName(String name) {
		return Arrays.stream(values()).filter(a -> a.languageName.equals(name)).findFirst();
	}
}
