package org.ipsl.importer.strongswan;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.ipsl.importer.ImportedText;
import org.ipsl.importer.strongswan.Connection.Child;
import org.ipsl.importer.strongswan.Connection.Peer;
import org.ipsl.importer.strongswan.Connection.Selector;
import org.ipsl.importer.strongswan.Connection.Text;

/**
 * A legacy ipsec.conf: {@code config setup} and {@code conn NAME} sections of indented
 * {@code key=value} lines, {@code conn %default} giving every connection its defaults,
 * {@code also=NAME} merging another section in, and {@code include FILE}. Each connection becomes one
 * {@link Connection} with one child of the same name; which of left and right is the host is decided
 * as strongSwan does, by the host's own addresses (left when neither is).
 */
final class IpsecConfReader {
	private static final int MAX_INCLUDES = 16;

	private final Problems problems;
	private final Predicate<String> ownAddress;
	private final Map<String, Map<String, Setting>> conns = new LinkedHashMap<>();
	private final Map<String, Where> connAt = new LinkedHashMap<>();
	private final Set<Path> reading = new HashSet<>();
	final List<Connection> connections = new ArrayList<>();
	final List<Path> files = new ArrayList<>();

	/** @param ownAddress whether an address (as written) is one of the host's */
	IpsecConfReader(Problems problems, Predicate<String> ownAddress) {
		this.problems = problems;
		this.ownAddress = ownAddress;
	}

	/** Reads the file and its includes; false when it cannot be read (reported). */
	boolean read(Path file) throws IOException {
		if (!parse(file, 0, null))
			return false;
		Map<String, Setting> defaults = conns.getOrDefault("%default", Map.of());
		for (Map.Entry<String, Map<String, Setting>> conn : conns.entrySet())
			if (!conn.getKey().equals("%default"))
				resolve(conn.getKey(), defaults);
		for (Map<String, Setting> section : conns.values())
			for (Setting v : section.values())
				if (!v.used) {
					v.used = true;
					problems.ignored(v.at, v.key, "every connection using it sets its own value");
				}
		return true;
	}

	private boolean parse(Path file, int depth, Where from) throws IOException {
		Path key = file.toAbsolutePath().normalize();
		if (!reading.add(key)) {
			problems.unreadable(from, "include cycle: " + file + " is already being read");
			return false;
		}
		try {
			ImportedText.Result text = ImportedText.read(file, Files.readAllBytes(file), "an ipsec.conf");
			if (text.problem() != null) {
				problems.problems.add(text.problem());
				return false;
			}
			files.add(file);
			Map<String, Setting> section = null;
			String sectionName = null;
			List<String> lines = text.lines();
			for (int i = 0; i < lines.size(); i++) {
				String row = lines.get(i);
				String content = stripComment(row);
				if (content.isBlank())
					continue;
				int indent = 0;
				while (indent < content.length() && (content.charAt(indent) == ' ' || content.charAt(indent) == '\t'))
					indent++;
				Where at = new Where(file, i + 1, indent + 1);
				String trimmed = content.trim();
				if (indent == 0) {
					String[] words = trimmed.split("\\s+");
					if (words[0].equals("include") && words.length == 2) {
						include(file, words[1], depth, at);
						section = null;
					} else if (words[0].equals("conn") && words.length == 2) {
						sectionName = words[1];
						if (conns.containsKey(sectionName))
							problems.unreadable(at, "conn " + sectionName + " is defined twice");
						section = new LinkedHashMap<>();
						conns.put(sectionName, section);
						connAt.putIfAbsent(sectionName, at);
					} else if (words[0].equals("config") && words.length == 2 && words[1].equals("setup")) {
						sectionName = "config setup";
						section = new LinkedHashMap<>();
					} else if (words[0].equals("version")) {
						section = null; // "version 2" of strongSwan 2 files: no meaning today
					} else {
						problems.unreadable(at,
								"'" + trimmed + "': conn NAME, config setup or include FILE was expected");
						section = null;
					}
					continue;
				}
				int equals = trimmed.indexOf('=');
				if (equals <= 0) {
					problems.unreadable(at, "'" + trimmed + "': key=value was expected");
					continue;
				}
				if (section == null) {
					problems.unreadable(at, "a setting outside any conn or config setup section");
					continue;
				}
				String k = trimmed.substring(0, equals).trim();
				String value = trimmed.substring(equals + 1).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
					value = value.substring(1, value.length() - 1);
				Setting setting = new Setting(k, value, at);
				Setting before = section.put(k, setting);
				if (before != null)
					problems.unreadable(at,
							k + " is given twice in " + sectionName + " (also line " + before.at.line() + ")");
				if (sectionName.equals("config setup"))
					Unimported.report(setting, "config setup", problems);
			}
			return true;
		} finally {
			reading.remove(key);
		}
	}

