package org.ipsl.importer.strongswan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ipsl.check.PathFailure;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.output.OutputWriter.Planned;
import org.ipsl.importer.Canonical;
import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.ImportedWorkspace;
import org.ipsl.importer.ImportedText;
import org.ipsl.importer.strongswan.Connection.Child;
import org.ipsl.model.IpAddress;
import org.ipsl.model.Parsed;

import com.google.inject.Injector;

/**
 * {@code ipsl import strongswan}: strongSwan configurations (a swanctl.conf with its secrets, or a
 * legacy ipsec.conf with ipsec.secrets), one per machine, to an IPSL workspace: {@code HOST.ipsl} per
 * machine, {@code shared.ipsl} for what several machines use, each preshared key in
 * {@code secrets/HOST-CONNECTION.psk} (0600). All or nothing as {@code ipsl import hpux}: with a
 * problem nothing is written unless {@code partial}; settings ignored on purpose are listed and do not
 * stop it. Existing files are never overwritten.
 */
public final class StrongswanImporter {
	/**
	 * One machine's configuration.
	 *
	 * @param host       the host's name; null: the folder above the configuration's {@code etc}
	 * @param addresses  the host's addresses; empty: from {@code interfaces}
	 * @param interfaces a Debian {@code network/interfaces} file; null: {@code etc/network/interfaces} beside the configuration, if any
	 * @param secrets    ipsec.secrets of a legacy configuration; null: the one beside it, if any
	 * @param initiate   children (or connections) the machine initiates whatever their start action
	 *                   says, as an administrator's {@code swanctl --initiate} or {@code ipsec up} does
	 */
	public record Source(Path config, String host, List<IpAddress> addresses, Path interfaces, Path secrets,
			Set<String> initiate) {
		public Source(Path config) {
			this(config, null, List.of(), null, null, Set.of());
		}
	}

	/** @param names DNS names and the addresses they stand for (the configurations may name peers) */
	public record Request(List<Source> sources, Map<String, String> names, Path out, boolean partial) {
	}

	/**
	 * @param exitCode 0 written, 1 problems (nothing written, or with {@code partial} the rest
	 *                 written), 2 a file could not be read or written
	 * @param ignored  settings ignored on purpose, one entry per file and key
	 */
	public record Result(int exitCode, List<ImportProblem> problems, List<ImportProblem> ignored, List<String> notes,
			List<Path> written, PathFailure failure) {
	}

	private static final Pattern LEGACY = Pattern.compile("(?m)^(conn\\s+\\S+|config\\s+setup)\\s*(#.*)?$");

	private final Canonical canonical;

	public StrongswanImporter(Injector injector) {
		this.canonical = new Canonical(injector);
	}

	public Result run(Request request) {
		Problems problems = new Problems();
		List<String> notes = new ArrayList<>();
		List<IpslWriter.Machine> machines = new ArrayList<>();
		Map<String, Path> hosts = new HashMap<>();
		for (Source source : request.sources()) {
			Path config = source.config();
			if (!Files.isRegularFile(config))
				return failed(problems, notes, config, Files.exists(config) ? "not a file" : "no such file");
			String host = source.host() != null ? source.host() : hostName(config);
			Where top = new Where(config, 1, 1);
			if (!canonical.validName(host)) {
				problems.unreadable(top, "the host name '" + host + "' is not an IPSL name: give one with --host");
				continue;
			}
			if (hosts.putIfAbsent(host, config) != null) {
				problems.unreadable(top,
						"host " + host + " comes from " + hosts.get(host) + " too: one configuration per host");
				continue;
			}
			List<IpAddress> addresses = new ArrayList<>(source.addresses());
			try {
				if (addresses.isEmpty())
					addresses.addAll(interfaceAddresses(source, problems));
				if (addresses.isEmpty())
					notes.add(config + ": host " + host + " has no address line: give --address or --interfaces");
				IpslWriter.Machine machine = read(host, config, source, addresses, problems);
				if (machine != null)
					machines.add(machine);
			} catch (IOException e) {
				return failed(problems, notes, config,
						"cannot read it or a file it includes (" + e.getClass().getSimpleName() + ")");
			}
		}
		IpslWriter.Output output = new IpslWriter(problems, canonical::validName, request.names()).write(machines);
		List<Planned> planned = new ArrayList<>();
		Path folder = request.out();
		if (!output.shared().isEmpty())
			plan(planned, folder, "shared.ipsl", output.shared(), problems, request.sources().get(0).config());
		for (IpslWriter.Machine m : machines)
			plan(planned, folder, m.name() + ".ipsl", output.hosts().get(m.name()), problems, hosts.get(m.name()));
		output.secrets().forEach((name, secret) -> planned.add(ImportedWorkspace.secret(folder, name, secret)));
		List<ImportProblem> list = problems.problems;
		if (!list.isEmpty() && !request.partial())
			return new Result(1, list, problems.ignoredList(), notes, List.of(), null);
		List<Path> written = new ArrayList<>();
		PathFailure failure = ImportedWorkspace.write(planned, written);
		return new Result(failure != null ? 2 : list.isEmpty() ? 0 : 1, list, problems.ignoredList(), notes, written,
				failure);
	}

