package org.ipsl.runtime.host;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.ipsl.model.IpRange;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.config.RuntimeConfigJson;
import org.ipsl.runtime.ipsec.IpsecEngine;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.IpPacket;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.packet.PacketDropped;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaId;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityAssociationDatabase;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.spd.BypassList;
import org.ipsl.runtime.spd.CachedDecision;
import org.ipsl.runtime.spd.DecisionCache;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SecurityPolicyDatabase;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * One host running its {@code runtime.json}: bypass list, SPD with its classifier and decision
 * cache, SAD with the manual SAs added at start, the IPsec engine and the audit log at the host's
 * level. Packets go through it in HP-UX's order. Outbound: bypass list, cache, SPD search, then
 * pass, discard or protect. Inbound: AH and ESP by SPI in the SAD, never cached, then the SPD
 * check that the recovered packet's policy protects it with those SAs; clear text through cache
 * and SPD, dropped when its policy requires protection. Every drop is counted and audited; no
 * packet makes a method throw. Safe to use from several threads.
 */
public final class IpsecHost {

	private final CompiledConfig compiled;
	private final AuditLog audit;
	private final SecurityAssociationDatabase sad;
	private final IpsecEngine engine;
	private final SecurityPolicyDatabase spd;
	private final DecisionCache cache;
	private final BypassList bypass;
	private final List<SaAddition.Refused> refusedAtStart = new ArrayList<>();
	/** The outbound manual SA to each peer, by manual SA name and peer. */
	private final Map<PeerKey<String>, SecurityAssociation> manualOutbound = new ConcurrentHashMap<>();
	/** Negotiated outbound SAs in the order applied, by policy cookie and peer. */
	private final Map<PeerKey<Integer>, List<SecurityAssociation>> dynamicOutbound = new ConcurrentHashMap<>();
	/** The inbound SAs that may carry each policy's packets, by cookie. */
	private final Map<Integer, Set<SaId>> inboundByCookie = new ConcurrentHashMap<>();
	private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);

	private record PeerKey<T>(T owner, InetAddress peer) {
	}

	private IpsecHost(CompiledConfig compiled, HostOptions options) {
		this.compiled = compiled;
		RuntimeConfig config = compiled.config;
		this.audit = new AuditLog(AuditLevel.valueOf(config.auditLevel().name()), options.clock(), options.auditSink(),
				options.retainedAudit());
		this.sad = new SecurityAssociationDatabase(compiled.dynamicSpi, options.clock(), audit);
		this.engine = new IpsecEngine(sad, audit);
		this.spd = SecurityPolicyDatabase.of(compiled.policies, compiled.defaultPolicy);
		this.cache = new DecisionCache(compiled.softLimit, compiled.hardLimit, audit);
		this.bypass = new BypassList(config.bypass());
		for (CompiledConfig.ManualPair pair : compiled.manualSas.values()) {
			addManual(pair);
		}
	}

	private void addManual(CompiledConfig.ManualPair pair) {
		Set<SaId> inbound = ConcurrentHashMap.newKeySet();
		for (SaSpec spec : pair.inbound()) {
			if (added(sad.addManual(spec)) != null) {
				inbound.add(spec.id());
			}
		}
		pair.outboundByPeer().forEach((peer, spec) -> {
			SecurityAssociation sa = added(sad.addManual(spec));
			if (sa != null) {
				manualOutbound.put(new PeerKey<>(pair.name(), peer), sa);
			}
		});
		for (SpdEntry policy : compiled.policies) {
			if (pair.name().equals(policy.action().manualSa())) {
				inboundByCookie.put(policy.cookie(), inbound);
			}
		}
	}

	private SecurityAssociation added(SaAddition addition) {
		if (addition instanceof SaAddition.Added added) {
			return added.sa();
		}
		refusedAtStart.add((SaAddition.Refused) addition);
		return null;
	}

	/**
	 * Reads {@code runtime.json}, checks it against its schema and its own references, and starts
	 * the host.
	 *
	 * @throws RuntimeConfigException naming the file, the JSON path and what was expected; no host runs then
	 */
	public static IpsecHost load(Path runtimeJson, HostOptions options) throws RuntimeConfigException {
		return start(RuntimeConfigJson.read(runtimeJson), runtimeJson.toString(), options);
	}

	/**
	 * Starts a host from a configuration already read.
	 *
	 * @param source how error messages name the configuration, e.g. its path
	 * @throws RuntimeConfigException naming the JSON path and what was expected; no host runs then
	 */
	public static IpsecHost start(RuntimeConfig config, String source, HostOptions options)
			throws RuntimeConfigException {
		return new IpsecHost(CompiledConfig.of(config, source), options);
	}

	// ---- packets ----

	/** Processes an IP packet this host sends: bypass, cache, SPD, then pass, discard or protect. */
	public SendResult send(byte[] packet) {
		Flow flow;
		try {
			flow = Flow.of(packet);
		} catch (PacketDropped drop) {
			return sendDropped(drop.reason(), drop.getMessage(), packet, null);
		}
		if (bypass.bypasses(flow, Direction.OUTBOUND)) {
			return new SendResult.Clear(packet, Decision.BYPASSED);
		}
		Decision decision = decideCached(flow, Direction.OUTBOUND);
		if (decision == null) {
			return sendDropped(DropReason.CACHE_FULL, "outbound", packet, null);
		}
		SpdEntry policy = decision.policy().orElseThrow();
		return switch (policy.action().type()) {
			case PASS -> new SendResult.Clear(packet, decision);
			case DISCARD -> sendDropped(DropReason.POLICY_DISCARD, policy.name(), packet, decision);
			case PROTECT -> protect(packet, flow, policy, decision);
		};
	}

	private SendResult protect(byte[] packet, Flow flow, SpdEntry policy, Decision decision) {
		List<SecurityAssociation> sas;
		if (policy.isManual()) {
			SecurityAssociation sa = manualOutbound.get(new PeerKey<>(policy.action().manualSa(), flow.destination()));
			if (sa == null) {
				return sendDropped(DropReason.NO_SA, "manual SA `" + policy.action().manualSa() + "` to "
						+ AuditText.address(flow.destination()), packet, decision);
			}
			sas = List.of(sa);
		} else {
			InetAddress local = policy.action().tunnel() == null
					? flow.source()
					: address(policy.action().tunnel().local());
			InetAddress peer = policy.action().tunnel() == null
					? flow.destination()
					: address(policy.action().tunnel().remote());
			sas = dynamicOutbound.get(new PeerKey<>(policy.cookie(), peer));
			if (sas == null || sas.stream().anyMatch(sa -> sad.find(sa.spec().id()).orElse(null) != sa)) {
				return new SendResult.SaRequired(decision, policy, local, peer);
			}
		}
		byte[] current = packet;
		for (SecurityAssociation sa : sas) {
			Outcome outcome = engine.outbound(sa, current);
			if (outcome instanceof Outcome.Dropped dropped) {
				// The engine has counted and audited it.
				return new SendResult.Dropped(dropped.reason(), dropped.detail(), Optional.of(decision));
			}
			current = ((Outcome.Processed) outcome).packet();
		}
		return new SendResult.Protected(current, decision, sas);
	}

	/**
	 * Processes a packet from the wire: AH and ESP by SPI (never cached) and then the SPD check of
	 * what they carried; clear text by cache and SPD.
	 */
	public ReceiveResult receive(byte[] packet) {
		Flow flow;
		try {
			flow = Flow.of(packet);
		} catch (PacketDropped drop) {
			return receiveDropped(drop.reason(), drop.getMessage(), packet, null);
		}
		if (bypass.bypasses(flow, Direction.INBOUND)) {
			return new ReceiveResult.Delivered(packet, Decision.BYPASSED, List.of());
		}
		if (flow.protocol() == IpPacket.PROTOCOL_ESP || flow.protocol() == IpPacket.PROTOCOL_AH) {
			return receiveProtected(packet);
		}
		Decision decision = decideCached(flow, Direction.INBOUND);
		if (decision == null) {
			return receiveDropped(DropReason.CACHE_FULL, "inbound", packet, null);
		}
		SpdEntry policy = decision.policy().orElseThrow();
		return switch (policy.action().type()) {
			case PASS -> new ReceiveResult.Delivered(packet, decision, List.of());
			case DISCARD -> receiveDropped(DropReason.POLICY_DISCARD, policy.name(), packet, decision);
			case PROTECT -> receiveDropped(DropReason.CLEAR_TEXT, policy.name(), packet, decision);
		};
	}

	private ReceiveResult receiveProtected(byte[] packet) {
		IpsecEngine.Received received = engine.inbound(packet);
		if (received.outcome() instanceof Outcome.Dropped dropped) {
			// The engine has counted and audited it.
			return new ReceiveResult.Dropped(dropped.reason(), dropped.detail(), Optional.empty());
		}
		byte[] inner = ((Outcome.Processed) received.outcome()).packet();
		Flow flow;
		try {
			flow = Flow.of(inner);
		} catch (PacketDropped drop) {
			return receiveDropped(drop.reason(), drop.getMessage(), inner, null);
		}
		SpdEntry policy = spd.lookup(flow, Direction.INBOUND);
		Decision decision = Decision.searched(policy, null);
		Set<SaId> allowed = inboundByCookie.getOrDefault(policy.cookie(), Set.of());
		for (SecurityAssociation sa : received.appliedSas()) {
			if (!allowed.contains(sa.spec().id())) {
				return receiveDropped(DropReason.POLICY_MISMATCH,
						"SPI " + AuditText.spi(sa.spec().spi()) + " for policy "
								+ policy.name(),
						inner, decision);
			}
		}
		return new ReceiveResult.Delivered(inner, decision, received.appliedSas());
	}

	/** The cached decision for the flow, or a search cached now; null when the cache is full. */
	private Decision decideCached(Flow flow, Direction direction) {
		CachedDecision hit = cache.find(flow, direction);
		if (hit != null) {
			hit.countPacket();
			return Decision.cached(hit);
		}
		SpdEntry policy = spd.lookup(flow, direction);
		CachedDecision made = cache.add(flow, direction, policy);
		if (made == null) {
			return null;
		}
		made.countPacket();
		return Decision.searched(policy, made);
	}

	private SendResult sendDropped(DropReason reason, String detail, byte[] packet, Decision decision) {
		recordDrop(reason, detail, packet);
		return new SendResult.Dropped(reason, detail, Optional.ofNullable(decision));
	}

	private ReceiveResult receiveDropped(DropReason reason, String detail, byte[] packet, Decision decision) {
		recordDrop(reason, detail, packet);
		return new ReceiveResult.Dropped(reason, detail, Optional.ofNullable(decision));
	}

	private void recordDrop(DropReason reason, String detail, byte[] packet) {
		drops.incrementAndGet(reason.ordinal());
		reason.log(audit, IpPacket.hasAddresses(packet)
				? "IP addr: " + AuditText.addresses(IpPacket.source(packet), IpPacket.destination(packet))
				: "", detail);
	}

	// ---- negotiation hook ----

	/**
	 * Reserves an SPI of the configured dynamic range for an inbound SA to {@code local}, as the
	 * key daemon does before a negotiation; empty when the range is exhausted (audited).
	 */
	public OptionalLong allocateSpi(InetAddress local, SecurityProtocol protocol) {
		return sad.allocateSpi(local, protocol);
	}

	/**
	 * Installs the SAs a negotiation produced for a dynamic-keys policy with a peer: later packets
	 * of the policy to that peer are protected with {@code outbound} (in the order given: ESP before
	 * AH), and packets arriving under {@code inbound} pass the policy check. The outbound SAs are
	 * used only when all of them were added.
	 *
	 * @param peer as {@link SendResult.SaRequired#peer()} gives it
	 * @return one result per SA, outbound then inbound; refusals are audited as the SAD does
	 */
	public List<SaAddition> installNegotiatedSas(SpdEntry policy, InetAddress peer, List<SaSpec> outbound,
			List<SaSpec> inbound) {
		if (!policy.protects() || policy.isManual()) {
			throw new IllegalArgumentException("not a dynamic-keys policy: " + policy.reference());
		}
		List<SaAddition> results = new ArrayList<>();
		List<SecurityAssociation> outboundSas = new ArrayList<>();
		for (SaSpec spec : outbound) {
			SaAddition addition = sad.addDynamic(spec);
			results.add(addition);
			if (addition instanceof SaAddition.Added added) {
				outboundSas.add(added.sa());
			}
		}
		if (outboundSas.size() == outbound.size() && !outbound.isEmpty()) {
			dynamicOutbound.put(new PeerKey<>(policy.cookie(), peer), List.copyOf(outboundSas));
		}
		Set<SaId> allowed = inboundByCookie.computeIfAbsent(policy.cookie(), cookie -> ConcurrentHashMap.newKeySet());
		for (SaSpec spec : inbound) {
			SaAddition addition = sad.addDynamic(spec);
			results.add(addition);
			if (addition instanceof SaAddition.Added) {
				allowed.add(spec.id());
			}
		}
		return results;
	}

	/** Ages every SA on the host's clock: soft lifetimes logged, SAs past a hard lifetime deleted. */
	public void expireSas() {
		sad.expire();
	}

	// ---- queries ----

	/** The host's IPSL name. */
	public String name() {
		return compiled.config.host();
	}

	/** The configuration the host runs. */
	public RuntimeConfig config() {
		return compiled.config;
	}

	/** The host's own addresses. */
	public List<InetAddress> addresses() {
		return List.copyOf(compiled.addresses);
	}

	/** The SPD entries in search order, the default policy last ({@code ipsec_report -host}). */
	public List<SpdEntry> policies() {
		return spd.entries();
	}

	/**
	 * The policy a flow would meet, as {@code ipsec_policy} reports it: the SPD searched without
	 * reading or changing the cache. Empty when the flow bypasses IPsec (a bypass-list address).
	 */
	public Optional<SpdEntry> policyFor(Flow flow, Direction direction) {
		return bypass.bypasses(flow, direction) ? Optional.empty() : Optional.of(spd.lookup(flow, direction));
	}

	/** Every SA in the SAD, in report order ({@code ipsec_report -sad}). */
	public List<SecurityAssociation> securityAssociations() {
		return sad.all();
	}

	/** The manual SAs the SAD refused at start (their audit entries say why). */
	public List<SaAddition.Refused> refusedAtStart() {
		return List.copyOf(refusedAtStart);
	}

	/** The cache entries by record number ({@code ipsec_report -cache}). */
	public List<CachedDecision> cacheEntries() {
		return cache.entries();
	}

	/**
	 * The SAs a cached decision uses now: for an outbound Secure entry the SAs its packets get (none
	 * yet: HP-UX's {@code SA Requested}), for an inbound one the SAs its packets may arrive under.
	 */
	public List<SecurityAssociation> sasOf(CachedDecision entry) {
		SpdEntry policy = entry.policy();
		if (!policy.protects()) {
			return List.of();
		}
		if (entry.direction() == Direction.INBOUND) {
			return inboundByCookie.getOrDefault(policy.cookie(), Set.of()).stream()
					.flatMap(id -> sad.find(id).stream()).toList();
		}
		Flow flow = entry.flow();
		if (policy.isManual()) {
			SecurityAssociation sa = manualOutbound.get(new PeerKey<>(policy.action().manualSa(), flow.destination()));
			return sa == null ? List.of() : List.of(sa);
		}
		InetAddress peer = policy.action().tunnel() == null
				? flow.destination()
				: address(policy.action().tunnel().remote());
		List<SecurityAssociation> sas = dynamicOutbound.getOrDefault(new PeerKey<>(policy.cookie(), peer), List.of());
		return sas.stream().filter(this::live).toList();
	}

	/**
	 * A protecting policy's SAs with one peer (the tunnel's far end for a tunnel): what HP-UX's
	 * {@code ipsec_report -host} shows as an outbound entry created for SAs.
	 *
	 * @param outbound the SAs packets to the peer get, innermost first
	 * @param inbound  the SAs packets from the peer may arrive under
	 */
	public record SaPairs(InetAddress peer, List<SecurityAssociation> outbound, List<SecurityAssociation> inbound) {
	}

	/** The live SA pairs of a protecting policy, by peer address; empty for other policies. */
	public List<SaPairs> saPairsOf(SpdEntry policy) {
		if (!policy.protects()) {
			return List.of();
		}
		Map<InetAddress, List<SecurityAssociation>> outbound = new TreeMap<>(Comparator.comparing(AuditText::address));
		if (policy.isManual()) {
			manualOutbound.forEach((key, sa) -> {
				if (key.owner().equals(policy.action().manualSa()) && live(sa)) {
					outbound.put(key.peer(), List.of(sa));
				}
			});
		} else {
			dynamicOutbound.forEach((key, sas) -> {
				if (key.owner() == policy.cookie() && sas.stream().allMatch(this::live)) {
					outbound.put(key.peer(), sas);
				}
			});
		}
		List<SecurityAssociation> inbound = inboundByCookie.getOrDefault(policy.cookie(), Set.of()).stream()
				.flatMap(id -> sad.find(id).stream()).toList();
		List<SaPairs> pairs = new ArrayList<>();
		outbound.forEach((peer, sas) -> pairs.add(new SaPairs(peer, sas,
				inbound.stream().filter(sa -> sa.spec().source().equals(peer)).toList())));
		return pairs;
	}

	private boolean live(SecurityAssociation sa) {
		return sad.find(sa.spec().id()).orElse(null) == sa;
	}

	/** The bypass list ({@code ipsec_report -bypass}). */
	public List<IpRange> bypassList() {
		return bypass.addresses();
	}

	/** The audit entries kept in memory, oldest first ({@code ipsec_report -audit}). */
	public List<AuditEntry> auditEntries() {
		return audit.entries();
	}

	/** Packets dropped since start, by reason, by the host and its engine together; reasons never seen are absent. */
	public Map<DropReason, Long> dropCounts() {
		Map<DropReason, Long> counts = new EnumMap<>(engine.dropCounts());
		for (DropReason reason : DropReason.values()) {
			long count = drops.get(reason.ordinal());
			if (count > 0) {
				counts.merge(reason, count, Long::sum);
			}
		}
		return counts;
	}

	/** The decision cache: size and limits. */
	public DecisionCache cache() {
		return cache;
	}

	public SecurityPolicyDatabase spd() {
		return spd;
	}

	public SecurityAssociationDatabase sad() {
		return sad;
	}

	public AuditLog audit() {
		return audit;
	}

	private static InetAddress address(String text) {
		IpRange range = IpRange.parse(text);
		return CompiledConfig.inetAddress(range.first(), text.indexOf(':') < 0);
	}
}
