package org.ipsl.ast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IkeVersion;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.ManualKeys;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.PeerIke;
import org.ipsl.analysis.peers.Place;
import org.ipsl.analysis.peers.SecretFingerprint;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.check.FileAccess;
import org.ipsl.ipsl.CertificateAuthentication;
import org.ipsl.ipsl.Direction;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.Identity;
import org.ipsl.ipsl.IkeMode;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IkeProposalSet;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.KeySpec;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.PresharedAuthentication;
import org.ipsl.ipsl.ProposalRef;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpAddress;
import org.ipsl.model.IpRange;
import org.ipsl.model.Parsed;
import org.ipsl.values.Numbers;
import org.ipsl.model.Parsed;
import org.ipsl.values.ProposalTexts;

/**
 * A host as the peer analysis sees it ({@link PeerHost}), with the AST nodes its findings start at.
 * Elements with an invalid value are left out, as {@link HostRules} leaves out policies.
 */
public final class PeerHosts {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	/** Where a finding starts: an object, and one of its features or the whole object. */
	public record Location(EObject object, EStructuralFeature feature) {
	}

	/** The model of one host, and the AST elements behind each of its positions. */
	public record Built(PeerHost model, Host host, List<Policy> policies, List<IkePolicy> ikePolicies,
			List<ManualSa> manualSas) {

		public Location locate(Place place) {
			return switch (place.kind()) {
				case POLICY -> new Location(policies.get(place.index()), null);
				case POLICY_REMOTE -> new Location(policies.get(place.index()).getSelector(), P.getSelector_Remote());
				case TUNNEL_REMOTE ->
					new Location(((ProtectAction) policies.get(place.index()).getAction()).getTunnel(),
							P.getTunnel_Remote());
				case DEFAULT -> HostRules.defaultPolicy(host).map(d -> new Location(d, null))
						.orElse(new Location(host, P.getDeclaration_Name()));
				case IKE -> new Location(ikePolicies.get(place.index()), null);
				case IKE_REMOTE -> new Location(ikePolicies.get(place.index()), P.getIkePolicy_Remote());
				case MANUAL_INBOUND -> new Location(spec(manualSas.get(place.index()), Direction.INBOUND).get(), null);
				case MANUAL_OUTBOUND ->
					new Location(spec(manualSas.get(place.index()), Direction.OUTBOUND).get(), null);
				case MANUAL_PEER -> new Location(manualSas.get(place.index()), P.getManualSa_Peer());
			};
		}
	}

	private PeerHosts() {
	}

	public static Built of(HostRules db) {
		Host host = db.host();
		List<IpRange> addresses = Endpoints.addresses(host).stream().map(IpRange::of).toList();
		Map<EObject, Long> priorities = db.priorities();
		List<IkePolicy> ikeSources = new ArrayList<>();
		List<PeerIke> ikes = new ArrayList<>();
		boolean ikeComplete = true;
		List<ManualSa> saSources = new ArrayList<>();
		List<ManualKeys> sas = new ArrayList<>();
		for (HostMember member : host.getMembers()) {
			if (member instanceof IkePolicy ike) {
				Optional<PeerIke> model = Optional.ofNullable(priorities.get(ike)).flatMap(p -> ike(ike, p));
				if (model.isPresent()) {
					ikeSources.add(ike);
					ikes.add(model.get());
				} else
					ikeComplete = false;
			} else if (member instanceof ManualSa sa) {
				saSources.add(sa);
				sas.add(manualKeys(sa));
			}
		}
		sortByPriority(ikeSources, ikes);
		// A host whose text the parser could not read whole may have lost policies or IKE policies.
		boolean parsed = !SyntaxErrors.inside(host);
		ikeComplete &= parsed;
		boolean rulesComplete = parsed
				&& db.policies().size() == host.getMembers().stream().filter(Policy.class::isInstance).count();
		PeerHost model = new PeerHost(host.getName(), addresses, db.rules(), db.defaultAction(), rulesComplete, ikes,
				ikeComplete, sas);
		return new Built(model, host, db.policies(), List.copyOf(ikeSources), List.copyOf(saSources));
	}

	/** Sorts both lists by the models' priorities; stable, so equal priorities keep file order. */
	private static void sortByPriority(List<IkePolicy> sources, List<PeerIke> models) {
		List<Integer> order = new ArrayList<>();
		for (int k = 0; k < models.size(); k++)
			order.add(k);
		order.sort(Comparator.comparingLong(k -> models.get(k).priority()));
		List<IkePolicy> sortedSources = order.stream().map(sources::get).toList();
		List<PeerIke> sortedModels = order.stream().map(models::get).toList();
		sources.clear();
		sources.addAll(sortedSources);
		models.clear();
		models.addAll(sortedModels);
	}

