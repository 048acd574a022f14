package org.ipsl.generator;

import java.util.Arrays;
import java.util.Optional;

/** The HP-UX IPSec releases the HP-UX target writes for; what each can express is the hpux package's. */
public enum HpuxRelease {
	A_02_00("A.02.00"),
	A_02_01("A.02.01"),
	A_03_00("A.03.00");

	public static final HpuxRelease DEFAULT = A_02_00;

	private final String label;

	HpuxRelease(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<HpuxRelease> byLabel(String label) {
		return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
	}

	@Override
	public String toString() {
		return label;
	}
}
