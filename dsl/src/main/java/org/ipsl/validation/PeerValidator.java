package org.ipsl.validation;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.ipsl.check.PeerWorkspace;
import org.ipsl.check.RelatedData;
import org.ipsl.ipsl.Host;

import com.google.inject.Inject;

/**
 * Mismatches between a host and its peers (docs/diagnostics.md, "Between peers"). The workspace is
 * analysed once ({@link PeerWorkspace}); each host gets the findings that start on it, each with
 * the peer's lines as related places. Other files are read, so this is a NORMAL check, not FAST.
 */
public class PeerValidator extends FindingReporter {

	@Inject
	private PeerWorkspace workspace;

	@Check(CheckType.NORMAL)
	public void peers(Host host) {
		if (host.eResource() == null || host.eResource().getResourceSet() == null)
			return;
		for (PeerWorkspace.Located located : workspace.of(host.eResource().getResourceSet()).findingsOn(host)) {
			String[] related = located.related().stream()
					.map(r -> RelatedData.encode(r.location().object(), r.message())).toArray(String[]::new);
			report(located.finding().finding(), located.location().object(), located.location().feature(), related);
		}
	}
}
