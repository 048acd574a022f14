package org.ipsl.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.ipsl.model.IpRange;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.live.LiveEndpoint;
import org.ipsl.runtime.live.UdpEncapsulation;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.trace.TracePacket;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the live mode. One process per host, ESP in UDP (RFC 3948) over loopback with the
 * manual SAs of the configuration. With {@code --send N} the process sends N numbered datagrams of
 * {@code --packet}'s flow to {@code --peer-port} and counts the echoes; without, it echoes what
 * arrives. Counters and the host's audit lines are printed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Live mode: exchange ESP-in-UDP (RFC 3948) datagrams with another ipsl-runtime process over "
		+ "loopback, with manual SAs. Without --send the process echoes what it receives. Exit 0: every "
		+ "datagram sent came back in order; 1: some were lost, reordered or not protected by the host.")
class RunCommand extends HostCommand {

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "the host's runtime.json")
	Path config;

	@Option(names = "--listen", defaultValue = ""
			+ UdpEncapsulation.PORT, paramLabel = "PORT", description = "the loopback UDP port of this host (default: ${DEFAULT-VALUE}; 0 picks a free one)")
	int listen;

	@Option(names = "--peer-port", paramLabel = "PORT", description = "the other process's UDP port (needed with --send)")
	Integer peerPort;

	@Option(names = "--peer-address", paramLabel = "ADDRESS", description = "the peer's configured address (default: the first peer of the first manual SA)")
	String peerAddress;

	@Option(names = "--send", defaultValue = "0", paramLabel = "N", description = "send N datagrams and count their echoes")
	long send;

	@Option(names = "--packet", paramLabel = "PACKET", description = "the datagrams' flow, e.g. \"udp 10.0.0.1:5000 -> 10.0.0.2:7\"")
	String packetText;

	@Option(names = "--count", defaultValue = ""
			+ Long.MAX_VALUE, paramLabel = "N", description = "echo mode: stop after echoing N datagrams")
	long count;

	@Option(names = "--window", defaultValue = "16", paramLabel = "N", description = "datagrams in flight at most (default: ${DEFAULT-VALUE})")
	int window;

	@Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS", description = "the sender's deadline; the echoer's limit of silence (default: ${DEFAULT-VALUE})")
	int timeout;

	@Override
	int execute() throws Failure, RuntimeConfigException {
		PrintWriter out = out();
		IpsecHost host = start(config, entry -> {
			synchronized (out) {
				out.println(entry);
				out.flush();
			}
		});
		InetAddress peer = peer(host.config());
		InetAddress own = host.addresses().stream()
				.filter(a -> (a instanceof Inet4Address) == (peer instanceof Inet4Address))
				.findFirst().orElseThrow(() -> new Failure(config + ": addresses: no address of the peer's family"));
		TracePacket flow = send > 0 ? flow() : null;
		if (send > 0 && peerPort == null)
			throw new Failure("--send needs --peer-port, the other process's UDP port");
		try (DatagramSocket socket = new DatagramSocket(
				new InetSocketAddress(InetAddress.getLoopbackAddress(), listen))) {
			out.println("listening on udp " + socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort()
					+ " as " + host.name() + " (" + AuditText.address(own) + ")");
			out.flush();
			LiveEndpoint endpoint = new LiveEndpoint(host, socket, own, peer);
			if (send > 0)
				endpoint.exchange(new InetSocketAddress(InetAddress.getLoopbackAddress(), peerPort), flow, send, window,
						Duration.ofSeconds(timeout));
			else
				endpoint.echo(count, Duration.ofSeconds(timeout));
			synchronized (out) {
				out.println("counters: " + endpoint.counters());
				for (Map.Entry<DropReason, Long> drop : host.dropCounts().entrySet())
					out.println("dropped: " + drop.getKey().event() + ": " + drop.getValue());
				out.flush();
			}
			LiveEndpoint.Counters counters = endpoint.counters();
			return send > 0 && (counters.echoed < send || counters.reordered > 0) ? 1 : 0;
		} catch (IOException e) {
			throw new Failure("udp port " + listen + ": " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
		} catch (IllegalArgumentException e) {
			throw new Failure(config + ": " + e.getMessage());
		}
	}

	private TracePacket flow() throws Failure {
		if (packetText == null)
			throw new Failure("--send needs --packet, the flow of the datagrams");
		try {
			return TracePacket.parse(packetText);
		} catch (IllegalArgumentException e) {
			throw new Failure("--packet: " + e.getMessage());
		}
	}

	private InetAddress peer(RuntimeConfig host) throws Failure {
		String text = peerAddress;
		if (text == null) {
			ManualSa first = host.manualSas().stream().findFirst()
					.orElseThrow(() -> new Failure(config + ": manualSas: the live mode needs a manual SA"));
			text = first.peer().get(0);
		}
		try {
			IpRange range = IpRange.parse(text);
			return InetAddress.getByName(IpRange.format(range.first()));
		} catch (IllegalArgumentException | UnknownHostException e) {
			throw new Failure("--peer-address: '" + text + "' is not an address");
		}
	}
}