	// ---- IKE policies -----------------------------------------------------------------------

	private static Optional<PeerIke> ike(IkePolicy ike, long priority) {
		if (ike.getRemote() == null || ike.getAuthentication() == null)
			return Optional.empty();
		Optional<List<IpRange>> remote = HostRules.ranges(ike.getRemote());
		Optional<List<String>> texts = ike.getProposals().isEmpty()
				? Optional.of(List.of(IkeSuite.HPUX_DEFAULT.keyword()))
				: proposalTexts(ike.getProposals(), new HashSet<>());
		Optional<List<Proposal>> offers = texts.flatMap(PeerHosts::offers);
		// The suites the HP-UX analysis compares: none when some proposal is strongSwan's only.
		List<Optional<IkeSuite>> parsed = texts.orElse(List.of()).stream().map(IkeSuite::parse).toList();
		List<IkeSuite> suites = parsed.stream().allMatch(Optional::isPresent)
				? parsed.stream().map(Optional::get).toList()
				: List.of();
		Optional<IkeAuthentication> authentication = authentication(ike, ike.getAuthentication());
		Optional<IkeAuthentication> remoteAuthentication = ike.getRemoteAuthentication() == null
				? authentication
				: remoteAuthentication(ike, authentication);
		Parsed<Long> lifetime = ike.getLifetime() == null
				? Parsed.of(PeerIke.DEFAULT_LIFETIME_SECONDS)
				: ike.getLifetime().getSize() != null
						? Parsed.invalid("size")
						: Numbers.lifetimeSeconds(ike.getLifetime().getTime());
		Optional<Optional<IkeIdentity>> localId = identity(ike.getLocalId())
				.filter(id -> id.map(i -> !i.isWildcard()).orElse(true));
		Optional<Optional<IkeIdentity>> remoteId = identity(ike.getRemoteId());
		Optional<Optional<IkeVersion>> version = ike.getVersion() == null
				? Optional.of(Optional.empty())
				: IkeVersion.byKeyword(ike.getVersion()).map(Optional::of);
		Optional<List<IpRange>> local = ike.getLocal() == null
				? Optional.of(List.of())
				: HostRules.ranges(ike.getLocal());
		if (remote.isEmpty() || offers.isEmpty() || offers.get().isEmpty() || authentication.isEmpty()
				|| remoteAuthentication.isEmpty() || !lifetime.ok() || localId.isEmpty() || remoteId.isEmpty()
				|| version.isEmpty() || local.isEmpty())
			return Optional.empty();
		return Optional.of(new PeerIke(ike.getName(), priority, remote.get(), suites, authentication.get(),
				localId.get(), remoteId.get(), lifetime.value(), ike.getMode() == IkeMode.AGGRESSIVE, version.get(),
				local.get(), remoteAuthentication.get(), offers.get()));
	}

	/** The proposal texts, named ike-proposals expanded in place; nothing when a name is unknown or sets refer in a cycle. */
	private static Optional<List<String>> proposalTexts(List<ProposalRef> refs, Set<IkeProposalSet> expanding) {
		List<String> result = new ArrayList<>();
		for (ProposalRef ref : refs) {
			if (ref.getRef() != null && !ref.getRef().eIsProxy()) {
				if (!expanding.add(ref.getRef()))
					return Optional.empty();
				Optional<List<String>> inner = proposalTexts(ref.getRef().getProposals(), expanding);
				expanding.remove(ref.getRef());
				if (inner.isEmpty())
					return Optional.empty();
				result.addAll(inner.get());
				continue;
			}
			String text = LinkText.of(ref, P.getProposalRef_Ref());
			if (!ProposalTexts.isIke(text))
				return Optional.empty();
			result.add(text);
		}
		return Optional.of(result);
	}

	/** The catalog's proposals of the texts, {@code default} expanded; nothing when one is invalid. */
	private static Optional<List<Proposal>> offers(List<String> texts) {
		List<Proposal> result = new ArrayList<>();
		for (String text : texts) {
			Parsed<List<Proposal>> proposals = ProposalTexts.ike(text);
			if (!proposals.ok())
				return Optional.empty();
			result.addAll(proposals.value());
		}
		return Optional.of(result);
	}

