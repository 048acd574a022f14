package org.ipsl.generator.plan;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IkeVersion;
import org.ipsl.values.IpAddress;

/**
 * An IKE policy: proposals flattened from named sets in preference order (HP-UX's default suite
 * when none is written), lifetime in seconds (28800 when none is written).
 *
 * @param modePlace           where {@code mode} is written; null when it is not (Main Mode)
 * @param maxQuickModes       {@code max-quick-modes}; null when it is not written
 * @param maxQuickModesPlace  where it is written; null when it is not
 * @param localId             null when not written; so is {@code remoteId}, which may be {@link IkeIdentity#ANY}
 * @param version             null when not written (then the target's default)
 * @param local               the {@code local} addresses; null when not written (every address of the host)
 * @param remoteAuthentication null when not written (as {@code authentication}); a {@link PresharedPlan}
 *                            here holds the secret of {@code authentication} when it names none
 */
public record IkePlan(String name, long priority, Place place, List<IpAddress> remote, List<ProposalPlan> proposals,
		long lifetimeSeconds, AuthPlan authentication, IkeIdentity localId, IkeIdentity remoteId, boolean aggressive,
		Place modePlace, Integer maxQuickModes, Place maxQuickModesPlace, IkeVersion version, Place versionPlace,
		List<IpAddress> local, Place localPlace, AuthPlan remoteAuthentication) {

	/**
	 * One element of the proposal list as written: {@code keyword} is a built-in suite's, a
	 * strongSwan proposal's ({@code aes128-aes256-sha256-x25519}) or {@code default}; {@code suite}
	 * is the built-in suite, null for the other two.
	 */
	public record ProposalPlan(IkeSuite suite, String keyword, Place place) {
	}

	public sealed interface AuthPlan {
		Place place();
	}

	/** The secret as the key daemons take it; read from its file when the policy names one. */
	public record PresharedPlan(String secret, Place place) implements AuthPlan {
		@Override
		public String toString() {
			return "PresharedPlan[" + place + "]";
		}
	}

	/**
	 * Certificate files, each as written (relative to the workspace folder when {@code written} is)
	 * and resolved; {@code ca} and {@code crl} may be null, and so may the certificate, when it is
	 * found by the identity (strongSwan's {@code auth = pubkey} without {@code certs}).
	 */
	public record CertificatePlan(FileRef certificate, FileRef ca, FileRef crl, Place place) implements AuthPlan {
	}

	/** @param workspacePath the path relative to the workspace folder, with {@code /} separators */
	public record FileRef(String workspacePath, Path resolved) {
	}
}
