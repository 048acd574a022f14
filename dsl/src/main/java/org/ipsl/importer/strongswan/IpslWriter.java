package org.ipsl.importer.strongswan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.ipsl.importer.strongswan.Connection.Child;
import org.ipsl.importer.strongswan.Connection.Peer;
import org.ipsl.importer.strongswan.Connection.Psk;
import org.ipsl.importer.strongswan.Connection.Selector;
import org.ipsl.importer.strongswan.Connection.Text;
import org.ipsl.importer.strongswan.Identities.Identity;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

/**
 * The IPSL text of the imported machines: one {@code host} per machine, and, when several hosts use
 * the same subnet or proposal list, one {@code network} / {@code ike-proposal} / {@code transform-set}
 * declaration that they share. Each preshared key goes to its own secret file. A connection becomes an
 * {@code ike} policy of the same name, each child a {@code policy} of the child's name bound to it
 * with {@code ike NAME}.
 */
final class IpslWriter {
	/** One machine to write. */
	record Machine(String name, List<IpAddress> addresses, List<Connection> connections, List<Psk> psks) {
	}

	/** The shared declarations' text, each host's text, and the secret files (path relative to the workspace, content). */
	record Output(String shared, Map<String, String> hosts, Map<String, String> secrets) {
	}

	private final Problems problems;
	private final Predicate<String> validName;
	/** Host names (such as sun.strongswan.org) and the address each stands for. */
	private final Map<String, String> names;
	private final Map<String, String> networks = new LinkedHashMap<>();
	private final Map<String, String> ikeSets = new LinkedHashMap<>();
	private final Map<String, String> espSets = new LinkedHashMap<>();

	IpslWriter(Problems problems, Predicate<String> validName, Map<String, String> names) {
		this.problems = problems;
		this.validName = validName;
		this.names = names;
	}

	Output write(List<Machine> machines) {
		share(machines);
		Map<String, String> hosts = new LinkedHashMap<>();
		Map<String, String> secrets = new LinkedHashMap<>();
		for (Machine m : machines)
			hosts.put(m.name(), host(m, secrets));
		StringBuilder shared = new StringBuilder();
		networks.forEach(
				(prefix, name) -> shared.append("network ").append(name).append(" = ").append(prefix).append('\n'));
		ikeSets.forEach(
				(list, name) -> shared.append("ike-proposal ").append(name).append(" = ").append(list).append('\n'));
		espSets.forEach(
				(list, name) -> shared.append("transform-set ").append(name).append(" = ").append(list).append('\n'));
		return new Output(shared.toString(), hosts, secrets);
	}

	/** Names the subnets and proposal lists that two or more machines use. */
	private void share(List<Machine> machines) {
		if (machines.size() < 2)
			return;
		Map<String, Set<String>> prefixUsers = new TreeMap<>(), ikeUsers = new LinkedHashMap<>(),
				espUsers = new LinkedHashMap<>();
		Map<String, String> ikeFirst = new HashMap<>(), espFirst = new HashMap<>();
		for (Machine m : machines)
			for (Connection c : m.connections()) {
				String ike = ikeList(c);
				if (!ike.isEmpty() && !ike.contains("default")) {
					ikeUsers.computeIfAbsent(ike, k -> new java.util.HashSet<>()).add(m.name());
					ikeFirst.putIfAbsent(ike, c.name + "-ike");
				}
				for (Child child : c.children) {
					String esp = transforms(child);
					if (!esp.contains("default")) {
						espUsers.computeIfAbsent(esp, k -> new java.util.HashSet<>()).add(m.name());
						espFirst.putIfAbsent(esp, child.name + "-esp");
					}
					for (Selector s : concat(child.localTs, child.remoteTs)) {
						Parsed<IpAddress> a = IpAddress.parse(s.address());
						if (a.ok() && !a.value().isHost())
							prefixUsers.computeIfAbsent(a.value().toString(), k -> new java.util.HashSet<>())
									.add(m.name());
					}
				}
			}
		Set<String> taken = new java.util.HashSet<>();
		prefixUsers.forEach((prefix, users) -> {
			if (users.size() > 1)
				networks.put(prefix, unique("net-" + prefix.replaceAll("[^A-Za-z0-9]+", "-"), taken));
		});
		ikeUsers.forEach((list, users) -> {
			if (users.size() > 1)
				ikeSets.put(list, unique(ikeFirst.get(list), taken));
		});
		espUsers.forEach((list, users) -> {
			if (users.size() > 1)
				espSets.put(list, unique(espFirst.get(list), taken));
		});
	}

