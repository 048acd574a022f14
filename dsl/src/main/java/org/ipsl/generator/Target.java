package org.ipsl.generator;

import java.util.Optional;

import org.ipsl.catalog.Keyword;

/** What {@code ipsl generate --target} writes, and the file names each target writes per host. */
public enum Target implements Keyword {
	HPUX("hpux", "HP-UX"), STRONGSWAN("strongswan", "strongSwan"), XFRM("xfrm", "Linux"), RUNTIME("runtime", "runtime");

	private final String keyword;
	private final String label;

	Target(String keyword, String label) {
		this.keyword = keyword;
		this.label = label;
	}

	/** As written on the command line and in the LSP command's arguments. */
	@Override
	public String keyword() {
		return keyword;
	}

	/** As shown to users, e.g. in the editor's code lens. */
	public String label() {
		return label;
	}

	public static Optional<Target> byKeyword(String keyword) {
		return Keyword.lookup(Target.class, keyword);
	}
}
