package org.ipsl.importer.hpux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.generator.hpux.HpuxNames;
import org.ipsl.generator.plan.Addresses;
import org.ipsl.generator.plan.HostPlans;
import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.hpux.BatchReader.Word;
import org.ipsl.importer.hpux.Filters.Filter;
import org.ipsl.model.IpAddress;
import org.ipsl.model.IpProtocol;
import org.ipsl.model.Parsed;
import org.ipsl.values.Numbers;

/**
 * One batch file's commands as the IPSL text of one host. HP-UX defaults are those of the shipped
 * profile as the manuals state them: filters {@code 0.0.0.0/0/0}, host action DISCARD, priorities
 * the largest so far plus 10, IKE 3DES/MD5/group 2. A command that cannot be read or expressed is
 * a problem at its line and is left out of the text.
 */
final class HostTranslator {
	/**
	 * @param secrets file names (relative to the .ipsl file) and contents of the preshared secrets
	 * @param keys    the text holds manual keys
	 */
	record Result(String text, Map<String, String> secrets, boolean keys, List<ImportProblem> problems) {
		/** Never the secrets: records print themselves in logs and exceptions. */
		@Override
		public String toString() {
			return "HostTranslator.Result[" + secrets.size() + " secret files, " + problems.size() + " problems]";
		}
	}

	private static final long AUTO_INCREMENT = 10;
	/** HP-UX names of authentication records (A.02.00 guide, page 141), which name the secret files. */
	private static final Pattern AUTH_NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");
	private static final Pattern HEX_KEY = Pattern.compile("0[xX][0-9a-fA-F]+");

	/** @param aggressive {@code -exchange AM} */
	private record Auth(Command command, String name, IpAddress remote, String localId, String remoteId, Word preshared,
			boolean aggressive) {
	}

	private record Tunnel(Command command, Filter source, Filter destination, String transforms, IpAddress local,
			IpAddress remote) {
	}

	/** @param body what follows the proposal: authentication, IDs, mode, lifetime, max-quick-modes */
	private record Ike(Command command, String name, long priority, IpAddress remote, String proposal, String body,
			DhGroup pfs) {
	}

	/**
	 * @param peers     the addresses whose IKE policy sets the PFS of a dynamic-key policy; empty for others
	 * @param exclusive {@code -flags EXCLUSIVE}, written after the PFS
	 */
	private record Policy(Command command, String name, long priority, String selector, String action,
			List<IpAddress> peers, String manualSa, boolean exclusive) {
	}

	private final Path file;
	private final String host;
	private final Predicate<String> validName;
	private final List<ImportProblem> problems = new ArrayList<>();
	private final List<Auth> auths = new ArrayList<>();
	private final Map<String, Tunnel> tunnels = new LinkedHashMap<>();
	private final List<Ike> ikes = new ArrayList<>();
	private final List<Policy> policies = new ArrayList<>();
	private final Set<Auth> usedAuths = new HashSet<>();
	private final Set<String> usedTunnels = new HashSet<>();
	private final Map<String, String> secrets = new LinkedHashMap<>();
	private final Set<IpAddress> evidence = new LinkedHashSet<>();
	private final List<String> bypass = new ArrayList<>();
	private final Map<String, Command.Option> startup = new LinkedHashMap<>();
	private final Map<Command.Option, Integer> startupLines = new java.util.IdentityHashMap<>();
	private String defaultAction = "pass";
	private long lastHostPriority, lastIkePriority;
	private boolean keys;

	private HostTranslator(Path file, String host, Predicate<String> validName) {
		this.file = file;
		this.host = host;
		this.validName = validName;
	}

