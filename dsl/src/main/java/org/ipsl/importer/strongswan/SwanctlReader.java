package org.ipsl.importer.strongswan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ipsl.importer.strongswan.Connection.Child;
import org.ipsl.importer.strongswan.Connection.Peer;
import org.ipsl.importer.strongswan.Connection.Psk;
import org.ipsl.importer.strongswan.Connection.Text;

/**
 * The connections and preshared keys of a swanctl.conf, read from its settings tree; every setting
 * not mapped is reported once (see {@link Unimported}).
 */
final class SwanctlReader {
	private final Problems problems;
	final List<Connection> connections = new ArrayList<>();
	final List<Psk> psks = new ArrayList<>();

	SwanctlReader(Problems problems) {
		this.problems = problems;
	}

	void read(Section root) {
		root.takeSection("connections").ifPresent(c -> c.sections.values().forEach(this::connection));
		root.takeSection("secrets").ifPresent(this::secrets);
		root.takeSection("pools").ifPresent(pools -> {
			problems.inexpressible(pools.at, "pools not imported: " + Unimported.INEXPRESSIBLE.get("pools"));
			markUsed(pools);
		});
		root.takeSection("authorities").ifPresent(authorities -> {
			problems.ignored(authorities.at, "authorities",
					"certification authorities' certificates and revocation sources (certificate contents are not imported)");
			markUsed(authorities);
		});
		reportLeftOver(root, "swanctl.conf");
	}

	private void connection(Section s) {
		s.used = true;
		Connection c = new Connection(s.name, s.at);
		s.take("version").ifPresent(v -> {
			switch (v.value) {
				case "0" -> c.version = "any";
				case "1", "2" -> c.version = v.value;
				default -> problems.unreadable(v.at, "version " + v.value + ": 0, 1 or 2 was expected");
			}
		});
		s.take("local_addrs").ifPresent(v -> c.localAddrs.addAll(list(v)));
		s.take("remote_addrs").ifPresent(v -> c.remoteAddrs.addAll(list(v)));
		s.take("proposals").ifPresent(v -> c.proposals.addAll(list(v)));
		s.take("aggressive").ifPresent(v -> c.aggressive = yes(v));
		rounds(s, "local", c.local, c.name);
		rounds(s, "remote", c.remote, c.name);
		s.takeSection("children")
				.ifPresent(children -> children.sections.values().forEach(cs -> c.children.add(child(cs))));
		connections.add(c);
		reportLeftOver(s, "connection " + s.name);
	}

	/** The first authentication round of a side ({@code local}, {@code local-1}, ...); later rounds are not expressible. */
	private void rounds(Section s, String side, Peer peer, String connection) {
		boolean first = true;
		for (Section round : s.sections.values()) {
			if (!round.name.equals(side) && !round.name.startsWith(side + "-") && !round.name.startsWith(side + "_"))
				continue;
			round.used = true;
			if (!first) {
				problems.inexpressible(round.at, round.name + " not imported: a further authentication round of "
						+ connection + " (IPSL authenticates once)");
				markUsed(round);
				continue;
			}
			first = false;
			round.take("round");
			round.take("auth").ifPresent(a -> auth(a, peer));
			round.take("id").ifPresent(id -> peer.id = new Text(id.value, id.at));
			round.take("certs").ifPresent(certs -> {
				if (peer.auth == null) {
					peer.auth = "pubkey";
					peer.authAt = certs.at;
				}
			});
			reportLeftOver(round, "the " + side + " authentication of " + connection);
		}
	}

	private void auth(Setting a, Peer peer) {
		String method = a.value.toLowerCase(Locale.ROOT);
		peer.authAt = a.at;
		if (method.equals("psk"))
			peer.auth = "psk";
		else if (method.equals("pubkey") || method.startsWith("pubkey-") || method.startsWith("rsa")
				|| method.startsWith("ecdsa")
				|| method.startsWith("ed25519") || method.startsWith("ed448") || method.startsWith("bliss"))
			peer.auth = "pubkey";
		else
			problems.inexpressible(a.at, "auth = " + a.value + " not imported: "
					+ (method.startsWith("eap")
							? "EAP authentication (IPSL has no EAP)"
							: method.startsWith("xauth")
									? "XAUTH authentication (IPSL has no XAUTH)"
									: "this authentication method (IPSL has preshared keys and certificates)"));
	}

