package org.ipsl.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.ComposedChecks;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.ast.Endpoints;
import org.ipsl.ast.Endpoints.Family;
import org.ipsl.ast.HostRules;
import org.ipsl.ast.LinkText;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.ipsl.Address;
import org.ipsl.ipsl.AddressEndpoint;
import org.ipsl.ipsl.Bypass;
import org.ipsl.ipsl.HostAddress;
import org.ipsl.ipsl.IdentityKind;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.DefaultPolicy;
import org.ipsl.ipsl.DynamicSpi;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.Identity;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.KeySpec;
import org.ipsl.ipsl.Lifetime;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.Ports;
import org.ipsl.ipsl.PresharedAuthentication;
import org.ipsl.ipsl.ProposalRef;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.Protocol;
import org.ipsl.ipsl.ProtocolKind;
import org.ipsl.ipsl.SaProtocol;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.ipsl.Selector;
import org.ipsl.ipsl.SpdLimits;
import org.ipsl.ipsl.TrafficSelector;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.ipsl.Tunnel;
import org.ipsl.model.IkeVersion;
import org.ipsl.model.UserText;
import org.ipsl.model.AddressRange;
import org.ipsl.model.IpAddress;
import org.ipsl.values.Numbers;
import org.ipsl.model.Parsed;
import org.ipsl.values.ProposalTexts;

import com.google.inject.Inject;

/**
 * Value, name and uniqueness checks of the language (code {@code invalid-value},
 * {@code duplicate-name}, {@code unresolved-name} for unknown built-in names). Each invalid value is
 * reported once, at the value.
 */
@ComposedChecks(validators = {OrderValidator.class, KeyValidator.class, CertificateValidator.class, FileValidator.class,
		PeerValidator.class})
public class IpslValidator extends AbstractIpslValidator {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	@Inject
	private ResourceDescriptionsProvider index;

	// ---- names ------------------------------------------------------------------------------

	@Check
	public void nameStartsWithLetter(EObject named) {
		EStructuralFeature feature = named.eClass().getEStructuralFeature("name");
		if (feature == null || !(named instanceof Declaration || named instanceof IkePolicy || named instanceof Policy
				|| named instanceof ManualSa))
			return;
		Object name = named.eGet(feature);
		if (name instanceof String s && !s.isEmpty() && !Character.isLetter(s.charAt(0)))
			invalid("name '" + s + "' must start with a letter", named, feature);
	}

	/** Names are global to the workspace: hosts and networks share one namespace (both are endpoints). */
	@Check(CheckType.NORMAL)
	public void declarationNameUnique(Declaration declaration) {
		if (declaration.getName() == null)
			return;
		IResourceDescriptions descriptions = index.getResourceDescriptions(declaration.eResource());
		QualifiedName name = QualifiedName.create(declaration.getName());
		int count = 0;
		for (IEObjectDescription d : descriptions.getExportedObjects(P.getDeclaration(), name, false))
			if (namespaceOf(d.getEClass()) == namespaceOf(declaration.eClass()))
				count++;
		if (count > 1)
			error(kindOf(declaration.eClass()) + " '" + declaration.getName() + "' is declared " + count
					+ " times in the workspace", declaration, P.getDeclaration_Name(),
					DiagnosticCode.DUPLICATE_NAME.id());
	}

	private static EClass namespaceOf(EClass type) {
		return type == IpslPackage.Literals.NETWORK ? IpslPackage.Literals.HOST : type;
	}

	private static String kindOf(EClass type) {
		if (type == IpslPackage.Literals.NETWORK || type == IpslPackage.Literals.HOST)
			return "host or network";
		if (type == IpslPackage.Literals.IKE_PROPOSAL_SET)
			return "ike-proposal";
		return "transform-set";
	}

	@Check
	public void hostMemberNamesUnique(Host host) {
		Map<String, EObject> seen = new HashMap<>();
		for (HostMember member : host.getMembers()) {
			String name = member instanceof Policy p
					? p.getName()
					: member instanceof IkePolicy i ? i.getName() : member instanceof ManualSa m ? m.getName() : null;
			if (name == null)
				continue;
			String kind = member.eClass().getName();
			EObject first = seen.putIfAbsent(kind + ":" + name, member);
			if (first != null) {
				EStructuralFeature feature = member.eClass().getEStructuralFeature("name");
				error(label(member) + " " + UserText.quote(name) + " is declared twice in host "
						+ UserText.quote(host.getName()), member, feature, DiagnosticCode.DUPLICATE_NAME.id());
			}
		}
	}

	private static String label(EObject member) {
		return member instanceof Policy ? "policy" : member instanceof IkePolicy ? "ike policy" : "manual-sa";
	}

