package org.ipsl.model;

import java.util.Optional;

import org.ipsl.catalog.Keyword;

/**
 * When a protecting policy's SAs are negotiated (strongSwan's {@code start_action}): at once
 * ({@code initiate}), on the first packet the policy takes ({@code trap}, the default), or only
 * when the peer starts ({@code none}).
 */
public enum StartAction implements Keyword {
	INITIATE("initiate", "start"), TRAP("trap", "trap"), NONE("none", "none");

	private final String keyword;
	private final String strongswanName;

	StartAction(String keyword, String strongswanName) {
		this.keyword = keyword;
		this.strongswanName = strongswanName;
	}

	@Override
	public String keyword() {
		return keyword;
	}

	/** swanctl.conf's {@code start_action} value. */
	public String strongswanName() {
		return strongswanName;
	}

	public static Optional<StartAction> byKeyword(String name) {
		return Keyword.lookup(StartAction.class, name);
	}
}