	/** @param address the host's addresses when given; else those the batch shows as local */
	static Result translate(Path file, String host, List<Command> commands, List<IpAddress> address,
			Predicate<String> validName) {
		HostTranslator t = new HostTranslator(file, host, validName);
		for (Command c : commands)
			switch (c.object()) {
				case "auth" -> t.guarded(c, t::auth);
				case "tunnel" -> t.guarded(c, t::tunnel);
				default -> {
				}
			}
		for (Command c : commands)
			switch (c.object()) {
				case "startup" -> t.guarded(c, t::startup);
				case "bypass" -> t.guarded(c, t::bypass);
				case "ike" -> t.guarded(c, t::ike);
				case "host" -> t.guarded(c, t::host);
				default -> {
				}
			}
		t.unused();
		String text = t.text(address.isEmpty() ? List.copyOf(t.evidence) : address);
		return new Result(text, Map.copyOf(t.secrets), t.keys, List.copyOf(t.problems));
	}

	private interface Step {
		void run(Command c) throws Refusal;
	}

	private void guarded(Command c, Step step) {
		try {
			step.run(c);
		} catch (Refusal r) {
			problem(c, r);
		}
	}

	private void problem(Command c, Refusal r) {
		problems.add(new ImportProblem(file, c.line(), r.at.column(), r.getMessage(), r.unreadable));
	}

	// ---- authentication records and tunnels ---------------------------------------------------

	private void auth(Command c) throws Refusal {
		if (!AUTH_NAME.matcher(c.name().text()).matches())
			throw Refusal.unreadable(c.name(), "'" + c.name().text() + "' is not an authentication record name: "
					+ "1–63 ASCII letters, digits, - and _");
		Word remote = required(c, "-remote");
		Optional<Word> exchange = c.value("-exchange");
		if (exchange.isPresent() && !Set.of("AM", "MM").contains(exchange.get().text()))
			throw Refusal.unreadable(exchange.get(),
					"'" + exchange.get().text() + "' is not an exchange mode: AM or MM");
		// A.03 names the method on the record; IPSL's preshared IKE policies use the key both ways
		for (String option : List.of("-local_method", "-remote_method"))
			if (c.value(option).isPresent())
				method(c.value(option).get());
		Word preshared = c.value("-preshared").orElse(null);
		if (preshared != null)
			secret(preshared);
		auths.add(new Auth(c, c.name().text(), address(remote), identity(c, "-ltype", "-lid", "local-id"),
				identity(c, "-rtype", "-rid", "remote-id"), preshared,
				exchange.isPresent() && exchange.get().text().equals("AM")));
	}

	/** A secret HP-UX reads as {@code ipsl generate} writes it: the generator's own test. */
	private static void secret(Word preshared) throws Refusal {
		String problem = HpuxNames.presharedProblem(preshared.text());
		if (problem != null)
			throw Refusal.inexpressible(preshared, problem);
	}

	/** An IKE authentication method: PSK is read, RSASIG needs files a batch does not hold. */
	private static void method(Word method) throws Refusal {
		if (method.text().equals("PSK"))
			return;
		if (method.text().equals("RSA") || method.text().equals("RSASIG"))
			throw Refusal.inexpressible(method, "certificate authentication: IPSL names the certificate, CA "
					+ "and CRL files, which a batch file does not hold");
		throw Refusal.unreadable(method, "'" + method.text() + "' is not an IKE authentication method: PSK or RSASIG");
	}

	private static String identity(Command c, String typeOption, String valueOption, String keyword) throws Refusal {
		Optional<Word> type = c.value(typeOption), value = c.value(valueOption);
		if (type.isEmpty() && value.isEmpty())
			return null;
		if (type.isEmpty() || value.isEmpty())
			throw Refusal.unreadable(c.option(type.isEmpty() ? valueOption : typeOption).get().option(),
					typeOption + " and " + valueOption + " go together");
		String kind = switch (type.get().text()) {
			case "IPV4" -> "ipv4";
			case "IPV6" -> "ipv6";
			case "FQDN" -> "fqdn";
			case "USER-FQDN" -> "user-fqdn";
			case "X500-DN" -> "dn";
			default -> throw Refusal.unreadable(type.get(), "'" + type.get().text()
					+ "' is not an ID type: IPV4, IPV6, FQDN, USER-FQDN or X500-DN");
		};
		return keyword + " " + kind + " " + string(value.get().unquoted());
	}