	private void plan(List<Planned> planned, Path folder, String name, String text, Problems problems, Path from) {
		String formatted;
		try {
			formatted = canonical.format(text);
		} catch (IllegalStateException e) { // a bug of the importer: said, never a stack trace
			problems.inexpressible(new Where(from, 1, 1), name + " not written: " + e.getMessage());
			return;
		}
		planned.add(new Planned(folder.resolve(name), new GeneratedFile(name, formatted, false, false)));
	}

	private static Result failed(Problems problems, List<String> notes, Path file, String reason) {
		return new Result(2, problems.problems, problems.ignoredList(), notes, List.of(),
				new PathFailure(file, reason));
	}

	private IpslWriter.Machine read(String host, Path config, Source source, List<IpAddress> addresses,
			Problems problems)
			throws IOException {
		byte[] bytes = Files.readAllBytes(config);
		ImportedText.Result text = ImportedText.read(config, bytes, "a strongSwan configuration file");
		if (text.problem() != null) {
			problems.problems.add(text.problem());
			return null;
		}
		List<Connection> connections;
		List<Connection.Psk> psks;
		if (LEGACY.matcher(String.join("\n", text.lines())).find()) {
			IpsecConfReader conf = new IpsecConfReader(problems, a -> own(a, addresses));
			if (!conf.read(config))
				return null;
			connections = conf.connections;
			IpsecSecretsReader secrets = new IpsecSecretsReader(problems);
			Path secretsFile = source.secrets() != null ? source.secrets() : config.resolveSibling("ipsec.secrets");
			if (Files.isRegularFile(secretsFile))
				secrets.read(secretsFile, 0);
			else if (source.secrets() != null)
				throw new java.nio.file.NoSuchFileException(secretsFile.toString());
			psks = secrets.psks;
		} else {
			Section root = new SettingsReader(problems).read(config);
			if (root == null)
				return null;
			SwanctlReader swanctl = new SwanctlReader(problems);
			swanctl.read(root);
			connections = swanctl.connections;
			psks = swanctl.psks;
			for (Connection c : connections)
				if (c.version == null)
					c.version = "any";
		}
		for (Connection c : connections)
			for (Child child : c.children)
				if (source.initiate().contains(child.name) || source.initiate().contains(c.name))
					child.start = "initiate";
		return new IpslWriter.Machine(host, addresses, connections, psks);
	}

	private static boolean own(String written, List<IpAddress> addresses) {
		Parsed<IpAddress> a = IpAddress.parse(written.trim());
		return a.ok() && addresses.contains(a.value());
	}

	/** Every {@code address} of the interfaces file, in its order (a prefix length after the address is dropped). */
	private static List<IpAddress> interfaceAddresses(Source source, Problems problems) throws IOException {
		Path file = source.interfaces();
		if (file == null) {
			Path etc = etc(source.config());
			if (etc == null || !Files.isRegularFile(etc.resolve("network/interfaces")))
				return List.of();
			file = etc.resolve("network/interfaces");
		}
		ImportedText.Result text = ImportedText.read(file, Files.readAllBytes(file), "an interfaces file");
		if (text.problem() != null) {
			problems.problems.add(text.problem());
			return List.of();
		}
		List<IpAddress> addresses = new ArrayList<>();
		for (int i = 0; i < text.lines().size(); i++) {
			String line = text.lines().get(i).trim();
			if (!line.startsWith("address "))
				continue;
			String value = line.substring("address ".length()).trim().replaceFirst("/\\d+$", "");
			Parsed<IpAddress> a = IpAddress.parse(value);
			if (a.ok() && a.value().isHost()) {
				if (!addresses.contains(a.value()))
					addresses.add(a.value());
			} else
				problems.unreadable(new Where(file, i + 1, text.lines().get(i).indexOf("address") + 1),
						"'" + value + "' is not an address");
		}
		return addresses;
	}

	/** The configuration's {@code etc} folder (the nearest ancestor of that name), or null. */
	private static Path etc(Path config) {
		for (Path p = config.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent())
			if (p.getFileName() != null && p.getFileName().toString().equals("etc"))
				return p;
		return null;
	}

	/** The folder above the configuration's {@code etc} ({@code moon/etc/swanctl/swanctl.conf}: moon), else the configuration's folder. */
	static String hostName(Path config) {
		Path etc = etc(config);
		Path named = etc != null ? etc.getParent() : config.toAbsolutePath().normalize().getParent();
		return named == null || named.getFileName() == null ? "" : named.getFileName().toString();
	}
}
