package org.ipsl.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.resource.Resource;
import org.ipsl.analysis.peers.Outcome;
import org.ipsl.analysis.peers.Session;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.Problems;
import org.ipsl.generator.plan.HostPlans;
import org.ipsl.generator.runtime.RuntimeGenerator;
import org.ipsl.ipsl.Host;
import org.ipsl.model.IpRange;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigJson;
import org.ipsl.runtime.host.HostOptions;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.trace.Trace;
import org.ipsl.runtime.trace.TracePacket;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime's trace and {@code ipsl check --peers} judge a negotiation with the same code; this
 * proves that what reaches the runtime says the same thing. Each example's hosts are generated to
 * {@code runtime.json} (even where the checker reports errors between peers, as the generator plans
 * each host alone), and for every row of the session table a packet of each protecting policy of the
 * initiator is traced to the responder: the traces' worst outcome and its audit text are the row's,
 * and an established row's proposal and transform are the trace's.
 */
class TraceAgreesWithSessionTableTest {

	@ParameterizedTest
	@ValueSource(strings = {"site-to-site", "peers"})
	void everyRowOfTheSessionTableIsWhatTheTraceFinds(String example) throws Exception {
		Path workspaceRoot = Checker.examples().resolve(example);
		WorkspaceChecker checker = Checker.injector().getInstance(WorkspaceChecker.class);
		List<Session> table = checker.report(List.of(workspaceRoot), Checker.DAY).sessions();
		Map<String, RuntimeConfig> configs = runtimeConfigs(checker, workspaceRoot, Checker.DAY);
		assertThat(table).isNotEmpty();
		for (Session row : table) {
			List<Trace.Result> traces = new ArrayList<>();
			for (TracePacket packet : packets(configs.get(row.initiator()), configs.get(row.responder()))) {
				Trace.Result trace = Trace.run(start(configs.get(row.initiator())), start(configs.get(row.responder())),
						packet);
				if (trace.negotiation().isPresent())
					traces.add(trace);
			}
			assertThat(traces).as("traces of %s -> %s", row.initiator(), row.responder()).isNotEmpty();
			Session worst = traces.stream().map(t -> t.negotiation().get())
					.max((x, y) -> x.outcome().compareTo(y.outcome())).get();
			assertThat(worst.outcome()).as("outcome of %s -> %s", row.initiator(), row.responder())
					.isEqualTo(row.outcome());
			assertThat(worst.audit()).as("audit of %s -> %s", row.initiator(), row.responder()).isEqualTo(row.audit());
			if (row.outcome() == Outcome.ESTABLISHED) {
				assertThat(worst.proposal()).isEqualTo(row.proposal());
				assertThat(worst.transform()).isEqualTo(row.transform());
				assertThat(traces).allMatch(Trace.Result::delivered);
			} else
				assertThat(traces).noneMatch(Trace.Result::delivered);
		}
	}

	/** Mismatched manual keys are not negotiated: the packet is sent and the receiver's engine drops it with HP-UX's text. */
	@ParameterizedTest
	@ValueSource(strings = {"peers"})
	void aManualKeyMismatchIsDroppedByTheReceiverWithTheAuditTextOfTheRow(String example) throws Exception {
		Path workspaceRoot = Checker.examples().resolve(example);
		WorkspaceChecker checker = Checker.injector().getInstance(WorkspaceChecker.class);
		Map<String, RuntimeConfig> configs = runtimeConfigs(checker, workspaceRoot, Checker.DAY);
		Trace.Result trace = Trace.run(start(configs.get("hq")), start(configs.get("b4")),
				TracePacket.parse("udp 10.0.0.1:40000 -> 10.0.4.1:514"));
		assertThat(trace.outcome()).isEqualTo("MANUAL_KEYS_MISMATCH");
		assertThat(trace.emitted()).isPresent();
		assertThat(trace.verdict()).startsWith("dropped by b4: Padding checks failed");
	}

	/** runtime.json of every host, as the generator writes it. */
	private static Map<String, RuntimeConfig> runtimeConfigs(WorkspaceChecker checker, Path root,
			LocalDate day) throws Exception {
		Map<String, RuntimeConfig> configs = new LinkedHashMap<>();
		for (WorkspaceChecker.Workspace workspace : checker.load(List.of(root), day))
			for (Resource resource : workspace.reported().values())
				for (var rootObject : resource.getContents())
					for (var element : rootObject.eContents())
						if (element instanceof Host host) {
							Problems problems = new Problems(host.getName(), "runtime");
							List<GeneratedFile> files = new RuntimeGenerator()
									.generate(HostPlans.of(host, workspace.root()), GenerateOptions.DEFAULT, problems);
							assertThat(problems.any()).as("runtime target problems of %s", host.getName()).isFalse();
							configs.put(host.getName(), RuntimeConfigJson.read(
									new ByteArrayInputStream(files.get(0).content().getBytes(StandardCharsets.UTF_8)),
									host.getName()));
						}
		return configs;
	}

	private static IpsecHost start(RuntimeConfig config) throws Exception {
		return IpsecHost.start(config, config.host(), HostOptions.defaults());
	}

	/**
	 * One packet per protecting policy of A that B can receive: from A's address (or the first of
	 * the local range behind a tunnel) to B's address (or the first of the remote range), with the
	 * policy's first ports, else 40000 and 22.
	 */
	private static List<TracePacket> packets(RuntimeConfig a, RuntimeConfig b) throws Exception {
		List<TracePacket> packets = new ArrayList<>();
		for (Policy policy : a.policies()) {
			if (policy.action().type() != Policy.Action.Type.PROTECT)
				continue;
			Policy.Selector s = policy.selector();
			boolean tunnel = policy.action().tunnel() != null;
			Optional<String> source = pick(s.local(), a.addresses(), tunnel);
			Optional<String> destination = pick(s.remote(), b.addresses(), tunnel);
			if (source.isEmpty() || destination.isEmpty())
				continue;
			int protocol = s.protocol() == null ? 6 : s.protocol();
			if (protocol != 6 && protocol != 17)
				continue;
			packets.add(new TracePacket(protocol, InetAddress.getByName(source.get()),
					s.localPorts() == null ? 40000 : s.localPorts().from(), InetAddress.getByName(destination.get()),
					s.remotePorts() == null ? 22 : s.remotePorts().from()));
		}
		return packets;
	}

	/** A host address inside the selector's ranges; behind a tunnel, the first address of the first range. */
	private static Optional<String> pick(List<String> ranges, List<String> addresses, boolean tunnel) {
		List<IpRange> parsed = ranges.stream().map(IpRange::parse).toList();
		for (String address : addresses)
			if (parsed.stream().anyMatch(r -> r.contains(IpRange.parse(address))))
				return Optional.of(address);
		if (!tunnel)
			return Optional.empty();
		IpRange first = parsed.get(0);
		return Optional.of(IpRange.format(first.size().signum() > 0 && first.size().bitLength() > 1
				? first.first().add(BigInteger.ONE)
				: first.first()));
	}
}
