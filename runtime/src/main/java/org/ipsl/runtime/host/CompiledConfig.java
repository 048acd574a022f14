package org.ipsl.runtime.host;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.config.RuntimeConfigJson;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.KeyBytes;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Lifetime;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.sad.SpiRange;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * A {@link RuntimeConfig} turned into what a host is built from, with every check that can fail
 * done first: the schema (a configuration made in memory is held to it as a file is), addresses, selectors, references between policies and manual SAs, priority order.
 * A failure names the JSON path and what was expected, and no host exists until all passed.
 * What HP-UX itself refuses at start (weak keys, duplicate SPIs) is not checked here: the SAD
 * refuses it with HP-UX's audit text and the host runs without that SA.
 */
final class CompiledConfig {

	/** HP-UX's defaults for {@code spd_soft}/{@code spd_hard} were not found; these are the language's example. */
	static final long DEFAULT_SOFT_LIMIT = 50;
	static final long DEFAULT_HARD_LIMIT = 60;

	/** One manual SA pair, per peer address: where each outbound SA goes, and the inbound SAs to us. */
	record ManualPair(String name, Map<InetAddress, SaSpec> outboundByPeer, List<SaSpec> inbound) {
	}

	final RuntimeConfig config;
	final List<InetAddress> addresses = new ArrayList<>();
	final List<SpdEntry> policies = new ArrayList<>();
	final SpdEntry defaultPolicy;
	final Map<String, ManualPair> manualSas = new LinkedHashMap<>();
	final SpiRange dynamicSpi;
	final long softLimit;
	final long hardLimit;

	private final String source;

	private CompiledConfig(RuntimeConfig config, String source) throws RuntimeConfigException {
		this.config = config;
		this.source = source;
		for (int i = 0; i < config.addresses().size(); i++) {
			addresses.add(address(config.addresses().get(i), "addresses[" + i + "]"));
		}
		RuntimeConfig.SpiRange spi = config.dynamicSpi();
		if (spi.min() <= SaSpec.HIGHEST_RESERVED_SPI) {
			throw error("dynamicSpi.min", "an SPI above " + SaSpec.HIGHEST_RESERVED_SPI + " (0-255 are reserved)",
					spi.min());
		}
		dynamicSpi = new SpiRange(spi.min(), spi.max());
		softLimit = config.spdLimits() == null ? DEFAULT_SOFT_LIMIT : config.spdLimits().soft();
		hardLimit = config.spdLimits() == null ? DEFAULT_HARD_LIMIT : config.spdLimits().hard();
		ranges(config.bypass(), "bypass");
		for (int i = 0; i < config.manualSas().size(); i++) {
			ManualSa sa = config.manualSas().get(i);
			if (manualSas.containsKey(sa.name())) {
				throw error("manualSas[" + i + "].name", "a name no other manual SA has", sa.name());
			}
			manualSas.put(sa.name(), manualPair(sa, "manualSas[" + i + "]"));
		}
		long previous = 0;
		Set<String> names = new HashSet<>();
		for (int i = 0; i < config.policies().size(); i++) {
			Policy policy = config.policies().get(i);
			String path = "policies[" + i + "]";
			if (policy.priority() <= previous) {
				throw error(path + ".priority",
						"a priority above " + previous + " (policies are in ascending priority order)",
						policy.priority());
			}
			if (policy.priority() > Integer.MAX_VALUE) {
				throw error(path + ".priority", "a priority of at most " + Integer.MAX_VALUE, policy.priority());
			}
			if (!names.add(policy.name()) || policy.name().equals(SpdEntry.DEFAULT_NAME)) {
				throw error(path + ".name", "a name no other policy has, and not '" + SpdEntry.DEFAULT_NAME + "'",
						policy.name());
			}
			previous = policy.priority();
			checkAction(policy.action(), path + ".action");
			policies.add(new SpdEntry(SpdEntry.DEFAULT_COOKIE + 1 + i, policy.name(), policy.priority(),
					selector(policy.selector(), path + ".selector"), policy.action()));
		}
		defaultPolicy = SpdEntry.defaultPolicy(config.defaultAction() == org.ipsl.runtime.config.DefaultAction.PASS);
	}

	/**
	 * @param source how messages name the configuration, e.g. its path
	 * @throws RuntimeConfigException naming the first thing wrong
	 */
	static CompiledConfig of(RuntimeConfig config, String source) throws RuntimeConfigException {
		RuntimeConfigJson.validate(config, source);
		return new CompiledConfig(config, source);
	}

	private void checkAction(Policy.Action action, String path) throws RuntimeConfigException {
		if (action.manualSa() != null && !manualSas.containsKey(action.manualSa())) {
			throw error(path + ".manualSa", "the name of an entry of manualSas", action.manualSa());
		}
		if (action.tunnel() != null) {
			address(action.tunnel().local(), path + ".tunnel.local");
			address(action.tunnel().remote(), path + ".tunnel.remote");
		}
	}

	private Selector selector(Policy.Selector selector, String path) throws RuntimeConfigException {
		int protocol = selector.protocol() == null ? Selector.ANY : selector.protocol();
		try {
			return new Selector(protocol, ranges(selector.local(), path + ".local"),
					ranges(selector.remote(), path + ".remote"),
					ports(selector.localPorts()), ports(selector.remotePorts()),
					selector.icmpType() == null ? OptionalInt.empty() : OptionalInt.of(selector.icmpType()));
		} catch (IllegalArgumentException e) {
			throw error(path, "ports only with tcp or udp (6, 17), an ICMP type only with icmp or icmpv6 (1, 58)",
					null);
		}
	}

