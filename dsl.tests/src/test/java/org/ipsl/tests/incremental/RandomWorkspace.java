package org.ipsl.tests.incremental;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A small random workspace of peers for the property tests of edits: 3 to 6 hosts spread over 2 to
 * 4 files, networks and a transform-set in a file of their own; each host's policies protect, pass
 * or discard traffic towards other hosts (named by address, by host name or by network) or a network
 * outside the workspace, and its IKE policies name some peers. Edits change it as a user would
 * ({@link Edit}); the texts are rendered again after each.
 */
final class RandomWorkspace {
	static final String COMMON = "common.ipsl";

	/** A policy: its protocol and port, its remote end and what it does. */
	record Policy(String protocol, int port, Target target, String action) {
	}

	/** A remote end: host {@code peer} by address, by name or by its network, or outside the workspace. */
	record Target(Kind kind, int peer) {
		enum Kind {
			ADDRESS, HOST_NAME, NETWORK, OUTSIDE
		}
	}

	static final class Host {
		String name;
		int address;
		final List<Policy> policies = new ArrayList<>();
		/** The peers it has an IKE policy for, in order. */
		final List<Integer> ikePeers = new ArrayList<>();
		boolean broken;

		Host(String name, int address) {
			this.name = name;
			this.address = address;
		}
	}

	final List<Host> hosts = new ArrayList<>();
	final int files;
	/** The second octet of each host's network ({@code net<i>}). */
	final List<Integer> networks = new ArrayList<>();

	private RandomWorkspace(int files) {
		this.files = files;
	}

	private static final List<String> ACTIONS = List.of("protect esp-aes128-hmac-sha1", "protect corp", "pass",
			"discard", "protect esp-3des-hmac-sha1");

	private static Arbitrary<Policy> policies() {
		Arbitrary<Target> targets = Combinators
				.combine(Arbitraries.of(Target.Kind.class), Arbitraries.integers().between(0, 5)).as(Target::new);
		return Combinators.combine(Arbitraries.of("tcp", "udp", "any"), Arbitraries.of(22, 80, 443), targets,
				Arbitraries.of(ACTIONS)).as(Policy::new);
	}

	static Arbitrary<RandomWorkspace> arbitrary() {
		Arbitrary<List<Policy>> hostPolicies = policies().list().ofMinSize(1).ofMaxSize(4);
		Arbitrary<List<Integer>> ikePeers = Arbitraries.integers().between(0, 5).list().ofMaxSize(2);
		return Combinators.combine(Arbitraries.integers().between(3, 6), Arbitraries.integers().between(2, 4),
				hostPolicies.list().ofSize(6), ikePeers.list().ofSize(6)).as((n, files, policies, ikes) -> {
					RandomWorkspace workspace = new RandomWorkspace(files);
					for (int h = 0; h < n; h++) {
						Host host = new Host("h" + h, h);
						for (Policy policy : policies.get(h))
							host.policies.add(new Policy(policy.protocol(), policy.port(),
									new Target(policy.target().kind(), policy.target().peer() % n), policy.action()));
						ikes.get(h).stream().map(peer -> peer % n).filter(peer -> peer != host.address).distinct()
								.forEach(host.ikePeers::add);
						workspace.hosts.add(host);
						workspace.networks.add(h);
					}
					return workspace;
				});
	}

	/** One edit of a user, on host {@code host} (modulo the number of hosts) with {@code value} where it needs one. */
	record Edit(Kind kind, int host, int value, Policy policy) {
		enum Kind {
			RENAME_HOST, CHANGE_ADDRESS, ADD_IKE, REMOVE_IKE, ADD_POLICY, REMOVE_POLICY, CHANGE_POLICY, CHANGE_NETWORK, BREAK_SYNTAX, REPAIR_SYNTAX
		}

