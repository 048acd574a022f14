package org.ipsl.generator;

import java.util.Optional;

import org.ipsl.generator.plan.HostPlan;
import org.ipsl.generator.plan.IkePlan;
import org.ipsl.generator.plan.IkePlan.CertificatePlan;
import org.ipsl.generator.plan.IkePlan.ProposalPlan;
import org.ipsl.generator.plan.PolicyPlan;
import org.ipsl.generator.plan.PolicyPlan.ProtectPlan;
import org.ipsl.generator.plan.PolicyPlan.TransformPlan;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IkeVersion;
import org.ipsl.model.StartAction;

/**
 * The constructs that came into the language with strongSwan's configurations and that a target
 * negotiating as HP-UX does (IKEv1 Main or Aggressive Mode, one suite per proposal, the first IKE
 * policy covering the peer, SAs on demand) cannot write: each is reported as {@code
 * target-unsupported} at its place, naming it, for the HP-UX and runtime targets.
 */
public final class StrongswanOnlyConstructs {
	private StrongswanOnlyConstructs() {
	}

	/** Reports every such construct of the host; true when there was one (then the host is not written). */
	public static boolean refuse(HostPlan host, Problems problems, String target) {
		int before = problems.diagnostics().size();
		for (IkePlan ike : host.ikePolicies())
			ike(ike, problems, target);
		for (PolicyPlan policy : host.policies())
			policy(host, policy, problems, target);
		return problems.diagnostics().size() > before;
	}

	private static void ike(IkePlan ike, Problems problems, String target) {
		String of = " of IKE policy " + ike.name();
		if (ike.version() != null && ike.version() != IkeVersion.IKEV1)
			problems.unsupported(ike.versionPlace(), "version " + ike.version().keyword() + of,
					target + " speaks IKEv1 only");
		if (ike.local() != null)
			problems.unsupported(ike.localPlace(), "local" + of,
					target + " runs IKE on every address of the host");
		for (ProposalPlan proposal : ike.proposals())
			if (proposal.suite() == null)
				problems.unsupported(proposal.place(), "proposal " + proposal.keyword() + of,
						target + " offers built-in suites of one encryption, hash and group only");
		if (ike.remoteAuthentication() != null)
			problems.unsupported(ike.remoteAuthentication().place(), "remote-authentication" + of,
					target + " authenticates both ends with the one method of 'authentication'");
		if (ike.authentication() instanceof CertificatePlan c && c.certificate() == null)
			problems.unsupported(c.place(), "certificate without a file" + of,
					target + " needs the host's certificate file");
		identity(ike, ike.localId(), "local-id", problems, target);
		identity(ike, ike.remoteId(), "remote-id", problems, target);
	}

	private static void identity(IkePlan ike, IkeIdentity id, String keyword, Problems problems, String target) {
		if (id == null)
			return;
		String construct = keyword + " " + id + " of IKE policy " + ike.name();
		if (id.kind() == IkeIdentity.Kind.ANY || id.kind() == IkeIdentity.Kind.KEY_ID)
			problems.unsupported(ike.place(), construct, target + " has identities of an address, name or DN only");
		else if (id.isWildcard())
			problems.unsupported(ike.place(), construct, target + " compares identities as written, without wildcards");
	}

	private static void policy(HostPlan host, PolicyPlan policy, Problems problems, String target) {
		if (policy.severalSelectors())
			problems.unsupported(policy.place(),
					"traffic selectors of several protocols or ports in policy " + policy.name(),
					target + " selects one protocol and port pair per policy");
		if (!(policy.action() instanceof ProtectPlan protect))
			return;
		if (protect.tunnel() != null && protect.tunnel().remote() == null)
			problems.unsupported(protect.tunnel().place(), "tunnel to any of policy " + policy.name(),
					target + " needs the tunnel's remote end as one address");
		for (TransformPlan t : protect.transforms())
			if (t.strongswan())
				problems.unsupported(t.place(), "proposal " + t.name() + " of policy " + policy.name(),
						target + " offers built-in transforms only");
		if (protect.ike() != null) {
			Optional<IkePlan> bound = host.ikePolicies().stream().filter(i -> i.name().equals(protect.ike()))
					.findFirst();
			if (bound.isEmpty() || !bound.equals(host.coveringIke(policy)))
				problems.unsupported(protect.ikePlace(), "ike " + protect.ike() + " of policy " + policy.name(),
						target + " negotiates with the first IKE policy whose remote covers the peer, which is "
								+ host.coveringIke(policy).map(i -> "IKE policy " + i.name()).orElse("none"));
		}
		if (protect.start() != null && protect.start() != StartAction.TRAP)
			problems.unsupported(protect.startPlace(), "start " + protect.start().keyword() + " of policy "
					+ policy.name(), target + " negotiates when the first packet asks for it (start trap)");
	}
}
