package org.ipsl.generator.plan;

import java.util.List;

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

	public record BypassPlan(IpAddress address, Place place) {
	}
}
