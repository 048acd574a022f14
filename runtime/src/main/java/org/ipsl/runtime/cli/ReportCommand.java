package org.ipsl.runtime.cli;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.report.HostReport;
import org.ipsl.runtime.trace.TracePacket;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report --config A.json --spd|--sad|--cache|--bypass|--audit|--streams|--all [--send PACKET]...}, like {@code ipsec_report}. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Start the host of a runtime.json and print its state as HP-UX's ipsec_report does.")
class ReportCommand extends HostCommand {

	@Option(names = "--config", required = true, paramLabel = "FILE", description = "the host's runtime.json")
	Path config;

	@Option(names = {"--spd", "-host"}, description = "the SPD: every policy outbound, then inbound, the default last")
	boolean spd;

	@Option(names = {"--sad", "-sad"}, description = "the SAD: every SA with its state (keys are never shown)")
	boolean sad;

	@Option(names = "-sa", paramLabel = "ipsec", description = "the same as --sad, in A.02.01's spelling (-sa ipsec)")
	String sa;

	@Option(names = {"--cache", "-cache"}, description = "the decision cache, with the SAs of each entry")
	boolean cache;

	@Option(names = {"--bypass", "-bypass"}, description = "the bypass list")
	boolean bypass;

	@Option(names = {"--audit", "-audit"}, description = "the audit log at the host's level")
	boolean audit;

	@Option(names = "--streams", description = "the STREAMS log (HP-UX writes Padding checks failed and the like there, not to the audit file)")
	boolean streams;

	@Option(names = {"--all", "-all"}, description = "everything (the default); the STREAMS log when it holds lines")
	boolean all;

	@Option(names = "--send", paramLabel = "PACKET", description = "a packet the host sends first, e.g. \"tcp 10.1.1.10:40000 -> 10.2.2.20:22\" (fills the cache); repeatable")
	List<String> send = List.of();

	@Override
	int execute() throws Failure, RuntimeConfigException {
		IpsecHost host = start(config, entry -> {
		});
		for (String text : send) {
			try {
				host.send(TracePacket.parse(text).bytes());
			} catch (IllegalArgumentException e) {
				throw new Failure("--send: " + e.getMessage());
			}
		}
		if (sa != null) {
			if (!sa.equals("ipsec"))
				throw new Failure("-sa " + sa + ": the runtime keeps IPsec SAs only; use -sa ipsec");
			sad = true;
		}
		boolean everything = all || !(spd || sad || cache || bypass || audit || streams);
		if (everything) {
			out().print(HostReport.all(host));
			out().flush();
			return 0;
		}
		StringBuilder text = new StringBuilder();
		if (spd)
			text.append(HostReport.spd(host));
		if (sad)
			text.append(HostReport.sad(host));
		if (cache)
			text.append(HostReport.cache(host));
		if (bypass)
			text.append(HostReport.bypass(host));
		if (audit)
			text.append(HostReport.audit(host));
		if (streams)
			text.append(HostReport.streams(host));
		out().print(text);
		out().flush();
		return 0;
	}
}