	// ---- host settings ----------------------------------------------------------------------

	@Check
	public void settingsGivenOnce(Host host) {
		Set<Class<?>> single = Set.of(DynamicSpi.class, SpdLimits.class, org.ipsl.ipsl.AuditLevel.class,
				DefaultPolicy.class);
		Map<Class<?>, HostMember> seen = new HashMap<>();
		for (HostMember member : host.getMembers())
			for (Class<?> type : single)
				if (type.isInstance(member) && seen.putIfAbsent(type, member) != null)
					error("this host already has a '" + keyword(member) + "' line", member, null,
							DiagnosticCode.INVALID_VALUE.id());
	}

	private static String keyword(HostMember setting) {
		if (setting instanceof DynamicSpi)
			return "dynamic-spi";
		if (setting instanceof SpdLimits)
			return "spd-limits";
		return setting instanceof DefaultPolicy ? "default" : "audit-level";
	}

	@Check
	public void address(Address address) {
		if (!AddressRange.isRange(address.getValue())) {
			check(IpAddress.parse(address.getValue()), address, P.getAddress_Value());
			return;
		}
		EObject owner = address.eContainer();
		if (owner instanceof HostAddress || owner instanceof Bypass)
			invalid("a range is several addresses; write each address of the host", address, P.getAddress_Value());
		else if (owner instanceof AddressEndpoint && (owner.eContainer() instanceof Tunnel
				|| owner.eContainer() instanceof ManualSa))
			invalid("a range is several addresses; this end is one address", address, P.getAddress_Value());
		else
			check(AddressRange.parse(address.getValue()), address, P.getAddress_Value());
	}

	@Check
	public void dynamicSpi(DynamicSpi range) {
		check(Numbers.spi(range.getLow()), range, P.getDynamicSpi_Low());
		check(Numbers.spi(range.getHigh()), range, P.getDynamicSpi_High());
	}

	@Check
	public void spdLimits(SpdLimits limits) {
		check(Numbers.decimal(limits.getSoft(), 0, Long.MAX_VALUE / 2, "soft limit"), limits, P.getSpdLimits_Soft());
		check(Numbers.decimal(limits.getHard(), 0, Long.MAX_VALUE / 2, "hard limit"), limits, P.getSpdLimits_Hard());
	}

	// ---- policies ---------------------------------------------------------------------------

	@Check
	public void priority(Policy policy) {
		if (policy.getPriority() != null)
			check(Numbers.priority(policy.getPriority()), policy, P.getPolicy_Priority());
	}

	@Check
	public void priority(IkePolicy ike) {
		if (ike.getPriority() != null)
			check(Numbers.priority(ike.getPriority()), ike, P.getIkePolicy_Priority());
	}

	@Check
	public void protocol(Protocol protocol) {
		if (protocol.getNumber() != null)
			check(Numbers.decimal(protocol.getNumber(), 0, 255, "protocol number"), protocol, P.getProtocol_Number());
	}

	@Check
	public void selector(Selector selector) {
		Protocol protocol = selector.getProtocol();
		Optional<Integer> number = HostRules.protocol(protocol);
		if (selector.getIcmpType() != null) {
			if (!number.filter(org.ipsl.model.Selector::hasIcmpType).isPresent())
				invalid("'type' selects an ICMP type: it needs protocol icmp or icmpv6", selector,
						P.getSelector_IcmpType());
			else
				check(Numbers.decimal(selector.getIcmpType(), 0, 255, "ICMP type"), selector, P.getSelector_IcmpType());
		}
		boolean any = protocol.getNumber() == null && protocol.getKind() == ProtocolKind.ANY;
		Optional<Integer> policyProtocol = number.filter(p -> p != org.ipsl.model.Selector.ANY);
		List<Optional<Integer>> local = trafficSelectors(selector.getLocal(), policyProtocol, any);
		List<Optional<Integer>> remote = trafficSelectors(selector.getRemote(), policyProtocol, any);
		Set<Family> localFamilies = new HashSet<>(), remoteFamilies = new HashSet<>();
		selector.getLocal().forEach(ts -> localFamilies.addAll(Endpoints.families(ts.getEnd())));
		selector.getRemote().forEach(ts -> remoteFamilies.addAll(Endpoints.families(ts.getEnd())));
		if (localFamilies.stream().noneMatch(remoteFamilies::contains))
			invalid("addresses of two families: one end is IPv" + (localFamilies.contains(Family.V4) ? 4 : 6)
					+ ", the other IPv" + (remoteFamilies.contains(Family.V4) ? 4 : 6), selector,
					P.getSelector_Remote());
		else if (local.stream().noneMatch(l -> remote.stream().anyMatch(r -> meet(l, r))))
			invalid("no traffic selector of 'from' shares a protocol with one of 'to': the policy selects nothing",
					selector, P.getSelector_Remote());
	}

