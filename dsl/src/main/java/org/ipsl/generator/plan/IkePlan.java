package org.ipsl.generator.plan;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.IpAddress;
import org.ipsl.runtime.config.IkePolicy.Identity;

/**
 * An IKE policy: proposals flattened from named sets in preference order (HP-UX's default suite
 * when none is written), lifetime in seconds (28800 when none is written).
 *
 * @param modePlace           where {@code mode} is written; null when it is not (Main Mode)
 * @param maxQuickModes       {@code max-quick-modes}; null when it is not written
 * @param maxQuickModesPlace  where it is written; null when it is not
 */
public record IkePlan(String name, long priority, Place place, List<IpAddress> remote, List<ProposalPlan> proposals,
		long lifetimeSeconds, AuthPlan authentication, Identity localId, Identity remoteId, boolean aggressive,
		Place modePlace, Integer maxQuickModes, Place maxQuickModesPlace) {

	public record ProposalPlan(IkeSuite suite, Place place) {
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
	 * and resolved; {@code ca} and {@code crl} may be null.
	 */
	public record CertificatePlan(FileRef certificate, FileRef ca, FileRef crl, Place place) implements AuthPlan {
	}

	/** @param workspacePath the path relative to the workspace folder, with {@code /} separators */
	public record FileRef(String workspacePath, Path resolved) {
	}
}