	private String unique(String base, Set<String> taken) {
		String name = validName.test(base) ? base : "shared";
		for (int i = 2; !taken.add(name); i++)
			name = (validName.test(base) ? base : "shared") + "-" + i;
		return name;
	}

	private static <T> List<T> concat(List<T> a, List<T> b) {
		List<T> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private String host(Machine m, Map<String, String> secrets) {
		StringBuilder out = new StringBuilder("host ").append(m.name()).append(" {\n");
		if (!m.addresses().isEmpty())
			out.append("address ")
					.append(m.addresses().stream().map(IpAddress::toString).collect(Collectors.joining(", ")))
					.append('\n');
		Set<String> policyNames = new java.util.HashSet<>();
		for (Connection c : m.connections()) {
			if (!validName.test(c.name)) {
				problems.inexpressible(c.at, "connection " + c.name + " not imported: its name is not an IPSL name "
						+ "(letters, digits, _ and -, and not a keyword): rename it");
				continue;
			}
			Ends ends = ends(m, c);
			out.append(ike(m, c, ends, secrets));
			for (Child child : c.children) {
				if (!validName.test(child.name)) {
					problems.inexpressible(child.at,
							"child " + child.name + " not imported: its name is not an IPSL name "
									+ "(letters, digits, _ and -, and not a keyword): rename it");
					continue;
				}
				if (!policyNames.add(child.name)) {
					problems.inexpressible(child.at, "child " + child.name + " not imported: another connection of "
							+ m.name() + " has a child of that name (IPSL policy names are unique per host)");
					continue;
				}
				out.append(policy(m, c, child, ends));
			}
		}
		return out.append("}\n").toString();
	}

	/** The IKE endpoints as IPSL writes them: the local address (null: any of the host's) and the remote ({@code any}, an address, a prefix). */
	private record Ends(String local, String remote, String remoteAddress) {
	}

	private Ends ends(Machine m, Connection c) {
		String local = null;
		if (!c.localAddrs.isEmpty()) {
			Text first = c.localAddrs.get(0);
			local = endpoint(first);
			if (c.localAddrs.size() > 1)
				problems.inexpressible(c.localAddrs.get(1).at(), "local_addrs of " + c.name
						+ ": only the first address is imported (IPSL's local takes one)");
		}
		String remote = "any";
		if (!c.remoteAddrs.isEmpty()) {
			remote = endpoint(c.remoteAddrs.get(0));
			if (c.remoteAddrs.size() > 1)
				problems.inexpressible(c.remoteAddrs.get(1).at(), "remote_addrs of " + c.name
						+ ": only the first address is imported (IPSL's remote takes one endpoint)");
		}
		Parsed<IpAddress> r = IpAddress.parse(remote);
		String remoteAddress = r.ok() && r.value().isHost() ? remote : null;
		if (local == null || local.equals("any"))
			local = null;
		return new Ends(local, remote, remoteAddress);
	}

	/** An address as IPSL writes it: %any is any, a range A-B is A..B, a DNS name its address when known. */
	private String endpoint(Text text) {
		String value = text.value();
		if (value.equals("%any"))
			return "any";
		if (IpAddress.parse(value).ok())
			return value;
		int dash = value.indexOf('-');
		if (dash > 0 && IpAddress.parse(value.substring(0, dash)).ok()
				&& IpAddress.parse(value.substring(dash + 1)).ok())
			return value.substring(0, dash) + ".." + value.substring(dash + 1);
		String address = names.get(value);
		if (address != null)
			return address;
		problems.inexpressible(text.at(),
				value + ": a DNS name IPSL cannot resolve; written as any (give the address instead)");
		return "any";
	}

	/** The host's own address the IKE_SA uses: local_addrs, else the first of the remote's family. */
	private static String ownAddress(Machine m, Ends ends) {
		if (ends.local() != null && IpAddress.parse(ends.local()).ok()
				&& IpAddress.parse(ends.local()).value().isHost())
			return ends.local();
		boolean v6 = ends.remoteAddress() != null && ends.remoteAddress().contains(":");
		for (IpAddress a : m.addresses())
			if (a.isV4() != v6)
				return a.toString();
		return null;
	}

	private String ike(Machine m, Connection c, Ends ends, Map<String, String> secrets) {
		StringBuilder out = new StringBuilder("ike ").append(c.name).append(" {\n");
		out.append("version ").append(c.version).append('\n');
		if (ends.local() != null)
			out.append("local ").append(ends.local()).append('\n');
		out.append("remote ").append(ends.remote()).append('\n');
		String ike = ikeList(c);
		if (!ike.isEmpty())
			out.append("proposals ").append(ikeSets.getOrDefault(ike, ike)).append('\n');
		Identity localId = c.local.id == null ? null : Identities.parse(c.local.id.value());
		Identity remoteId = c.remote.id == null ? null : Identities.parse(c.remote.id.value());
		String localAuth = authentication(m, c, c.local, localId, remoteId, ends, secrets);
		if (localAuth != null)
			out.append("authentication ").append(localAuth).append('\n');
		if (c.remote.auth != null && !c.remote.auth.equals(c.local.auth))
			out.append("remote-authentication ")
					.append(c.remote.auth.equals("psk")
							? authentication(m, c, c.remote, localId, remoteId, ends, secrets)
							: "certificate")
					.append('\n');
		if (localId != null && !localId.isAny())
			out.append("local-id ").append(localId.ipsl()).append('\n');
		if (remoteId != null)
			out.append("remote-id ").append(remoteId.ipsl()).append('\n');
		if (c.aggressive)
			out.append("mode aggressive\n");
		return out.append("}\n").toString();
	}

	/** The authentication clause of one side, or null when it has none (reported where that matters). */
	private String authentication(Machine m, Connection c, Peer side, Identity localId, Identity remoteId, Ends ends,
			Map<String, String> secrets) {
		if (side.auth == null)
			return null;
		if (side.auth.equals("pubkey"))
			return "certificate";
		String me = ownAddress(m, ends);
		Identity mine = localId != null ? localId : me == null ? null : Identities.parse(me);
		Identity theirs = remoteId != null && !remoteId.isAny()
				? remoteId
				: ends.remoteAddress() == null ? null : Identities.parse(ends.remoteAddress());
		Psk best = null;
		int bestScore = 0;
		for (Psk psk : m.psks()) { // strongSwan's choice: the key whose owners match both identities, else one, else a key for anyone
			boolean meMatched = psk.ids().stream().anyMatch(o -> mine != null && Identities.parse(o).matches(mine));
			boolean otherMatched = psk.ids().stream()
					.anyMatch(o -> theirs != null && Identities.parse(o).matches(theirs));
			int score = psk.ids().isEmpty() ? 1 : (meMatched ? 2 : 0) + (otherMatched ? 2 : 0);
			if (score > bestScore) {
				best = psk;
				bestScore = score;
			}
		}
		if (best == null) {
			problems.inexpressible(side.authAt != null ? side.authAt : c.at, "connection " + c.name
					+ " authenticates with a preshared key, but no secret matches its identities"
					+ (theirs == null && !m.psks().isEmpty()
							? " (the key depends on the identity the peer sends: IPSL has "
									+ "one key per IKE policy)"
							: "")
					+ ": the IKE policy is imported without authentication");
			return null;
		}
		String file = "secrets/" + m.name() + "-" + c.name + ".psk";
		secrets.put(file, best.secret());
		return "preshared file " + quote(file);
	}

	private String policy(Machine m, Connection c, Child child, Ends ends) {
		StringBuilder out = new StringBuilder("policy ").append(child.name);
		if (child.priority != null)
			out.append(" priority ").append(child.priority.value());
		out.append(" {\n");
		out.append(selector(child, ends)).append('\n');
		switch (child.mode) {
			case "pass" -> out.append("pass\n");
			case "drop" -> out.append("discard\n");
			default -> {
				out.append("protect ");
				if (child.mode.equals("tunnel")) { // the remote end any (%any): the IKE peer's address, whichever it is
					String own = ends.local() != null ? ends.local() : ownAddress(m, ends);
					out.append("tunnel ").append(own != null ? own : "any").append(" -> ").append(ends.remote())
							.append(' ');
				}
				String transforms = transforms(child);
				out.append(espSets.getOrDefault(transforms, transforms));
				out.append(" ike ").append(c.name).append(" start ").append(child.start).append('\n');
			}
		}
		return out.append("}\n").toString();
	}

	/**
	 * {@code PROTOCOL from LOCAL-TS, ... to REMOTE-TS, ...}: the protocol common to every selector in
	 * front (any when they differ), each selector's own protocol after it when it differs, and its port.
	 */
	private String selector(Child child, Ends ends) {
		List<Selector> local = child.localTs.isEmpty()
				? List.of(new Selector("dynamic", null, null, child.at))
				: child.localTs;
		List<Selector> remote = child.remoteTs.isEmpty()
				? List.of(new Selector("dynamic", null, null, child.at))
				: child.remoteTs;
		Set<String> protocols = concat(local, remote).stream().map(s -> s.protocol() == null ? "any" : s.protocol())
				.collect(Collectors.toSet());
		String common = protocols.size() == 1 ? protocols.iterator().next() : "any";
		return common + " from " + selectors(local, common, ends.local() == null ? null : ends.local())
				+ " to " + selectors(remote, common, ends.remote());
	}

	private String selectors(List<Selector> list, String common, String dynamic) {
		List<String> parts = new ArrayList<>();
		for (Selector s : list) {
			String address = s.address().equals("dynamic")
					? (dynamic == null ? "any" : dynamic)
					: s.address().equals("%any") ? "any" : endpoint(new Text(s.address(), s.at()));
			address = networks.getOrDefault(normal(address), address);
			StringBuilder part = new StringBuilder(address);
			if (s.protocol() != null && !s.protocol().equals(common))
				part.append(" protocol ").append(s.protocol());
			if (s.port() != null)
				part.append(" port ").append(s.port().replace("-", ".."));
			parts.add(part.toString());
		}
		return String.join(", ", parts);
	}

	private static String normal(String address) {
		Parsed<IpAddress> a = IpAddress.parse(address);
		return a.ok() ? a.value().toString() : address;
	}

	/** The IKE proposals as IPSL lists them, joined by ", " (empty: strongSwan's default, not written). */
	private static String ikeList(Connection c) {
		return c.proposals.stream().map(Text::value).collect(Collectors.joining(", "));
	}

	/** The child's ESP and AH proposals as IPSL transforms ({@code esp-...}, {@code ah-...}, {@code default}). */
	private static String transforms(Child child) {
		List<String> list = new ArrayList<>();
		child.esp.forEach(t -> list.add(t.value().equals("default") ? "default" : "esp-" + t.value()));
		child.ah.forEach(t -> list.add(t.value().equals("default") ? "default" : "ah-" + t.value()));
		if (list.isEmpty())
			list.add("default");
		return String.join(", ", list.stream().distinct().toList());
	}

	static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