	private void tunnel(Command c) throws Refusal {
		Filter source = c.value("-source").isPresent() ? Filters.filter(c.value("-source").get()) : Filters.anyIpv4();
		Filter destination = c.value("-destination").isPresent()
				? Filters.filter(c.value("-destination").get())
				: Filters.anyIpv4();
		Optional<Word> protocol = c.value("-protocol");
		if (protocol.isPresent() && Filters.protocol(protocol.get()) != Filters.ALL)
			throw Refusal.inexpressible(protocol.get(), "an IPSL tunnel protects every protocol of its policy's "
					+ "traffic: the tunnel policy's -protocol must be ALL");
		if (source.port() != 0 || destination.port() != 0)
			throw Refusal.inexpressible(c.value(source.port() != 0 ? "-source" : "-destination").get(),
					"a tunnel policy with a port: IPSL's tunnel protects its host policy's own traffic");
		Word local = required(c, "-tsource"), remote = required(c, "-tdestination");
		Word action = required(c, "-action");
		tunnels.put(c.name().text(), new Tunnel(c, source, destination, TransformLists.ipsl(action),
				host(local, "-tsource"), host(remote, "-tdestination")));
	}

	// ---- startup and bypass -------------------------------------------------------------------

	private static final Set<String> AUDIT_LEVELS = Set.of("alert", "error", "warning", "informative", "debug");

	private void startup(Command c) throws Refusal {
		for (var option : c.options().entrySet()) {
			Word value = option.getValue().value();
			if (startup.containsKey(option.getKey()))
				throw Refusal.unreadable(option.getValue().option(), option.getKey() + " is set twice");
			if (option.getKey().equals("-auditlvl")
					? !AUDIT_LEVELS.contains(value.text())
					: !Numbers.decimal(value.text(), 1, Numbers.MAX_SPI, option.getKey()).ok())
				throw Refusal.unreadable(value, "'" + value.text() + "' is out of range for " + option.getKey()
						+ (option.getKey().equals("-auditlvl")
								? ": alert, error, warning, informative or debug"
								: ": a number 1–" + Numbers.MAX_SPI));
			startup.put(option.getKey(), option.getValue());
			startupLines.put(option.getValue(), c.line());
		}
	}

	private int lineOf(Command.Option option) {
		return startupLines.get(option);
	}

	/** IPSL sets the two SPD limits together, and both ends of the SPI range. */
	private void startupPairs() {
		for (String[] pair : new String[][]{{"-spd_soft", "-spd_hard"}, {"-spi_min", "-spi_max"}}) {
			Command.Option one = startup.get(pair[0]), other = startup.get(pair[1]);
			if ((one == null) != (other == null)) {
				Command.Option given = one != null ? one : other;
				problems.add(new ImportProblem(file, lineOf(given), given.option().column(), given.option().text()
						+ " without " + (one == null ? pair[0] : pair[1]) + ": IPSL sets both (the other's HP-UX "
						+ "default is not in the manuals)", false));
				startup.remove(pair[0]);
				startup.remove(pair[1]);
			}
		}
	}

	private void bypass(Command c) throws Refusal {
		IpAddress address = host(c.name(), "a bypass entry");
		bypass.add(ipsl(address));
		evidence.add(address);
	}

	// ---- IKE ------------------------------------------------------------------------------------