	/** Each traffic selector's protocol (empty for every protocol) after checking its protocol and ports. */
	private List<Optional<Integer>> trafficSelectors(List<TrafficSelector> selectors, Optional<Integer> policyProtocol,
			boolean policyAny) {
		List<Optional<Integer>> protocols = new ArrayList<>();
		for (TrafficSelector ts : selectors) {
			Optional<Integer> protocol = policyProtocol;
			if (ts.getProtocol() != null) {
				Optional<Integer> own = HostRules.protocol(ts.getProtocol())
						.filter(p -> p != org.ipsl.model.Selector.ANY);
				if (!policyAny && !own.equals(policyProtocol))
					invalid("this traffic selector's protocol differs from the policy's: write 'any' before 'from' "
							+ "to give each traffic selector its own", ts, P.getTrafficSelector_Protocol());
				else
					protocol = own;
			}
			ports(ts.getPorts(), protocol.filter(org.ipsl.model.Selector::hasPorts).isPresent());
			protocols.add(protocol);
		}
		return protocols;
	}

	private static boolean meet(Optional<Integer> a, Optional<Integer> b) {
		return a.isEmpty() || b.isEmpty() || a.equals(b);
	}

	private void ports(Ports ports, boolean protocolHasPorts) {
		if (ports == null)
			return;
		if (!protocolHasPorts) {
			invalid("ports apply to tcp and udp only", ports, P.getPorts_Low());
			return;
		}
		Parsed<Long> low = port(ports, ports.getLow(), P.getPorts_Low());
		if (ports.getHigh() == null)
			return;
		Parsed<Long> high = port(ports, ports.getHigh(), P.getPorts_High());
		if (low != null && high != null && low.ok() && high.ok() && low.value() > high.value())
			invalid("port range " + low.value() + ".." + high.value() + " is reversed", ports, P.getPorts_High());
	}

	private Parsed<Long> port(Ports ports, String text, EStructuralFeature feature) {
		Optional<Parsed<Long>> port = Numbers.port(text);
		if (port.isEmpty()) {
			error("unknown service name " + UserText.quote(text), ports, feature, DiagnosticCode.UNRESOLVED_NAME.id());
			return null;
		}
		check(port.get(), ports, feature);
		return port.get();
	}

	private void sameFamily(org.ipsl.ipsl.Endpoint first, org.ipsl.ipsl.Endpoint second, EObject owner,
			EStructuralFeature feature) {
		Set<Family> a = Endpoints.families(first), b = Endpoints.families(second);
		if (a.stream().noneMatch(b::contains))
			invalid("addresses of two families: one end is IPv" + (a.contains(Family.V4) ? 4 : 6)
					+ ", the other IPv" + (b.contains(Family.V4) ? 4 : 6), owner, feature);
	}

	@Check
	public void tunnel(Tunnel tunnel) {
		boolean anyEnd = false;
		if (tunnel.getLocal() instanceof AnyEndpoint) {
			invalid("a tunnel end is one address, not 'any'", tunnel, P.getTunnel_Local());
			anyEnd = true;
		}
		if (tunnel.getRemote() instanceof AnyEndpoint) {
			if (!HostRules.toAnyPeer(tunnel))
				invalid("a tunnel's remote end is one address, or 'any' when its IKE policy's remote is 'any' "
						+ "(the road warrior's address, whichever it is)", tunnel, P.getTunnel_Remote());
			anyEnd = true;
		}
		if (!anyEnd)
			sameFamily(tunnel.getLocal(), tunnel.getRemote(), tunnel, P.getTunnel_Remote());
	}

	@Check
	public void pfs(ProtectAction action) {
		if (action.getPfs() != null && DhGroup.byKeyword(action.getPfs()).isEmpty())
			error("unknown Diffie-Hellman group '" + action.getPfs() + "' (modp768, modp1024, modp1536, modp2048, "
					+ "modp3072, modp4096, ecp256, ecp384)", action, P.getProtectAction_Pfs(),
					DiagnosticCode.UNRESOLVED_NAME.id());
	}

	/** A strongSwan proposal's rules (a DH group in IKE, no integrity with AEAD, ...), as the catalog reads it. */
	@Check
	public void proposal(ProposalRef ref) {
		if (unlinked(ref, P.getProposalRef_Ref())) {
			String text = LinkText.of(ref, P.getProposalRef_Ref());
			if (ProposalTexts.isIke(text))
				check(ProposalTexts.ike(text), ref, P.getProposalRef_Ref());
		}
	}

