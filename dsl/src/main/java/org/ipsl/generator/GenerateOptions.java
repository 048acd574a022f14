package org.ipsl.generator;

/**
 * Choices that change what a target writes.
 *
 * @param hpuxRelease the HP-UX IPSec release the HP-UX target writes for
 * @param ikeVersion  1 or 2: the IKE version of the strongSwan target (HP-UX A.02 speaks IKEv1 only)
 */
public record GenerateOptions(HpuxRelease hpuxRelease, int ikeVersion) {
	public static final GenerateOptions DEFAULT = new GenerateOptions(HpuxRelease.DEFAULT, 1);

	public GenerateOptions {
		if (ikeVersion != 1 && ikeVersion != 2)
			throw new IllegalArgumentException("IKE version " + ikeVersion + ": 1 or 2");
	}
}