	private void ike(Command c) throws Refusal {
		String name = name(c, ikes.stream().map(Ike::name).toList());
		long priority = priority(c, lastIkePriority);
		IpAddress remote = address(required(c, "-remote"));
		IkeEncryption encryption = algorithm(c, "-encryption", "3DES", HpuxNames::ikeEncryption, "IKE encryption");
		IkeHash hash = algorithm(c, "-hash", "MD5", HpuxNames::ikeHash, "IKE hash");
		DhGroup group = algorithm(c, "-group", "2", HpuxNames::group, "Diffie-Hellman group");
		DhGroup pfs = pfs(c, group);
		StringBuilder body = new StringBuilder();
		authentication(c, remote, body);
		Optional<Word> maxqm = c.value("-maxqm");
		if (maxqm.isPresent()) {
			Parsed<Long> count = Numbers.maxQuickModes(maxqm.get().text());
			if (!count.ok())
				throw Refusal.unreadable(maxqm.get(), count.error());
			body.append("max-quick-modes ").append(count.value()).append('\n');
		}
		Optional<Word> life = c.value("-life");
		if (life.isPresent()) {
			Parsed<Long> seconds = Numbers.lifetimeSeconds(life.get().text());
			if (!seconds.ok() || !Numbers.isDigits(life.get().text()))
				throw Refusal.unreadable(life.get(), seconds.ok() ? "-life takes seconds" : seconds.error());
			if (seconds.value() != HostPlans.DEFAULT_LIFETIME_SECONDS)
				body.append("lifetime ").append(seconds.value()).append('\n');
		}
		lastIkePriority = Math.max(lastIkePriority, priority);
		ikes.add(new Ike(c, name, priority, remote, new IkeSuite(encryption, hash, group).keyword(), body.toString(),
				pfs));
	}

	/** A.03's {@code -pfs ON|OFF}: ON is Quick Mode PFS with the IKE policy's own group. */
	private static DhGroup pfs(Command c, DhGroup group) throws Refusal {
		Optional<Word> pfs = c.value("-pfs");
		if (pfs.isEmpty() || pfs.get().text().equals("OFF"))
			return null;
		if (pfs.get().text().equals("ON"))
			return group;
		throw Refusal.unreadable(pfs.get(), "'" + pfs.get().text() + "' is not a PFS setting: ON or OFF");
	}

	private interface Lookup<T> {
		Optional<T> of(String hpuxName);
	}

	private static <T> T algorithm(Command c, String option, String fallback, Lookup<T> lookup, String what)
			throws Refusal {
		Optional<Word> word = c.value(option);
		String text = word.map(Word::text).orElse(fallback);
		return lookup.of(text).orElseThrow(() -> Refusal.inexpressible(word.orElse(c.name()),
				"'" + text + "' is not a " + what + " that IPSL's HP-UX target knows"));
	}

	/**
	 * HP-UX picks an authentication record per peer by the longest prefix (A.02.00 guide, page 141);
	 * IPSL gives an IKE policy one authentication, so every peer of its remote must meet the same record.
	 */
	private void authentication(Command c, IpAddress remote, StringBuilder body) throws Refusal {
		Auth record = auths.stream().filter(a -> a.remote().covers(remote))
				.max(Comparator.comparingInt(a -> a.remote().prefixLength())).orElse(null);
		Optional<Auth> inner = auths.stream()
				.filter(a -> a != record && remote.covers(a.remote()) && !a.remote().equals(remote)).findFirst();
		Word at = c.option("-remote").get().value();
		if (inner.isPresent())
			throw Refusal.inexpressible(at, "peers of " + ipsl(remote) + " meet different authentication records ("
					+ inner.get().name() + " covers " + ipsl(inner.get().remote())
					+ "): an IPSL IKE policy has one authentication");
		Optional<Word> method = c.value("-authentication").or(() -> c.value("-auth"));
		if (method.isPresent())
			method(method.get());
		if (record == null || record.preshared() == null)
			throw Refusal.inexpressible(at, "no authentication record with a preshared key covers " + ipsl(remote)
					+ (method.isEmpty() ? " (and no -auth is given)" : "") + ": the key is not in the batch");
		String secretFile = "secrets/" + host + "-" + record.name() + ".psk";
		secrets.put(secretFile, record.preshared().text() + "\n");
		usedAuths.add(record);
		body.append("authentication preshared file ").append(string(secretFile)).append('\n');
		if (record.localId() != null)
			body.append(record.localId()).append('\n');
		if (record.remoteId() != null)
			body.append(record.remoteId()).append('\n');
		if (record.aggressive())
			body.append("mode aggressive\n");
	}