	@Check
	public void strongswanTransform(TransformRef ref) {
		if (!unlinked(ref, P.getTransformRef_Ref()))
			return;
		String text = LinkText.of(ref, P.getTransformRef_Ref());
		if (ProposalTexts.isTransform(text) && Transform.byKeyword(text).isEmpty())
			check(ProposalTexts.transform(text), ref, P.getTransformRef_Ref());
	}

	/** Whether a reference names no list: a built-in or unknown name. */
	private static boolean unlinked(EObject object, EReference reference) {
		EObject linked = (EObject) object.eGet(reference, true);
		return linked == null || linked.eIsProxy();
	}

	@Check
	public void nestedTransform(TransformRef ref) {
		if (ref.getInner() == null)
			return;
		String outer = LinkText.of(ref, P.getTransformRef_Ref());
		Optional<Transform> ah = Transform.byKeyword(outer);
		Optional<Transform> esp = Transform.byKeyword(ref.getInner());
		if (esp.isEmpty())
			error("unknown transform " + UserText.quote(ref.getInner()), ref, P.getTransformRef_Inner(),
					DiagnosticCode.UNRESOLVED_NAME.id());
		else if (ah.isEmpty() || ah.get().protocol() != Transform.Protocol.AH
				|| esp.get().protocol() != Transform.Protocol.ESP)
			invalid("nesting is an AH transform + an ESP transform, e.g. ah-hmac-sha1 + esp-aes128-hmac-sha1", ref,
					P.getTransformRef_Inner());
	}

	@Check
	public void lifetime(Lifetime lifetime) {
		check(Numbers.lifetimeSeconds(lifetime.getTime()), lifetime, P.getLifetime_Time());
		if (lifetime.getSize() != null) {
			if (lifetime.eContainer() instanceof IkePolicy)
				invalid("an IKE lifetime is a time only", lifetime, P.getLifetime_Size());
			else
				check(Numbers.lifetimeKilobytes(lifetime.getSize()), lifetime, P.getLifetime_Size());
		}
	}

	// ---- IKE --------------------------------------------------------------------------------

	@Check
	public void ikePolicyComplete(IkePolicy ike) {
		if (ike.getRemote() == null)
			invalid("an IKE policy needs a 'remote'", ike, P.getIkePolicy_Name());
		else if (ike.getAuthentication() == null)
			invalid("an IKE policy needs an 'authentication' line", ike, P.getIkePolicy_Name());
	}

	@Check
	public void maxQuickModes(IkePolicy ike) {
		if (ike.getMaxQuickModes() != null)
			check(Numbers.maxQuickModes(ike.getMaxQuickModes()), ike, P.getIkePolicy_MaxQuickModes());
	}

	@Check
	public void version(IkePolicy ike) {
		if (ike.getVersion() != null && IkeVersion.byKeyword(ike.getVersion()).isEmpty())
			invalid("the IKE version is 1, 2 or any, not " + UserText.quote(ike.getVersion()), ike,
					P.getIkePolicy_Version());
	}

	/** A preshared key without its secret is only {@code remote-authentication}'s, meaning the secret of {@code authentication}. */
	@Check
	public void presharedSecretGiven(PresharedAuthentication auth) {
		if (auth.getSecret() != null || auth.getFile() != null || !(auth.eContainer() instanceof IkePolicy ike))
			return;
		if (auth.eContainingFeature() == P.getIkePolicy_Authentication())
			invalid("a preshared key needs its secret: \"SECRET\" or file \"PATH\"", ike,
					P.getIkePolicy_Authentication());
		else if (!(ike.getAuthentication() instanceof PresharedAuthentication))
			invalid("'remote-authentication preshared' without a secret uses the secret of 'authentication "
					+ "preshared', and this IKE policy has none", ike, P.getIkePolicy_RemoteAuthentication());
	}

	@Check
	public void presharedNotEmpty(PresharedAuthentication auth) {
		if (auth.getSecret() != null && auth.getSecret().isEmpty())
			invalid("the preshared secret is empty", auth, P.getPresharedAuthentication_Secret());
		if (auth.getFile() != null && auth.getFile().isBlank())
			invalid("the file name is empty", auth, P.getPresharedAuthentication_File());
	}

