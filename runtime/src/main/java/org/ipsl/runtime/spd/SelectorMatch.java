package org.ipsl.runtime.spd;

import java.util.List;
import org.ipsl.model.IpRange;
import org.ipsl.model.Selector;
import org.ipsl.runtime.sad.Direction;

/**
 * One selector compiled for testing packets: addresses as prefix masks, the rest as ints. A
 * selector is written from the host's side, so an outbound flow's source is its local end and an
 * inbound flow's destination is.
 */
final class SelectorMatch {

	private static final List<IpRange> ANY_ADDRESS = List.of(IpRange.ALL);

	final int protocol;
	final long[] local;
	final long[] remote;
	final int localFirstPort;
	final int localLastPort;
	final int remoteFirstPort;
	final int remoteLastPort;
	final int icmpType;

	SelectorMatch(Selector selector) {
		protocol = selector.protocol();
		local = Prefixes.of(selector.local().isEmpty() ? ANY_ADDRESS : selector.local());
		remote = Prefixes.of(selector.remote().isEmpty() ? ANY_ADDRESS : selector.remote());
		localFirstPort = selector.localPorts().first();
		localLastPort = selector.localPorts().last();
		remoteFirstPort = selector.remotePorts().first();
		remoteLastPort = selector.remotePorts().last();
		icmpType = selector.icmpType().orElse(-1);
	}

	boolean matches(Flow flow, Direction direction) {
		return direction == Direction.OUTBOUND
				? matches(flow.sourceHigh(), flow.sourceLow(), flow.destinationHigh(), flow.destinationLow(),
						flow.protocol(), flow.sourcePort(), flow.destinationPort(), flow.icmpType())
				: matches(flow.destinationHigh(), flow.destinationLow(), flow.sourceHigh(), flow.sourceLow(),
						flow.protocol(), flow.destinationPort(), flow.sourcePort(), flow.icmpType());
	}

	boolean matches(long localHigh, long localLow, long remoteHigh, long remoteLow, int packetProtocol,
			int localPort, int remotePort, int type) {
		return (protocol == Selector.ANY || protocol == packetProtocol)
				&& localFirstPort <= localPort && localPort <= localLastPort
				&& remoteFirstPort <= remotePort && remotePort <= remoteLastPort
				&& (icmpType < 0 || icmpType == type)
				&& Prefixes.contain(remote, remoteHigh, remoteLow)
				&& Prefixes.contain(local, localHigh, localLow);
	}
}