	/** The line without its {@code #} comment (a # inside double quotes is kept). */
	static String stripComment(String row) {
		boolean quoted = false;
		for (int i = 0; i < row.length(); i++) {
			char c = row.charAt(i);
			if (c == '"')
				quoted = !quoted;
			else if (c == '#' && !quoted)
				return row.substring(0, i);
		}
		return row;
	}

	private void include(Path file, String pattern, int depth, Where at) throws IOException {
		if (depth + 1 > MAX_INCLUDES) {
			problems.unreadable(at, "includes nested deeper than " + MAX_INCLUDES + " files");
			return;
		}
		Path target = file.toAbsolutePath().getParent().resolve(pattern);
		if (pattern.contains("*") || pattern.contains("?")) {
			List<Path> matches = new ArrayList<>();
			Path folder = target.getParent();
			if (folder != null && Files.isDirectory(folder))
				try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, target.getFileName().toString())) {
					found.forEach(matches::add);
				}
			matches.sort(null);
			for (Path match : matches)
				parse(match, depth + 1, at);
		} else if (Files.isRegularFile(target))
			parse(target, depth + 1, at);
		else
			problems.unreadable(at, "include " + pattern + ": no such file");
	}

	/** The connection's settings: %default's, then those of its also= sections, then its own. */
	private void resolve(String name, Map<String, Setting> defaults) {
		Map<String, Setting> merged = new LinkedHashMap<>(defaults);
		also(name, merged, new HashSet<>());
		Setting auto = merged.get("auto");
		if (auto != null && auto.value.equals("ignore")) {
			auto.used = true;
			problems.ignored(auto.at, "auto=ignore", "the connection is not loaded");
			return;
		}
		connections.add(connection(name, merged));
	}

	private void also(String name, Map<String, Setting> merged, Set<String> seen) {
		seen.add(name);
		Map<String, Setting> own = conns.get(name);
		Setting also = own.get("also");
		if (also != null) {
			also.used = true;
			for (String other : also.value.split("\\s+")) {
				if (!conns.containsKey(other))
					problems.unreadable(also.at, "also=" + other + ": there is no conn " + other);
				else if (seen.contains(other))
					problems.unreadable(also.at, "also=" + other + ": a cycle of also= references");
				else
					also(other, merged, seen);
			}
		}
		own.forEach((k, v) -> {
			if (!k.equals("also"))
				merged.put(k, v);
		});
	}

	private Connection connection(String name, Map<String, Setting> s) {
		Connection c = new Connection(name, connAt.get(name));
		boolean swap = !isOwn(s.get("left")) && isOwn(s.get("right"));
		String l = swap ? "right" : "left", r = swap ? "left" : "right";
		take(s, l).ifPresent(v -> addresses(v, c.localAddrs));
		take(s, r).ifPresent(v -> addresses(v, c.remoteAddrs));
		take(s, "keyexchange").ifPresent(v -> {
			switch (v.value.toLowerCase(Locale.ROOT)) {
				case "ikev1" -> c.version = "1";
				case "ikev2" -> c.version = "2";
				case "ike" -> c.version = "any";
				default -> problems.unreadable(v.at, "keyexchange=" + v.value + ": ike, ikev1 or ikev2 was expected");
			}
		});
		if (c.version == null)
			c.version = "any";
		take(s, "ike").ifPresent(v -> c.proposals.addAll(proposals(v)));
		take(s, "aggressive").ifPresent(v -> c.aggressive = SwanctlReader.yes(v));
		take(s, "authby").ifPresent(v -> {
			String by = v.value.toLowerCase(Locale.ROOT);
			String method = by.equals("psk") || by.equals("secret")
					? "psk"
					: by.equals("rsasig") || by.equals("pubkey") || by.equals("ecdsasig") || by.equals("rsa")
							? "pubkey"
							: null;
			if (method == null) {
				problems.inexpressible(v.at, "authby=" + v.value + " not imported: "
						+ (by.startsWith("xauth")
								? "XAUTH (IPSL has no XAUTH)"
								: "this authentication (IPSL has preshared keys and certificates)"));
				return;
			}
			for (Peer p : List.of(c.local, c.remote)) {
				p.auth = method;
				p.authAt = v.at;
			}
		});
		side(s, l, c.local, c.name);
		side(s, r, c.remote, c.name);
		Child child = new Child(name, c.at);
		subnets(s, l, child.localTs);
		subnets(s, r, child.remoteTs);
		take(s, "esp").ifPresent(v -> child.esp.addAll(proposals(v)));
		take(s, "ah").ifPresent(v -> child.ah.addAll(proposals(v)));
		take(s, "type").ifPresent(v -> {
			switch (v.value.toLowerCase(Locale.ROOT)) {
				case "tunnel" -> child.mode = "tunnel";
				case "transport" -> child.mode = "transport";
				case "passthrough", "pass" -> child.mode = "pass";
				case "drop", "reject" -> child.mode = "drop";
				default -> problems.inexpressible(v.at,
						"type=" + v.value + " not imported: IPSL has tunnel, transport, pass and drop");
			}
		});
		take(s, "auto").ifPresent(v -> {
			switch (v.value.toLowerCase(Locale.ROOT)) {
				case "start" -> child.start = "initiate";
				case "route" -> child.start = "trap";
				case "add" -> child.start = "none";
				default -> problems.unreadable(v.at, "auto=" + v.value + ": add, route, start or ignore was expected");
			}
		});
		c.children.add(child);
		for (Setting v : s.values())
			if (!v.used)
				Unimported.report(v, "conn " + name, problems);
		return c;
	}

	/** leftauth, leftid, leftcert of one side; a certificate without an auth means public key authentication. */
	private void side(Map<String, Setting> s, String side, Peer peer, String conn) {
		take(s, side + "auth").ifPresent(v -> {
			String method = v.value.toLowerCase(Locale.ROOT);
			peer.authAt = v.at;
			if (method.equals("psk") || method.equals("secret"))
				peer.auth = "psk";
			else if (method.equals("pubkey") || method.startsWith("rsa") || method.startsWith("ecdsa"))
				peer.auth = "pubkey";
			else {
				peer.auth = null;
				problems.inexpressible(v.at, side + "auth=" + v.value + " not imported: "
						+ (method.startsWith("eap")
								? "EAP authentication (IPSL has no EAP)"
								: method.startsWith("xauth")
										? "XAUTH authentication (IPSL has no XAUTH)"
										: "this authentication method (IPSL has preshared keys and certificates)"));
			}
		});
		take(s, side + "id").ifPresent(v -> peer.id = new Text(v.value, v.at));
		Setting cert = s.get(side + "cert");
		if (cert != null && peer.auth == null && peer.authAt == null) {
			peer.auth = "pubkey";
			peer.authAt = cert.at;
		}
		if (peer.auth == null && peer.authAt == null)
			peer.auth = "pubkey"; // authby's default, rsasig
	}

	private void subnets(Map<String, Setting> s, String side, List<Selector> into) {
		take(s, side + "subnet")
				.ifPresent(v -> SwanctlReader.list(v).forEach(t -> into.add(Selectors.parse(t, problems))));
		take(s, side + "protoport").ifPresent(v -> {
			if (into.isEmpty())
				into.add(new Selector("dynamic", null, null, v.at));
			into.replaceAll(sel -> Selectors.withProtoPort(sel, v.value));
		});
	}

	private void addresses(Setting v, List<Text> into) {
		for (Text t : SwanctlReader.list(v)) {
			String value = t.value();
			if (value.equals("%defaultroute") || value.equals("%any") || value.equals("%any4") || value.equals("%any6"))
				into.add(new Text("%any", t.at()));
			else
				into.add(new Text(value.startsWith("%") ? value.substring(1) : value, t.at()));
		}
	}

	private boolean isOwn(Setting side) {
		if (side == null)
			return false;
		for (String a : side.value.split("\\s*,\\s*"))
			if (ownAddress.test(a))
				return true;
		return false;
	}

	/** An ipsec.conf proposal list: strict with a final {@code !}, else strongSwan appends its defaults. */
	private static List<Text> proposals(Setting v) {
		String value = v.value.trim();
		boolean strict = value.endsWith("!");
		List<Text> list = SwanctlReader
				.list(new Setting(v.key, strict ? value.substring(0, value.length() - 1) : value, v.at));
		if (!strict)
			list.add(new Text("default", v.at));
		return list;
	}

	private static java.util.Optional<Setting> take(Map<String, Setting> s, String key) {
		Setting v = s.get(key);
		if (v != null)
			v.used = true;
		return java.util.Optional.ofNullable(v);
	}
}