	private Child child(Section s) {
		s.used = true;
		Child child = new Child(s.name, s.at);
		s.take("local_ts").ifPresent(v -> list(v).forEach(t -> child.localTs.add(Selectors.parse(t, problems))));
		s.take("remote_ts").ifPresent(v -> list(v).forEach(t -> child.remoteTs.add(Selectors.parse(t, problems))));
		s.take("esp_proposals").ifPresent(v -> child.esp.addAll(list(v)));
		s.take("ah_proposals").ifPresent(v -> child.ah.addAll(list(v)));
		s.take("mode").ifPresent(v -> {
			switch (v.value.toLowerCase(Locale.ROOT)) {
				case "tunnel", "transport", "pass", "drop" -> child.mode = v.value.toLowerCase(Locale.ROOT);
				default -> problems.inexpressible(v.at,
						"mode = " + v.value + " not imported: IPSL has tunnel, transport, pass and drop");
			}
		});
		s.take("start_action").ifPresent(v -> child.start = startAction(v));
		s.take("priority").ifPresent(v -> child.priority = new Text(v.value, v.at));
		reportLeftOver(s, "child " + s.name);
		return child;
	}

	private String startAction(Setting v) {
		String action = v.value.toLowerCase(Locale.ROOT);
		boolean start = action.contains("start"), trap = action.contains("trap");
		if (start)
			return "initiate"; // start|trap: started now, and trapped after it closes
		if (trap)
			return "trap";
		if (!action.equals("none"))
			problems.unreadable(v.at, "start_action = " + v.value + ": none, trap or start was expected");
		return "none";
	}

	private void secrets(Section secrets) {
		for (Section s : secrets.sections.values()) {
			s.used = true;
			String type = s.name.replaceFirst("[-_].*$", "").toLowerCase(Locale.ROOT);
			switch (type) {
				case "ike" -> {
					List<String> ids = new ArrayList<>();
					Optional<Setting> secret = s.take("secret");
					for (Setting setting : s.settings.values())
						if (setting.key.startsWith("id")) {
							setting.used = true;
							ids.add(setting.value);
						}
					if (secret.isEmpty())
						problems.unreadable(s.at, "secret " + s.name + " has no secret = ...");
					else {
						String value = Secrets.decode(secret.get(), problems);
						if (value != null)
							psks.add(new Psk(ids, value, secret.get().at));
					}
					reportLeftOver(s, "secret " + s.name);
				}
				case "eap", "xauth", "ntlm" -> {
					problems.inexpressible(s.at,
							"secret " + s.name + " not imported: an " + type.toUpperCase(Locale.ROOT)
									+ " password (IPSL has no " + (type.equals("xauth") ? "XAUTH" : "EAP") + ")");
					markUsed(s);
				}
				case "ppk" -> {
					problems.inexpressible(s.at,
							"secret " + s.name + " not imported: a post-quantum preshared key (RFC 8784)");
					markUsed(s);
				}
				case "private", "rsa", "ecdsa", "pkcs8", "pkcs12", "token", "bliss" -> {
					problems.ignored(s.at, "secret " + type,
							"a private key for certificate authentication (certificate authentication is imported by identity)");
					markUsed(s);
				}
				default -> {
					problems.inexpressible(s.at, "secret " + s.name + " not imported: an unknown kind of secret");
					markUsed(s);
				}
			}
		}
		reportLeftOver(secrets, "secrets");
	}

	static boolean yes(Setting v) {
		String value = v.value.toLowerCase(Locale.ROOT);
		return value.equals("yes") || value.equals("true") || value.equals("enabled") || value.equals("1");
	}

	/** A comma-separated value's items (blanks around them removed), each at its setting's place. */
	static List<Text> list(Setting v) {
		List<Text> items = new ArrayList<>();
		for (String item : v.value.split("[,\\s]+"))
			if (!item.isEmpty())
				items.add(new Text(item, v.at));
		return items;
	}

	private static void markUsed(Section s) {
		s.used = true;
		s.settings.values().forEach(v -> v.used = true);
		s.overridden.forEach(v -> v.used = true);
		s.sections.values().forEach(SwanctlReader::markUsed);
	}

	/** Reports every setting and section of {@code s} not mapped, and every value written twice. */
	private void reportLeftOver(Section s, String where) {
		for (Setting before : s.overridden)
			if (!before.used) {
				before.used = true;
				problems.ignored(before.at, before.key,
						"written again later in " + where + "; the later value is used");
			}
		for (Setting v : s.settings.values())
			if (!v.used)
				Unimported.report(v, where, problems);
		for (Section sub : s.sections.values())
			if (!sub.used) {
				String lost = Unimported.INEXPRESSIBLE.get(sub.name);
				problems.inexpressible(sub.at, "section " + sub.name + " not imported: "
						+ (lost != null ? lost : "a section of " + where + " the importer does not know"));
				markUsed(sub);
			}
	}
}