	// ---- host policies ----------------------------------------------------------------------

	private void host(Command c) throws Refusal {
		if (c.name().text().equals("default")) {
			for (var option : c.options().entrySet())
				if (!option.getKey().equals("-action"))
					throw Refusal.unreadable(option.getValue().option(), "the default host policy takes -action only");
			Word action = required(c, "-action");
			defaultAction = switch (action.text()) {
				case "PASS" -> "pass";
				case "DISCARD" -> "discard";
				default -> throw Refusal.unreadable(action, "the default host policy's action is PASS or DISCARD");
			};
			return;
		}
		String name = name(c, policies.stream().map(Policy::name).toList());
		long priority = priority(c, lastHostPriority);
		Filter source = c.value("-source").isPresent() ? Filters.filter(c.value("-source").get()) : Filters.anyIpv4();
		Filter destination = c.value("-destination").isPresent()
				? Filters.filter(c.value("-destination").get())
				: Filters.anyIpv4();
		if (source.prefix().isV4() != destination.prefix().isV4())
			throw Refusal.unreadable(c.value("-destination").orElse(c.name()),
					"-source and -destination must be of one address family");
		String selector = selector(c, source, destination);
		Optional<Word> exclusive = exclusive(c);
		String action;
		List<IpAddress> peers = List.of();
		String manualSa = null;
		Word actionWord = c.value("-action").orElse(null);
		String actionText = actionWord == null ? "DISCARD" : actionWord.text();
		if (c.value("-tunnel").isPresent()) {
			Tunnel tunnel = tunnel(c, source, destination, actionWord);
			action = "protect tunnel " + ipsl(tunnel.local()) + " -> " + ipsl(tunnel.remote()) + " "
					+ tunnel.transforms();
			peers = List.of(tunnel.remote());
		} else if (c.value("-in").isPresent() || c.value("-out").isPresent()) {
			manualSa = manualSa(c, name, source, destination, actionWord);
			action = "protect manual " + name;
		} else if (actionText.equals("PASS") || actionText.equals("DISCARD"))
			action = actionText.toLowerCase(Locale.ROOT);
		else {
			action = "protect " + TransformLists.ipsl(actionWord);
			peers = List.of(destination.prefix());
		}
		boolean transport = action.startsWith("protect ") && manualSa == null && c.value("-tunnel").isEmpty();
		if (exclusive.isPresent() && !transport)
			throw Refusal.inexpressible(exclusive.get(), "-flags EXCLUSIVE on a policy that is not a dynamic-key "
					+ "transport policy: IPSL's exclusive belongs to protect with transforms and no tunnel");
		if (source.prefix().isHost())
			evidence.add(source.prefix());
		lastHostPriority = Math.max(lastHostPriority, priority);
		policies.add(new Policy(c, name, priority, selector, action, peers, manualSa, exclusive.isPresent()));
	}

	private String selector(Command c, Filter source, Filter destination) throws Refusal {
		Optional<Word> protocolWord = c.value("-protocol");
		Integer service = source.serviceProtocol() != null ? source.serviceProtocol() : destination.serviceProtocol();
		if (source.serviceProtocol() != null && destination.serviceProtocol() != null
				&& !source.serviceProtocol().equals(destination.serviceProtocol()))
			throw Refusal.unreadable(c.value("-destination").get(), "the two service names set different protocols");
		if (service != null && protocolWord.isPresent())
			throw Refusal.unreadable(protocolWord.get(), "a service name sets the protocol: it cannot be combined "
					+ "with -protocol (A.02.00 guide, page 76)");
		int protocol = service != null
				? service
				: protocolWord.isPresent() ? Filters.protocol(protocolWord.get()) : Filters.ALL;
		if ((source.port() != 0 || destination.port() != 0) && protocol != Filters.TCP && protocol != Filters.UDP)
			throw Refusal.unreadable(c.value(source.port() != 0 ? "-source" : "-destination").get(),
					"a port needs -protocol TCP or UDP (A.02.00 guide, page 76)");
		String keyword = protocol == Filters.ALL ? "any" : IpProtocol.written(protocol, IpProtocol::keyword);
		return keyword + " from " + ipsl(source.prefix()) + port(source) + " to " + ipsl(destination.prefix())
				+ port(destination);
	}