	private static PortRange ports(Policy.PortRange ports) {
		return ports == null ? PortRange.ALL : new PortRange(ports.from(), ports.to());
	}

	private List<IpRange> ranges(List<String> texts, String path) throws RuntimeConfigException {
		List<IpRange> ranges = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			try {
				ranges.add(IpRange.parse(texts.get(i)));
			} catch (IllegalArgumentException e) {
				throw error(path + "[" + i + "]", "an IPv4 or IPv6 address, optionally /prefix", texts.get(i));
			}
		}
		return ranges;
	}

	private InetAddress address(String text, String path) throws RuntimeConfigException {
		IpRange range;
		try {
			range = IpRange.parse(text);
		} catch (IllegalArgumentException e) {
			throw error(path, "an IPv4 or IPv6 address", text);
		}
		if (range.size().compareTo(BigInteger.ONE) != 0) {
			throw error(path, "one address (a full-length prefix), not a network", text);
		}
		return inetAddress(range.first(), text.indexOf(':') < 0);
	}

	static InetAddress inetAddress(BigInteger number, boolean ipv4) {
		byte[] bytes = new byte[ipv4 ? 4 : 16];
		for (int i = 0; i < bytes.length; i++) {
			bytes[bytes.length - 1 - i] = number.shiftRight(8 * i).byteValue();
		}
		try {
			return InetAddress.getByAddress(bytes);
		} catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/**
	 * Transport-mode SAs (a manual SA takes no tunnel): an outbound one to each peer address, from
	 * the host's first address of that family; an inbound one to each host address of a family the
	 * peer has, from the peer's first address of it.
	 */
	private ManualPair manualPair(ManualSa sa, String path) throws RuntimeConfigException {
		Map<InetAddress, SaSpec> outbound = new LinkedHashMap<>();
		List<SaSpec> inbound = new ArrayList<>();
		Map<Boolean, InetAddress> firstPeer = new LinkedHashMap<>();
		for (int i = 0; i < sa.peer().size(); i++) {
			String peerPath = path + ".peer[" + i + "]";
			String peerText = sa.peer().get(i);
			InetAddress peer = address(peerText, peerPath);
			boolean ipv4 = peer instanceof Inet4Address;
			InetAddress local = addresses.stream().filter(a -> (a instanceof Inet4Address) == ipv4).findFirst()
					.orElseThrow(
							() -> error(peerPath, "a peer address of a family the host has an address of", peerText));
			outbound.put(peer, spec(sa.outbound(), Direction.OUTBOUND, local, peer, path + ".outbound"));
			firstPeer.putIfAbsent(ipv4, peer);
		}
		for (InetAddress local : addresses) {
			InetAddress peer = firstPeer.get(local instanceof Inet4Address);
			if (peer != null) {
				inbound.add(spec(sa.inbound(), Direction.INBOUND, peer, local, path + ".inbound"));
			}
		}
		return new ManualPair(sa.name(), outbound, inbound);
	}

	private SaSpec spec(ManualSa.Sa sa, Direction direction, InetAddress source, InetAddress destination, String path)
			throws RuntimeConfigException {
		EncryptionAlgorithm encryption = EncryptionAlgorithm.NULL;
		KeyBytes encryptionKey = KeyBytes.NONE;
		if (sa.encryption() != null) {
			String name = sa.encryption().algorithm();
			encryption = EncryptionAlgorithm.byKeyword(name)
					.orElseThrow(() -> error(path + ".encryption.algorithm", "an encryption algorithm", name));
			encryptionKey = key(sa.encryption(), path + ".encryption.key");
		}
		IntegrityAlgorithm integrity = IntegrityAlgorithm.NONE;
		KeyBytes integrityKey = KeyBytes.NONE;
		if (sa.authentication() != null) {
			String name = sa.authentication().algorithm();
			integrity = IntegrityAlgorithm.byKeyword(name).filter(a -> a != IntegrityAlgorithm.NONE)
					.orElseThrow(() -> error(path + ".authentication.algorithm", "an integrity algorithm", name));
			integrityKey = key(sa.authentication(), path + ".authentication.key");
		}
		SecurityProtocol protocol = sa.protocol() == ManualSa.Sa.Protocol.AH
				? SecurityProtocol.AH
				: SecurityProtocol.ESP;
		// HP-UX manual SAs never expire; the configured IV is not used: each packet's IV is fresh (RFC 4303).
		return new SaSpec(direction, sa.spi(), protocol, Mode.TRANSPORT, source, destination, encryption, encryptionKey,
				integrity, integrityKey, Lifetime.UNLIMITED, SaSpec.DEFAULT_REPLAY_WINDOW);
	}

	private KeyBytes key(ManualSa.Key key, String path) throws RuntimeConfigException {
		if (key.key() == null) {
			return KeyBytes.NONE;
		}
		try {
			return KeyBytes.ofHex(key.key());
		} catch (IllegalArgumentException e) {
			// Never the key itself, not even in part.
			throw error(path, "0x and an even number of hex digits", null);
		}
	}

	/** "runtime.json: policies[2].selector.local[0]: expected an IPv4 or IPv6 address, found '10.1.1'". */
	private RuntimeConfigException error(String path, String expected, Object found) {
		return new RuntimeConfigException(source + ": " + path + ": expected " + expected
				+ (found == null ? "" : ", found " + (found instanceof String ? "'" + found + "'" : found)));
	}
}
