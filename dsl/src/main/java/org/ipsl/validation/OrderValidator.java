package org.ipsl.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.validation.Check;
import org.ipsl.analysis.Finding;
import org.ipsl.analysis.order.OrderingFinding;
import org.ipsl.ast.Endpoints;
import org.ipsl.ast.HostRules;
import org.ipsl.ast.SyntaxErrors;
import org.ipsl.check.RelatedData;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.ipsl.Address;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.Bypass;
import org.ipsl.ipsl.DefaultPolicy;
import org.ipsl.ipsl.DiscardAction;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.check.RelatedData;
import org.ipsl.incremental.OrderingHistory;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

import com.google.inject.Inject;

/**
 * The order of a host's policy database (docs/diagnostics.md, "Inside one host"): unique priorities
 * and bypass addresses that would send protected or discarded traffic around IPsec.
 */
public class OrderValidator extends FindingReporter {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	@Inject
	private IResourceScopeCache cache;

	@Inject
	private OrderingHistory history;

	/**
	 * Shadowed, redundant and correlated policies, computed exactly on the plain model; not for a
	 * host with a syntax error, whose lost policies could change every result.
	 */
	@Check
	public void ordering(Host host) {
		if (SyntaxErrors.inside(host))
			return;
		HostRules db = HostRules.of(host, cache);
		Optional<DefaultPolicy> defaultPolicy = HostRules.defaultPolicy(host);
		for (OrderingFinding finding : history.analyse(db)) {
			Policy policy = db.policies().get(finding.ruleIndex());
			String[] related = finding.related().stream().map(j -> related(db, defaultPolicy, j, finding.kind()))
					.filter(r -> r != null).toArray(String[]::new);
			report(new Finding(finding.kind().code(), finding.message()), policy, null, related);
		}
	}

	private static String related(HostRules db, Optional<DefaultPolicy> defaultPolicy, int index,
			OrderingFinding.Kind kind) {
		String role = kind == OrderingFinding.Kind.CORRELATED
				? "overlaps it with another action"
				: "takes its packets";
		if (index == OrderingFinding.DEFAULT_POLICY)
			return defaultPolicy.map(d -> RelatedData.encode(d, "the default policy " + role)).orElse(null);
		Policy policy = db.policies().get(index);
		return RelatedData.encode(policy, "`" + policy.getName() + "` (priority " + db.rules().get(index).priority()
				+ ") " + role);
	}

	/** Two policies (or two IKE policies) of one priority: reported on the later one in the file. */
	@Check
	public void priorityDuplicate(Host host) {
		Map<EObject, Long> priorities = HostRules.of(host, cache).priorities();
		Map<Long, EObject> firstPolicy = new HashMap<>(), firstIke = new HashMap<>();
		for (HostMember member : host.getMembers()) {
			Long priority = priorities.get(member);
			if (priority == null)
				continue;
			EObject first = (member instanceof IkePolicy ? firstIke : firstPolicy).putIfAbsent(priority, member);
			if (first != null)
				report(new Finding(DiagnosticCode.PRIORITY_DUPLICATE,
						"priority " + priority + " is also `" + nameOf(first)
								+ "`'s: ipsec_config refuses the second "
								+ (member instanceof IkePolicy ? "IKE policy" : "policy")
								+ " of one priority"),
						member, member instanceof Policy
								? P.getPolicy_Priority()
								: P.getIkePolicy_Priority());
		}
	}

	private static String nameOf(EObject member) {
		return member instanceof Policy p ? p.getName() : ((IkePolicy) member).getName();
	}

	/** A bypass address that is the source of a policy that protects or discards. */
	@Check
	public void bypassLocalAddress(Bypass bypass) {
		Host host = EcoreUtil2.getContainerOfType(bypass, Host.class);
		List<Policy> policies = EcoreUtil2.typeSelect(host.getMembers(), Policy.class);
		for (Address address : bypass.getAddresses()) {
			Parsed<IpAddress> parsed = IpAddress.parse(address.getValue());
			if (!parsed.ok())
				continue;
			for (Policy policy : policies) {
				if (policy.getSelector() == null
						|| !(policy.getAction() instanceof ProtectAction
								|| policy.getAction() instanceof DiscardAction))
					continue;
				boolean source = policy.getSelector().getLocal().stream()
						.anyMatch(ts -> ts.getEnd() instanceof AnyEndpoint
								|| Endpoints.addresses(ts.getEnd()).stream().anyMatch(a -> a.overlaps(parsed.value())));
				if (source) {
					String treatment = policy.getAction() instanceof DiscardAction ? "discards" : "protects";
					report(new Finding(DiagnosticCode.BYPASS_LOCAL_ADDRESS, "bypass address " + address.getValue()
							+ " is a source of `" + policy.getName() + "`, which " + treatment
							+ " its traffic: that traffic skips IPsec instead (no SAs, clear text)"), address,
							P.getAddress_Value());
					break;
				}
			}
		}
	}
}