	private static String port(Filter filter) {
		return filter.port() == 0 ? "" : " port " + filter.port();
	}

	/** {@code -flags}: the word when it is EXCLUSIVE (IPSL's {@code exclusive}); NONE is no flag. */
	private static Optional<Word> exclusive(Command c) throws Refusal {
		Optional<Word> flags = c.value("-flags");
		if (flags.isEmpty() || flags.get().text().equals("NONE"))
			return Optional.empty();
		if (flags.get().text().equals("EXCLUSIVE"))
			return flags;
		for (String flag : flags.get().text().split("\\+", -1))
			if (!Set.of("EXCLUSIVE", "MIPV6", "AUTOCONF", "NONE").contains(flag))
				throw Refusal.unreadable(flags.get(),
						"'" + flag + "' is not a host policy flag: EXCLUSIVE, MIPV6 or NONE");
		throw Refusal.inexpressible(flags.get(), "-flags " + flags.get().text() + ": IPSL has no Mobile IPv6 policies");
	}

	/** An end of a tunnel passes its traffic to the tunnel policy (A.02.00 guide, pages 73 and 79). */
	private Tunnel tunnel(Command c, Filter source, Filter destination, Word action) throws Refusal {
		Word name = c.value("-tunnel").get();
		Tunnel tunnel = tunnels.get(name.text());
		if (tunnel == null)
			throw Refusal.unreadable(name, "no tunnel policy '" + name.text() + "' in this batch file");
		if (action == null || !action.text().equals("PASS"))
			throw Refusal.inexpressible(action != null ? action : name, "a host policy that names a tunnel must "
					+ "pass (-action PASS) and leave the transforms to the tunnel policy");
		if (!tunnel.source().prefix().equals(source.prefix())
				|| !tunnel.destination().prefix().equals(destination.prefix()))
			throw Refusal.inexpressible(name, "tunnel policy " + name.text() + " selects other addresses than this "
					+ "host policy: an IPSL tunnel protects its policy's own traffic");
		usedTunnels.add(name.text());
		evidence.add(tunnel.local());
		return tunnel;
	}

	/** {@code -in/-out ESP/spi/auth_key/enc_key[/iv]} (A.03.00 guide, page 216) as a manual-sa of the policy's name. */
	private String manualSa(Command c, String name, Filter source, Filter destination, Word action) throws Refusal {
		Word in = required(c, "-in"), out = required(c, "-out");
		if (!source.prefix().isHost() || !destination.prefix().isHost())
			throw Refusal.unreadable(c.value("-source").orElse(c.name()),
					"manual keys protect one pair of addresses: -source and -destination need a full prefix");
		if (action == null)
			throw Refusal.inexpressible(in,
					"manual keys without -action: the transform, and so the algorithms, is not named");
		List<KeyAlgorithm> algorithms = HpuxNames.manualKeys(action.text())
				.filter(a -> a.get(0) != KeyAlgorithm.NULL).orElseThrow(() -> Refusal.inexpressible(action,
						"manual keys with " + action.text() + ": the importer reads ESP manual keys with an encryption "
								+ "and an authentication algorithm of IPSL's HP-UX target"));
		KeyAlgorithm encryption = algorithms.get(0), authentication = algorithms.get(1);
		keys = true;
		return "manual-sa " + name + " {\npeer " + ipsl(destination.prefix()) + "\n"
				+ sa("inbound", in, encryption, authentication) + sa("outbound", out, encryption, authentication)
				+ "}\n";
	}

