package org.ipsl.generator.plan;

import java.util.List;
import java.util.Optional;

import org.ipsl.analysis.keys.SpiCheck.SpiRange;
import org.ipsl.model.IpAddress;
import org.ipsl.runtime.config.AuditLevel;
import org.ipsl.runtime.config.DefaultAction;

/**
 * One host of a workspace with every name resolved and every value read: what each target's
 * generator writes out. Policies and IKE policies are in priority order; "any" is
 * {@link Addresses#ANY}.
 *
 * @param dynamicSpi     the host's range, HP-UX's default when it writes none
 * @param dynamicSpiSet  whether the file writes one
 * @param spdLimits      null when the file sets none
 * @param auditLevel     null when the file sets none (HP-UX's default is error)
 */
public record HostPlan(String name, Place place, List<IpAddress> addresses, SpiRange dynamicSpi, boolean dynamicSpiSet,
		SpdLimitsPlan spdLimits, AuditLevel auditLevel, Place auditLevelPlace, List<BypassPlan> bypass,
		List<IkePlan> ikePolicies, List<PolicyPlan> policies, List<ManualSaPlan> manualSas,
		DefaultAction defaultAction) {

	public record SpdLimitsPlan(long soft, long hard, Place place) {
	}

	/**
	 * The IKE policy that negotiates for a protecting policy when it names none: the first whose
	 * remote covers the tunnel's remote end, or else a remote address of the policy's selectors.
	 */
	public Optional<IkePlan> coveringIke(PolicyPlan policy) {
		if (!(policy.action() instanceof PolicyPlan.ProtectPlan protect))
			return Optional.empty();
		if (protect.tunnel() != null && protect.tunnel().remote() == null) // the IKE peer, whoever: an IKE policy for any
			return ikePolicies.stream().filter(i -> i.remote().containsAll(Addresses.ANY)).findFirst();
		IpAddress peer = protect.tunnel() != null ? protect.tunnel().remote() : null;
		return ikePolicies.stream().filter(i -> i.remote().stream().anyMatch(r -> peer != null
				? r.overlaps(peer)
				: policy.selectors().stream().anyMatch(s -> s.remote().stream().anyMatch(r::overlaps)))).findFirst();
	}

	/** The IKE policy a protecting policy names, or else {@link #coveringIke}. */
	public Optional<IkePlan> ikeOf(PolicyPlan policy) {
		if (policy.action() instanceof PolicyPlan.ProtectPlan protect && protect.ike() != null)
			return ikePolicies.stream().filter(i -> i.name().equals(protect.ike())).findFirst();
		return coveringIke(policy);
	}

	public record BypassPlan(IpAddress address, Place place) {
	}
}