	/** Nothing when invalid, or preshared without its secret. */
	private static Optional<IkeAuthentication> authentication(IkePolicy ike, org.ipsl.ipsl.IkeAuthentication written) {
		if (written instanceof CertificateAuthentication)
			return Optional.of(IkeAuthentication.certificate());
		PresharedAuthentication preshared = (PresharedAuthentication) written;
		if (preshared.getSecret() != null)
			return preshared.getSecret().isEmpty()
					? Optional.empty()
					: Optional.of(IkeAuthentication.preshared(SecretFingerprint.of(preshared.getSecret())));
		if (preshared.getFile() == null || preshared.getFile().isBlank())
			return Optional.empty();
		return Optional.of(FileAccess.secret(ike, preshared.getFile()).map(SecretFingerprint::of)
				.map(IkeAuthentication::preshared)
				.orElseGet(IkeAuthentication::presharedUnknown));
	}

	/** {@code remote-authentication preshared} without a secret is the secret of {@code authentication}. */
	private static Optional<IkeAuthentication> remoteAuthentication(IkePolicy ike, Optional<IkeAuthentication> own) {
		if (ike.getRemoteAuthentication() instanceof PresharedAuthentication p && p.getSecret() == null
				&& p.getFile() == null)
			return own.filter(a -> a.method() == IkeAuthentication.Method.PRESHARED);
		return authentication(ike, ike.getRemoteAuthentication());
	}

	/** Nothing when the identity is invalid; an empty identity when none is written. */
	private static Optional<Optional<IkeIdentity>> identity(Identity id) {
		if (id == null)
			return Optional.of(Optional.empty());
		if (id.isAny())
			return Optional.of(Optional.of(IkeIdentity.ANY));
		Optional<IkeIdentity.Kind> kind = IkeIdentity.Kind.byKeyword(id.getKind().getLiteral());
		if (kind.isEmpty() || id.getValue() == null || id.getValue().isBlank())
			return Optional.empty();
		if (kind.get() == IkeIdentity.Kind.IPV4 || kind.get() == IkeIdentity.Kind.IPV6) {
			Parsed<IpAddress> address = IpAddress.parse(id.getValue());
			if (!address.ok() || !address.value().isHost()
					|| address.value().isV4() != (kind.get() == IkeIdentity.Kind.IPV4))
				return Optional.empty();
		}
		return Optional.of(Optional.of(new IkeIdentity(kind.get(), id.getValue())));
	}

	// ---- manual SAs -------------------------------------------------------------------------

	private static ManualKeys manualKeys(ManualSa sa) {
		List<IpRange> peer = sa.getPeer() == null ? List.of() : HostRules.ranges(sa.getPeer()).orElse(List.of());
		return new ManualKeys(sa.getName(), peer, spec(sa, Direction.INBOUND).flatMap(PeerHosts::sa),
				spec(sa, Direction.OUTBOUND).flatMap(PeerHosts::sa));
	}

	private static Optional<SaSpec> spec(ManualSa sa, Direction direction) {
		return sa.getSas().stream().filter(s -> s.getDirection() == direction).findFirst();
	}

	private static Optional<ManualKeys.Sa> sa(SaSpec spec) {
		Parsed<Long> spi = Numbers.spi(spec.getSpi());
		if (!spi.ok())
			return Optional.empty();
		return Optional.of(new ManualKeys.Sa(spec.getProtocol().getLiteral(), spi.value(),
				algorithm(spec.getEncryption()), key(spec.getEncryption(), true), algorithm(spec.getAuthentication()),
				key(spec.getAuthentication(), false)));
	}

	private static Optional<String> algorithm(KeySpec key) {
		return key == null ? Optional.empty() : Optional.ofNullable(key.getAlgorithm());
	}

	/** The key's fingerprint, when it is hex of the algorithm's exact length. */
	private static Optional<SecretFingerprint> key(KeySpec key, boolean encryption) {
		if (key == null || key.getKey() == null)
			return Optional.empty();
		Optional<KeyAlgorithm> algorithm = encryption
				? KeyAlgorithm.encryption(key.getAlgorithm())
				: KeyAlgorithm.authentication(key.getAlgorithm());
		String text = key.getKey();
		if (algorithm.isEmpty() || text.length() != algorithm.get().hexDigits() + 2 || !text.startsWith("0x")
				&& !text.startsWith("0X") || !text.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0))
			return Optional.empty();
		return Optional.of(SecretFingerprint.of(text.substring(2).toLowerCase(Locale.ROOT)));
	}
}