	@Check
	public void identity(Identity identity) {
		boolean local = identity.eContainingFeature() == P.getIkePolicy_LocalId();
		if (identity.isAny()) {
			if (local)
				invalid("'any' is an identity to accept, not one to send: write it after remote-id", identity, null);
			return;
		}
		String value = identity.getValue();
		if (value.contains("*")) {
			IdentityKind kind = identity.getKind();
			if (local || kind != IdentityKind.FQDN && kind != IdentityKind.USER_FQDN && kind != IdentityKind.DN)
				invalid("a '*' stands for any text only in the remote-id of an fqdn, user-fqdn or dn", identity,
						P.getIdentity_Value());
			else if (kind != IdentityKind.DN && (!value.startsWith("*") || value.indexOf('*', 1) >= 0))
				invalid("in a name, '*' stands for any beginning: write it first, once (\"*.example.com\")",
						identity, P.getIdentity_Value());
		}
		switch (identity.getKind()) {
			case IPV4, IPV6 -> {
				Parsed<IpAddress> address = IpAddress.parse(value);
				boolean v4 = identity.getKind() == org.ipsl.ipsl.IdentityKind.IPV4;
				if (!address.ok())
					invalid(address.error(), identity, P.getIdentity_Value());
				else if (address.value().isV4() != v4 || !address.value().isHost())
					invalid(UserText.quote(value) + " is not one IPv" + (v4 ? 4 : 6) + " address", identity,
							P.getIdentity_Value());
			}
			default -> {
				if (value.isBlank())
					invalid("the identity is empty", identity, P.getIdentity_Value());
			}
		}
	}

	// ---- manual SAs -------------------------------------------------------------------------

	@Check
	public void manualSaComplete(ManualSa sa) {
		if (sa.getPeer() == null)
			invalid("a manual-sa needs a 'peer'", sa, P.getManualSa_Name());
		else if (sa.getPeer() instanceof AnyEndpoint)
			invalid("the peer of a manual SA is one host or address, not 'any'", sa, P.getManualSa_Peer());
		List<SaSpec> seen = new ArrayList<>();
		for (SaSpec spec : sa.getSas()) {
			if (seen.stream().anyMatch(s -> s.getDirection() == spec.getDirection()))
				error("this manual-sa already has an " + spec.getDirection().getLiteral() + " SA", spec, null,
						DiagnosticCode.INVALID_VALUE.id());
			seen.add(spec);
		}
		if (sa.getSas().stream().map(SaSpec::getDirection).distinct().count() < 2)
			invalid("a manual-sa needs an inbound and an outbound SA", sa, P.getManualSa_Name());
	}

	@Check
	public void saSpec(SaSpec spec) {
		check(Numbers.spi(spec.getSpi()), spec, P.getSaSpec_Spi());
		if (spec.getProtocol() == SaProtocol.AH && spec.getEncryption() != null)
			invalid("AH authenticates only: it takes no encryption", spec, P.getSaSpec_Encryption());
		if (spec.getAuthentication() == null && (spec.getEncryption() == null
				|| !spec.getEncryption().getAlgorithm().contains("gcm")))
			invalid("this SA needs an 'authentication' algorithm and key", spec, P.getSaSpec_Spi());
		if (spec.getIv() != null && !isHex(spec.getIv()))
			invalid("an IV is 0x followed by hex digits", spec, P.getSaSpec_Iv());
	}

	/** Unknown algorithm names; the key itself is KeyValidator's. */
	@Check
	public void keyAlgorithm(KeySpec key) {
		boolean encryption = key.eContainingFeature() == P.getSaSpec_Encryption();
		KeyAlgorithm.Use use = encryption ? KeyAlgorithm.Use.ENCRYPTION : KeyAlgorithm.Use.AUTHENTICATION;
		if ((encryption ? KeyAlgorithm.encryption(key.getAlgorithm()) : KeyAlgorithm.authentication(key.getAlgorithm()))
				.isEmpty())
			error("unknown " + (encryption ? "encryption" : "authentication") + " algorithm '" + key.getAlgorithm()
					+ "' (" + Arrays.stream(KeyAlgorithm.values()).filter(a -> a.use() == use)
							.map(KeyAlgorithm::keyword).collect(Collectors.joining(", "))
					+ ")", key, P.getKeySpec_Algorithm(), DiagnosticCode.UNRESOLVED_NAME.id());
	}

	private static boolean isHex(String text) {
		return text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))
				&& text.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
	}

	// ---- helpers ----------------------------------------------------------------------------

	private void check(Parsed<?> parsed, EObject object, EStructuralFeature feature) {
		if (!parsed.ok())
			invalid(parsed.error(), object, feature);
	}

	private void invalid(String message, EObject object, EStructuralFeature feature) {
		error(message, object, feature, DiagnosticCode.INVALID_VALUE.id());
	}
}