	private static String sa(String direction, Word spec, KeyAlgorithm encryption, KeyAlgorithm authentication)
			throws Refusal {
		String[] parts = spec.text().split("/", -1);
		if (parts.length < 4 || parts.length > 5)
			throw Refusal.unreadable(spec, "a manual SA is ESP/spi/auth_key/enc_key[/iv]");
		if (!parts[0].equals("ESP"))
			throw parts[0].equals("AH")
					? Refusal.inexpressible(spec, "AH manual keys: the manuals document ESP only")
					: Refusal.unreadable(spec, "a manual SA starts with ESP");
		Parsed<Long> spi = Numbers.spi(parts[1]);
		if (!spi.ok())
			throw Refusal.unreadable(spec, spi.error());
		for (int i = 2; i < parts.length; i++)
			if (!HEX_KEY.matcher(parts[i]).matches())
				throw Refusal.unreadable(spec,
						"the " + (i == 2 ? "authentication key" : i == 3 ? "encryption key" : "IV")
								+ " is not 0x followed by hex digits");
		return direction + " esp spi " + spi.value() + " encryption " + encryption.keyword() + " "
				+ parts[3].toLowerCase(Locale.ROOT) + " authentication " + authentication.keyword() + " "
				+ parts[2].toLowerCase(Locale.ROOT)
				+ (parts.length == 5 ? " iv " + parts[4].toLowerCase(Locale.ROOT) : "")
				+ "\n";
	}

	// ---- what is left over ------------------------------------------------------------------

	private void unused() {
		startupPairs();
		for (Auth auth : auths)
			if (!usedAuths.contains(auth))
				problem(auth.command(), Refusal.inexpressible(auth.command().name(), "authentication record "
						+ auth.name() + " serves no imported IKE policy: IPSL keeps authentication in IKE policies"));
		for (Tunnel tunnel : tunnels.values())
			if (!usedTunnels.contains(tunnel.command().name().text()))
				problem(tunnel.command(), Refusal.inexpressible(tunnel.command().name(), "tunnel policy "
						+ tunnel.command().name().text() + " is named by no imported host policy"));
	}

	/**
	 * PFS is set on the IKE policy in the batch and on each policy in IPSL: a dynamic-key policy
	 * gets the PFS of the first IKE policy, by priority, whose remote overlaps its peer, as the
	 * generator reads it back.
	 */
	private Map<Policy, DhGroup> pfs() {
		List<Ike> byPriority = ikes.stream().sorted(Comparator.comparingLong(Ike::priority)).toList();
		Map<Policy, DhGroup> result = new LinkedHashMap<>();
		Set<Ike> used = new HashSet<>();
		for (Policy policy : policies) {
			Set<Optional<DhGroup>> groups = new LinkedHashSet<>();
			for (IpAddress peer : policy.peers())
				byPriority.stream().filter(i -> i.remote().overlaps(peer)).findFirst().ifPresent(ike -> {
					used.add(ike);
					groups.add(Optional.ofNullable(ike.pfs()));
				});
			if (groups.size() > 1)
				problem(policy.command(), Refusal.inexpressible(policy.command().name(), "its peers' IKE policies set "
						+ "different PFS: IPSL sets one PFS per policy"));
			else if (!groups.isEmpty() && groups.iterator().next().isPresent())
				result.put(policy, groups.iterator().next().get());
		}
		for (Ike ike : ikes)
			if (ike.pfs() != null && !used.contains(ike))
				problem(ike.command(), Refusal.inexpressible(ike.command().option("-pfs").get().option(), "-pfs of IKE "
						+ "policy " + ike.name()
						+ ": no imported host policy uses this IKE policy, and IPSL sets PFS on policies"));
		return result;
	}

	// ---- the text -----------------------------------------------------------------------------

