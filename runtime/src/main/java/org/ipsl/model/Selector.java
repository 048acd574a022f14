package org.ipsl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a policy selects, written from the host's side: {@code local} is the source of outbound
 * packets, {@code remote} their destination. An empty address list means {@code any}. Ports exist
 * only for tcp and udp, an ICMP type only for icmp and icmpv6; elsewhere they are {@link PortRange#ALL}
 * and empty.
 */
public record Selector(int protocol, List<IpRange> local, List<IpRange> remote,
		PortRange localPorts, PortRange remotePorts, OptionalInt icmpType) {

	/** Every protocol. */
	public static final int ANY = -1;
	public static final int ICMP = 1;
	public static final int TCP = 6;
	public static final int UDP = 17;
	public static final int ICMPV6 = 58;

	/** {@code any from any to any}. */
	public static final Selector ALL = new Selector(ANY, List.of(), List.of(), PortRange.ALL, PortRange.ALL,
			OptionalInt.empty());

	public Selector {
		local = List.copyOf(local);
		remote = List.copyOf(remote);
		if (protocol < ANY || protocol > 255) {
			throw new IllegalArgumentException("not a protocol: " + protocol);
		}
		if (!hasPorts(protocol) && !(localPorts.isAll() && remotePorts.isAll())) {
			throw new IllegalArgumentException("ports with a protocol that has none: " + protocolName(protocol));
		}
		if (icmpType.isPresent() && (!hasIcmpType(protocol) || icmpType.getAsInt() < 0 || icmpType.getAsInt() > 255)) {
			throw new IllegalArgumentException(
					"not an ICMP type of " + protocolName(protocol) + ": " + icmpType.getAsInt());
		}
	}

	public static boolean hasPorts(int protocol) {
		return protocol == TCP || protocol == UDP;
	}

	public static boolean hasIcmpType(int protocol) {
		return protocol == ICMP || protocol == ICMPV6;
	}

	public Selector withProtocol(int newProtocol) {
		return new Selector(newProtocol, local, remote, localPorts, remotePorts, icmpType);
	}

	/** The local end: address or prefix texts, none for {@code any}. */
	public Selector from(String... addresses) {
		return new Selector(protocol, parseAll(addresses), remote, localPorts, remotePorts, icmpType);
	}

	/** The remote end: address or prefix texts, none for {@code any}. */
	public Selector to(String... addresses) {
		return new Selector(protocol, local, parseAll(addresses), localPorts, remotePorts, icmpType);
	}

	public Selector withLocal(List<IpRange> ranges) {
		return new Selector(protocol, ranges, remote, localPorts, remotePorts, icmpType);
	}

	public Selector withRemote(List<IpRange> ranges) {
		return new Selector(protocol, local, ranges, localPorts, remotePorts, icmpType);
	}

	public Selector withLocalPorts(PortRange ports) {
		return new Selector(protocol, local, remote, ports, remotePorts, icmpType);
	}

	public Selector withRemotePorts(PortRange ports) {
		return new Selector(protocol, local, remote, localPorts, ports, icmpType);
	}

	public Selector withIcmpType(int type) {
		return new Selector(protocol, local, remote, localPorts, remotePorts, OptionalInt.of(type));
	}

	/** The selector the host at the other end writes for the same packets: ends and their ports swapped. */
	public Selector mirrored() {
		return new Selector(protocol, remote, local, remotePorts, localPorts, icmpType);
	}

	private static List<IpRange> parseAll(String... addresses) {
		List<IpRange> ranges = new ArrayList<>();
		for (String address : addresses) {
			ranges.add(IpRange.parse(address));
		}
		return ranges;
	}

	/**
	 * The packets both selectors select, as one selector, or empty when they share none by
	 * protocol, ports, type or addresses. Families are not reconciled: {@code any} meets a list as that list.
	 */
	public Optional<Selector> intersect(Selector other) {
		int sharedProtocol;
		if (protocol == ANY || other.protocol == ANY || protocol == other.protocol) {
			sharedProtocol = protocol == ANY ? other.protocol : protocol;
		} else {
			return Optional.empty();
		}
		Optional<PortRange> sharedLocalPorts = intersect(localPorts, other.localPorts);
		Optional<PortRange> sharedRemotePorts = intersect(remotePorts, other.remotePorts);
		if (sharedLocalPorts.isEmpty() || sharedRemotePorts.isEmpty()) {
			return Optional.empty();
		}
		OptionalInt sharedType = icmpType.isPresent() ? icmpType : other.icmpType;
		if (icmpType.isPresent() && other.icmpType.isPresent() && icmpType.getAsInt() != other.icmpType.getAsInt()) {
			return Optional.empty();
		}
		Optional<List<IpRange>> sharedLocal = intersect(local, other.local);
		Optional<List<IpRange>> sharedRemote = intersect(remote, other.remote);
		if (sharedLocal.isEmpty() || sharedRemote.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Selector(sharedProtocol, sharedLocal.get(), sharedRemote.get(),
				sharedLocalPorts.get(), sharedRemotePorts.get(), sharedType));
	}

	private static Optional<PortRange> intersect(PortRange a, PortRange b) {
		int first = Math.max(a.first(), b.first());
		int last = Math.min(a.last(), b.last());
		return first <= last ? Optional.of(new PortRange(first, last)) : Optional.empty();
	}

	/** Empty when the two ends share no address; an empty list (any) leaves the other as it is. */
	private static Optional<List<IpRange>> intersect(List<IpRange> a, List<IpRange> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return Optional.of(a.isEmpty() ? b : a);
		}
		List<IpRange> shared = new ArrayList<>();
		for (IpRange x : a) {
			for (IpRange y : b) {
				x.intersect(y).ifPresent(shared::add);
			}
		}
		return shared.isEmpty() ? Optional.empty() : Optional.of(shared);
	}

	/** "tcp", "udp", "icmp", "icmpv6", "protocol 47", or "any". */
	public static String protocolName(int protocol) {
		if (protocol == ANY) {
			return "any";
		}
		return IpProtocol.byNumber(protocol).map(IpProtocol::keyword).orElse("protocol " + protocol);
	}

	/** A short description for messages, e.g. "tcp to 198.51.100.0/26 port 80"; {@code any} ends are left out. */
	public String describe() {
		StringBuilder text = new StringBuilder(protocol == ANY ? "traffic" : protocolName(protocol));
		icmpType.ifPresent(type -> text.append(" type ").append(type));
		appendEnd(text, "from", local, localPorts);
		appendEnd(text, "to", remote, remotePorts);
		return protocol == ANY && text.length() == "traffic".length() ? "all traffic" : text.toString();
	}

	private static void appendEnd(StringBuilder text, String keyword, List<IpRange> addresses, PortRange ports) {
		if (addresses.isEmpty() && ports.isAll()) {
			return;
		}
		text.append(' ').append(keyword);
		if (!addresses.isEmpty()) {
			text.append(' ').append(addresses.get(0));
			if (addresses.size() == 2) {
				text.append(", ").append(addresses.get(1));
			} else if (addresses.size() > 2) {
				text.append(" and ").append(addresses.size() - 1).append(" more");
			}
		}
		if (!ports.isAll()) {
			text.append(" port ").append(ports);
		}
	}

	@Override
	public String toString() {
		return describe();
	}
}
