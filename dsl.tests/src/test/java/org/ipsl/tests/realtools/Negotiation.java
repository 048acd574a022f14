package org.ipsl.tests.realtools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus scenario played in the {@link Testbed}: each IPsec machine runs a charon with userspace
 * ESP and loads the swanctl.conf given for it, the machines initiate what the scenario's
 * pretest.dat initiates, in its order (a child its configuration starts on load is awaited, not
 * initiated twice), then the pings of its evaltest.dat are sent. What each
 * charon lists afterwards ({@code swanctl --list-sas --raw}) and what each ping got are kept.
 */
record Negotiation(Map<String, String> listed, Map<CorpusScenario.Ping, Boolean> pings, String logs) {
	private static final int INITIATE_SECONDS = 6;

	/** Waits a while for a child its configuration starts; what comes of it is compared afterwards. */
	private static void awaitInstalled(Charon charon, String child) throws InterruptedException {
		for (int i = 0; i < 10 * INITIATE_SECONDS; i++) {
			if (charon.listSas().stream().flatMap(sa -> sa.children().stream())
					.anyMatch(c -> c.name().equals(child) && "INSTALLED".equals(c.get("state"))))
				return;
			Thread.sleep(100);
		}
	}

	/** The IKE_SAs a machine lists. */
	List<ListedSa> sas(String host) {
		return ListedSa.parse(listed.getOrDefault(host, ""));
	}

	static Negotiation run(CorpusScenario scenario, Map<String, Path> configs, Path dir) throws Exception {
		List<String> machines = new ArrayList<>(scenario.machines());
		for (String host : scenario.ipsecHosts())
			if (!machines.contains(host))
				machines.add(host);
		try (Testbed testbed = Testbed.build(scenario.dir().resolve("../../../hosts").normalize(), machines)) {
			Map<String, Charon> charons = new LinkedHashMap<>();
			try {
				// the initiating machines load last: a configuration that starts its connections on
				// load then finds its peers ready
				List<String> hosts = new ArrayList<>(scenario.ipsecHosts());
				hosts.sort(Comparator.comparing(
						host -> scenario.initiations().stream().anyMatch(i -> i.host().equals(host))));
				for (String host : hosts) {
					Charon charon = Charon.startWithUserspaceEsp(testbed.machine(host), dir.resolve(host));
					charons.put(host, charon);
					Path config = configs.get(host);
					if (config == null)
						throw new AssertionError("no swanctl.conf for " + host + " of " + scenario.name());
					RealTools.Run load = charon.load(config);
					if (load.exit() != 0 || load.both().contains("failed") || load.both().contains("invalid"))
						throw new AssertionError(
								scenario.name() + ": " + host + " cannot load " + config + ":\n" + load.both());
				}
				for (CorpusScenario.Initiation initiation : scenario.initiations()) {
					Charon charon = charons.get(initiation.host());
					if (charon == null)
						throw new AssertionError(scenario.name() + " initiates on " + initiation.host()
								+ ", which is not one of its IPsec hosts");
					if (initiation.child() != null && "start".equals(SwanctlConf.read(configs.get(initiation.host()))
							.anyChild(initiation.child(), "start_action"))) {
						awaitInstalled(charon, initiation.child());
						continue; // the configuration starts it on load: initiating it again would duplicate it
					}
					List<String> args = new ArrayList<>(List.of("--initiate"));
					if (initiation.ike() != null)
						args.addAll(List.of("--ike", initiation.ike()));
					if (initiation.child() != null)
						args.addAll(List.of("--child", initiation.child()));
					args.addAll(List.of("--timeout", String.valueOf(INITIATE_SECONDS)));
					charon.swanctl(args.toArray(String[]::new));
				}
				Map<CorpusScenario.Ping, Boolean> pings = new LinkedHashMap<>();
				for (CorpusScenario.Ping ping : scenario.pings())
					pings.put(ping,
							testbed.machine(ping.from()).run(10, RealTools.PING.toString(), "-c", "1", "-W", "2",
									ping.to()).exit() == 0);
				Map<String, String> listed = new LinkedHashMap<>();
				StringBuilder logs = new StringBuilder();
				for (Map.Entry<String, Charon> charon : charons.entrySet()) {
					RealTools.Run list = charon.getValue().swanctl("--list-sas", "--raw");
					listed.put(charon.getKey(), list.out());
					logs.append("== ").append(charon.getKey()).append(" charon.log\n").append(charon.getValue().log());
				}
				return new Negotiation(listed, pings, logs.toString());
			} finally {
				for (Charon charon : charons.values())
					charon.close();
			}
		}
	}
}
