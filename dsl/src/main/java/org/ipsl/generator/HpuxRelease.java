package org.ipsl.generator;

import java.util.Optional;

import org.ipsl.catalog.Keyword;

/** The HP-UX IPSec releases the HP-UX target writes for; what each can express is the hpux package's. */
public enum HpuxRelease implements Keyword {
	A_02_00("A.02.00"), A_02_01("A.02.01"), A_03_00("A.03.00");

	public static final HpuxRelease DEFAULT = A_02_00;

	private final String label;

	HpuxRelease(String label) {
		this.label = label;
	}

	/** As written after {@code --release}: the release's own name. */
	@Override
	public String keyword() {
		return label;
	}

	public static Optional<HpuxRelease> byKeyword(String keyword) {
		return Keyword.lookup(HpuxRelease.class, keyword);
	}

	@Override
	public String toString() {
		return label;
	}
}