	private String text(List<IpAddress> addresses) {
		Map<Policy, DhGroup> pfs = pfs();
		Set<Policy> refused = new HashSet<>();
		for (ImportProblem p : problems)
			policies.stream().filter(policy -> policy.command().line() == p.line()).forEach(refused::add);
		StringBuilder out = new StringBuilder("host " + host + " {\n");
		if (!addresses.isEmpty())
			out.append("address ").append(String.join(", ", addresses.stream().map(HostTranslator::ipsl).toList()))
					.append('\n');
		startupText(out);
		for (String address : bypass)
			out.append("bypass ").append(address).append('\n');
		for (Ike ike : ikes)
			out.append("\nike ").append(ike.name()).append(" priority ").append(ike.priority()).append(" {\nremote ")
					.append(ipsl(ike.remote())).append("\nproposals ").append(ike.proposal())
					.append('\n').append(ike.body()).append("}\n");
		for (Policy policy : policies) {
			if (refused.contains(policy))
				continue;
			out.append("\npolicy ").append(policy.name()).append(" priority ").append(policy.priority()).append(" {\n")
					.append(policy.selector()).append('\n').append(policy.action());
			if (pfs.containsKey(policy))
				out.append(" pfs ").append(pfs.get(policy).keyword());
			if (policy.exclusive())
				out.append(" exclusive");
			out.append("\n}\n");
		}
		for (Policy policy : policies)
			if (policy.manualSa() != null && !refused.contains(policy))
				out.append('\n').append(policy.manualSa());
		out.append("\ndefault ").append(defaultAction).append("\n}\n");
		return out.toString();
	}

	private void startupText(StringBuilder out) {
		Command.Option min = startup.get("-spi_min"), max = startup.get("-spi_max");
		Command.Option soft = startup.get("-spd_soft"), hard = startup.get("-spd_hard");
		Command.Option audit = startup.get("-auditlvl");
		if (min != null && max != null)
			out.append("dynamic-spi ").append(min.value().text()).append("..").append(max.value().text()).append('\n');
		if (soft != null && hard != null)
			out.append("spd-limits soft ").append(soft.value().text()).append(" hard ").append(hard.value().text())
					.append('\n');
		if (audit != null)
			out.append("audit-level ").append(audit.value().text()).append('\n');
	}

	// ---- values -------------------------------------------------------------------------------

	private String name(Command c, List<String> taken) throws Refusal {
		String name = c.name().text();
		if (!validName.test(name))
			throw Refusal.inexpressible(c.name(), "'" + name + "' cannot be an IPSL name (a keyword, or characters "
					+ "other than letters, digits, - and _)");
		if (taken.contains(name))
			throw Refusal.unreadable(c.name(), "a second " + c.object() + " policy named " + name);
		return name;
	}

	/** {@code -priority}, or the largest so far plus the profile's increment (A.02.01 guide, page 107). */
	private static long priority(Command c, long largest) throws Refusal {
		Optional<Word> word = c.value("-priority");
		if (word.isEmpty())
			return largest + AUTO_INCREMENT;
		Parsed<Long> priority = Numbers.priority(word.get().text());
		if (!priority.ok())
			throw Refusal.unreadable(word.get(), priority.error());
		return priority.value();
	}

	private static Word required(Command c, String option) throws Refusal {
		return c.value(option).orElseThrow(() -> Refusal.unreadable(c.name() != null ? c.name() : new Word("", 1),
				"add " + c.object() + " needs " + option));
	}

	private static IpAddress address(Word word) throws Refusal {
		String[] parts = word.text().split("/", -1);
		if (parts.length > 2)
			throw Refusal.unreadable(word, "'" + word.text() + "' is not ip_addr[/prefix]");
		return Filters.prefix(word, parts[0], parts.length > 1 ? parts[1] : null);
	}

	private static IpAddress host(Word word, String what) throws Refusal {
		IpAddress address = address(word);
		if (!address.isHost())
			throw Refusal.unreadable(word, what + " is one address, not a prefix");
		return address;
	}

	private static String ipsl(IpAddress address) {
		return address.isHost() ? Addresses.plain(address) : Addresses.cidr(address);
	}

	private static String string(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
