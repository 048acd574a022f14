package org.ipsl.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One scenario of a corpus laid out as strongSwan's {@code testing/} folder
 * ({@code tests/SUITE/SCENARIO} with {@code test.conf}, {@code pretest.dat}, {@code evaltest.dat},
 * {@code description.txt} and {@code hosts/HOST/etc/...} over the machines' defaults in
 * {@code hosts/HOST/etc}).
 */
record Scenario(String suite, String name, Path folder, List<String> ipsecHosts, boolean swanctl, String description,
		List<String> pretest, List<String> evaltest) {

	private static final Pattern VARIABLE = Pattern.compile("(?m)^\\s*([A-Z_]+)=\"?([^\"\\n]*)\"?");

	static Scenario read(Path folder) throws IOException {
		Map<String, String> conf = new LinkedHashMap<>();
		Matcher m = VARIABLE.matcher(text(folder.resolve("test.conf")));
		while (m.find())
			conf.put(m.group(1), m.group(2).trim());
		List<String> hosts = conf.getOrDefault("IPSECHOSTS", "").isBlank()
				? List.of()
				: List.of(conf.get("IPSECHOSTS").trim().split("\\s+"));
		return new Scenario(folder.getParent().getFileName().toString(), folder.getFileName().toString(), folder, hosts,
				"1".equals(conf.get("SWANCTL")), text(folder.resolve("description.txt")),
				lines(folder.resolve("pretest.dat")),
				lines(folder.resolve("evaltest.dat")));
	}

	String id() {
		return suite + "/" + name;
	}

	/** Every scenario folder of the corpus (those with a test.conf), sorted. */
	static List<Path> all(Path corpus) throws IOException {
		Path tests = corpus.resolve("tests");
		try (Stream<Path> found = Files.walk(tests, 2)) {
			return found
					.filter(p -> tests.relativize(p).getNameCount() == 2 && Files.isRegularFile(p.resolve("test.conf")))
					.sorted().toList();
		}
	}

	/**
	 * The children and connections {@code HOST} initiates in pretest.dat ({@code swanctl --initiate
	 * --child NAME}, {@code --ike NAME}, {@code ipsec up NAME}).
	 */
	Set<String> initiated(String host) {
		Set<String> names = new LinkedHashSet<>();
		Pattern command = Pattern.compile("(?:swanctl\\s+--initiate\\s+--(?:child|ike)|ipsec\\s+up)\\s+([^\\s;|&>]+)");
		for (String line : pretest) {
			int sep = line.indexOf("::");
			if (sep < 0 || !line.substring(0, sep).trim().equals(host))
				continue;
			Matcher m = command.matcher(line);
			while (m.find())
				names.add(m.group(1));
		}
		return names;
	}

	/**
	 * Copies each IPsec host's default {@code etc} (corpus {@code hosts/HOST/etc}) into {@code into/HOST/etc}
	 * and the scenario's own files over it, replacing the test environment's {@code PH_IP_HOST}
	 * placeholders with the addresses they stand for.
	 */
	void merge(Path corpus, Path into, Map<String, String> placeholders) throws IOException {
		for (String host : ipsecHosts) {
			copy(corpus.resolve("hosts").resolve(host).resolve("etc"), into.resolve(host).resolve("etc"), placeholders);
			copy(folder.resolve("hosts").resolve(host).resolve("etc"), into.resolve(host).resolve("etc"), placeholders);
		}
	}

	private static void copy(Path from, Path to, Map<String, String> placeholders) throws IOException {
		if (!Files.isDirectory(from))
			return;
		List<Path> files;
		try (Stream<Path> found = Files.walk(from)) {
			files = found.filter(Files::isRegularFile).toList();
		}
		for (Path file : files) {
			Path target = to.resolve(from.relativize(file).toString());
			Files.createDirectories(target.getParent());
			byte[] bytes = Files.readAllBytes(file);
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (text.contains("PH_IP"))
				bytes = substitute(text, placeholders).getBytes(StandardCharsets.UTF_8);
			Files.write(target, bytes);
		}
	}

	static String substitute(String text, Map<String, String> placeholders) {
		Matcher m = Pattern.compile("PH_IP6?_[A-Z]+").matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find())
			m.appendReplacement(out, Matcher.quoteReplacement(placeholders.getOrDefault(m.group(), m.group())));
		m.appendTail(out);
		return out.toString();
	}

	private static String text(Path file) throws IOException {
		return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
	}

	private static List<String> lines(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String line : text(file).split("\n"))
			if (!line.isBlank() && !line.trim().startsWith("#"))
				lines.add(line);
		return lines;
	}
}
