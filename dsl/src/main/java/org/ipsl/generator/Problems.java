package org.ipsl.generator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ipsl.check.Diagnostic;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.generator.plan.Place;

/**
 * What one target cannot express for one host: {@code target-unsupported} errors, each naming the
 * construct, the host and the target at the construct's place. Any such error means nothing is
 * written for that host.
 */
public final class Problems {
	private final String host;
	private final String target;
	/** A set: two parts of a generator may meet the same construct. */
	private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

	/** @param target how messages name the target, e.g. "HP-UX IPSec A.02.00" */
	public Problems(String host, String target) {
		this.host = host;
		this.target = target;
	}

	/**
	 * @param construct what is written, e.g. "transform esp-aes128-gcm16"
	 * @param reason    why the target cannot express it
	 */
	public void unsupported(Place place, String construct, String reason) {
		diagnostics.add(place.error(DiagnosticCode.TARGET_UNSUPPORTED, construct + " cannot be generated for " + target
				+ " (host " + host + "): " + reason));
	}

	public boolean any() {
		return !diagnostics.isEmpty();
	}

	public List<Diagnostic> diagnostics() {
		return List.copyOf(diagnostics);
	}
}
