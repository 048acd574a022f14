package org.ipsl.runtime.cli;

import java.nio.file.Path;

import org.ipsl.model.Selector;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.report.PolicyQuery;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.trace.TracePacket;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code policy --config A.json --src A --dst B --proto P --sport N --dport N --dir in|out}, like {@code ipsec_policy}. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Print the policy a packet meets, as HP-UX's ipsec_policy does: with --dir out the source is "
		+ "the local address, with --dir in the remote one.")
class PolicyCommand extends HostCommand {
	enum Dir {
		in, out
	}

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "the host's runtime.json")
	Path config;

	@Option(names = {"--src",
			"-sa"}, required = true, paramLabel = "ADDRESS", description = "the packet's source address")
	String source;

	@Option(names = {"--dst",
			"-da"}, required = true, paramLabel = "ADDRESS", description = "the packet's destination address")
	String destination;

	@Option(names = {"--proto",
			"-p"}, defaultValue = "tcp", paramLabel = "PROTOCOL", description = "tcp, udp, icmp, icmpv6 or a number (default: ${DEFAULT-VALUE})")
	String protocol;

	@Option(names = {"--sport",
			"-sp"}, defaultValue = "65535", paramLabel = "PORT", description = "source port (default: ${DEFAULT-VALUE}, HP-UX's dummy client port)")
	int sourcePort;

	@Option(names = {"--dport", "-dp"}, defaultValue = "0", paramLabel = "PORT", description = "destination port")
	int destinationPort;

	@Option(names = {"--dir", "-dir"}, required = true, paramLabel = "in|out", description = "in or out")
	Dir direction;

	@Override
	int execute() throws Failure, RuntimeConfigException {
		TracePacket packet;
		try {
			packet = TracePacket
					.parse(protocol + " " + end(source, sourcePort) + " -> " + end(destination, destinationPort));
		} catch (IllegalArgumentException e) {
			throw new Failure(e.getMessage());
		}
		IpsecHost host = start(config, entry -> {
		});
		Flow flow = Flow.of(packet.bytes());
		out().print(PolicyQuery.report(host, flow, direction == Dir.out ? Direction.OUTBOUND : Direction.INBOUND));
		out().flush();
		return 0;
	}

	private String end(String address, int port) {
		if (!Selector.hasPorts(TracePacket.protocol(protocol)))
			return address;
		return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
	}
}