		void applyTo(RandomWorkspace workspace) {
			Host target = workspace.hosts.get(host % workspace.hosts.size());
			int peer = value % workspace.hosts.size();
			switch (kind) {
				case RENAME_HOST -> target.name = target.name + "x";
				case CHANGE_ADDRESS -> target.address = value % 8;
				case ADD_IKE -> target.ikePeers.add(peer);
				case REMOVE_IKE -> {
					if (!target.ikePeers.isEmpty())
						target.ikePeers.remove(value % target.ikePeers.size());
				}
				case ADD_POLICY -> target.policies.add(new Policy(policy.protocol(), policy.port(),
						new Target(policy.target().kind(), peer), policy.action()));
				case REMOVE_POLICY -> {
					if (target.policies.size() > 1)
						target.policies.remove(value % target.policies.size());
				}
				case CHANGE_POLICY -> target.policies.set(value % target.policies.size(), new Policy(policy.protocol(),
						policy.port(), new Target(policy.target().kind(), peer), policy.action()));
				case CHANGE_NETWORK -> workspace.networks.set(peer, 100 + value % 8);
				case BREAK_SYNTAX -> target.broken = true;
				case REPAIR_SYNTAX -> target.broken = false;
			}
		}
	}

	static Arbitrary<Edit> edits() {
		return Combinators.combine(Arbitraries.of(Edit.Kind.class), Arbitraries.integers().between(0, 5),
				Arbitraries.integers().between(0, 40), policies()).as(Edit::new);
	}

	/** The workspace's files by name. */
	Map<String, String> render() {
		Map<String, StringBuilder> texts = new TreeMap<>();
		StringBuilder common = new StringBuilder("transform-set corp = esp-aes128-hmac-sha1\n");
		for (int n = 0; n < networks.size(); n++)
			common.append("network net").append(n).append(" = 10.").append(networks.get(n)).append(".0.0/16\n");
		texts.put(COMMON, common);
		for (int h = 0; h < hosts.size(); h++)
			texts.computeIfAbsent("hosts" + (h % files) + ".ipsl", f -> new StringBuilder())
					.append(render(hosts.get(h)));
		Map<String, String> result = new TreeMap<>();
		texts.forEach((name, text) -> result.put(name, text.toString()));
		return result;
	}

	private String render(Host host) {
		StringBuilder text = new StringBuilder("host ").append(host.name).append(" {\n    address ")
				.append(address(host)).append("\n");
		for (int k = 0; k < host.ikePeers.size(); k++) {
			Host peer = hosts.get(host.ikePeers.get(k));
			text.append("    ike to-").append(k).append(" priority ").append(10 * (k + 1)).append(" {\n")
					.append("        remote ").append(k % 2 == 0 ? address(peer) : peer.name).append("\n")
					.append("        proposals aes128-sha1-modp2048\n")
					.append("        authentication preshared \"").append(secret(host, peer)).append("\"\n")
					.append("    }\n");
		}
		for (int i = 0; i < host.policies.size(); i++) {
			Policy policy = host.policies.get(i);
			text.append("    policy p").append(i).append(" priority ").append(10 * (i + 1)).append(" {\n        ")
					.append(policy.protocol()).append(" from ").append(address(host)).append(" to ")
					.append(remote(policy.target()));
			if (!policy.protocol().equals("any"))
				text.append(" port ").append(policy.port());
			String action = host.broken && i == 0 ? policy.action().replace("s", "") + " {" : policy.action();
			text.append("\n        ").append(action).append("\n    }\n");
		}
		return text.append("}\n").toString();
	}

	private String remote(Target target) {
		Host peer = hosts.get(target.peer());
		return switch (target.kind()) {
			case ADDRESS -> address(peer);
			case HOST_NAME -> peer.name;
			case NETWORK -> "net" + target.peer();
			case OUTSIDE -> "172.16." + target.peer() + ".0/24";
		};
	}

	private static String address(Host host) {
		return "10." + host.address + ".0.1";
	}

	/** Both ends of an edge share a secret, except when one of them is host 0 and the other is odd. */
	private static String secret(Host host, Host peer) {
		int a = Math.min(host.address, peer.address), b = Math.max(host.address, peer.address);
		return "edge-" + a + "-" + b + (a == 0 && b % 2 == 1 && host.address == 0 ? "!" : "");
	}
}
