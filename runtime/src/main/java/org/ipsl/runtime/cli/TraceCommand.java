package org.ipsl.runtime.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.pcap.PcapWriter;
import org.ipsl.runtime.trace.Trace;
import org.ipsl.runtime.trace.TracePacket;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trace --config A.json --config B.json --packet "tcp 10.1.1.10:40000 -> 10.2.2.20:22" [--pcap FILE]}. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Follow one packet from host A (the first --config) to host B: A's SPD decision, the negotiation "
		+ "as ipsl check --peers judges it, the packet A emits (real cryptography; dynamic keys are simulated), "
		+ "B's SAD and SPD checks, and the verdict. Exit 0 delivered, 1 dropped.")
class TraceCommand extends HostCommand {

	@Option(names = "--config", required = true, arity = "1", paramLabel = "FILE", description = "runtime.json of A, then of B (give it twice)")
	List<Path> configs;

	@Option(names = "--packet", required = true, paramLabel = "PACKET", description = "what A sends, e.g. \"tcp 10.1.1.10:40000 -> 10.2.2.20:22\", \"udp [2001:db8::1]:500 -> [2001:db8::2]:514\", \"icmp 10.0.0.1 -> 10.0.0.2\"")
	String packetText;

	@Option(names = "--pcap", paramLabel = "FILE", description = "write the packet A emits there (pcap, LINKTYPE_RAW)")
	Path pcap;

	@Override
	int execute() throws Failure, RuntimeConfigException {
		if (configs.size() != 2)
			throw new Failure("trace needs --config twice: A's runtime.json, then B's");
		TracePacket packet;
		try {
			packet = TracePacket.parse(packetText);
		} catch (IllegalArgumentException e) {
			throw new Failure("--packet: " + e.getMessage());
		}
		IpsecHost a = start(configs.get(0), entry -> {
		}), b = start(configs.get(1), entry -> {
		});
		Trace.Result result;
		try {
			result = Trace.run(a, b, packet);
		} catch (IllegalArgumentException e) {
			throw new Failure(configs.get(0) + " / " + configs.get(1) + ": " + e.getMessage());
		}
		Trace.reportWithAuditLogs(result, a, b).forEach(out()::println);
		out().flush();
		if (pcap != null && result.emitted().isPresent())
			write(result.emitted().get());
		return result.delivered() ? 0 : 1;
	}

	private void write(byte[] packet) throws Failure {
		try (OutputStream file = Files.newOutputStream(pcap); PcapWriter writer = new PcapWriter(file)) {
			writer.write(Instant.now(), packet);
		} catch (IOException e) {
			throw new Failure(pcap + ": cannot write the pcap (" + e.getClass().getSimpleName() + ")");
		}
	}
}
