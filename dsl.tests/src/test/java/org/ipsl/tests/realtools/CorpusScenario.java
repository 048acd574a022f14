package org.ipsl.tests.realtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario of strongSwan's test suites (../shared/corpus/strongswan-tests, laid out as its
 * README says), as far as a negotiation in the {@link Testbed} needs it: its machines (VIRTHOSTS)
 * and IPsec machines, what its {@code pretest.dat} initiates on which machine, and the pings and
 * {@code swanctl --list-sas} checks of its {@code evaltest.dat}.
 */
record CorpusScenario(Path dir, List<String> machines, List<String> ipsecHosts, boolean swanctl,
		List<Initiation> initiations, List<Ping> pings, List<SaCheck> saChecks) {
	private static final Pattern SWANCTL_INITIATE = Pattern.compile("swanctl --initiate((?: --(?:ike|child) [^ ]+)+)");
	private static final Pattern IPSEC_UP = Pattern.compile("ipsec up ([^ ]+)");
	private static final Pattern PING = Pattern.compile("ping (?:-[a-zA-Z] [^ ]+ )*([^ ]+)");

	/** {@code swanctl --initiate}: the IKE connection and/or the child to initiate on a machine. */
	record Initiation(String host, String ike, String child) {
	}

	/** A ping of evaltest.dat from one machine to an address, and whether it must get an answer. */
	record Ping(String from, String to, boolean answered) {
	}

	/** A {@code swanctl --list-sas --raw} line of evaltest.dat: a regular expression that must (not) match on a machine. */
	record SaCheck(String host, Pattern expression, boolean matches) {
	}

	/** The strongSwan test corpus, or null where this checkout has none beside it. */
	static Path corpus() {
		Path corpus = Path.of(System.getProperty("ipsl.strongswanCorpus", "../../shared/corpus/strongswan-tests"))
				.toAbsolutePath().normalize();
		return Files.isDirectory(corpus.resolve("tests")) ? corpus : null;
	}

	String name() {
		return dir.getParent().getFileName() + "/" + dir.getFileName();
	}

	static CorpusScenario read(Path dir) throws IOException {
		String testConf = Files.readString(dir.resolve("test.conf"));
		List<String> machines = List.of(variable(testConf, "VIRTHOSTS").split("\\s+"));
		List<String> ipsecHosts = List.of(variable(testConf, "IPSECHOSTS").split("\\s+"));
		boolean swanctl = "1".equals(variable(testConf, "SWANCTL"));
		Path hosts = dir.getParent().getParent().getParent().resolve("hosts");
		List<Initiation> initiations = new ArrayList<>();
		for (String line : Files.readAllLines(dir.resolve("pretest.dat"))) {
			String[] parts = line.split("::");
			if (parts.length < 2)
				continue;
			Matcher swanctlInitiate = SWANCTL_INITIATE.matcher(parts[1]);
			Matcher ipsecUp = IPSEC_UP.matcher(parts[1]);
			if (swanctlInitiate.find()) {
				List<String> words = Arrays.asList(swanctlInitiate.group(1).strip().split(" "));
				int ike = words.indexOf("--ike"), child = words.indexOf("--child");
				initiations.add(new Initiation(parts[0].strip(), ike < 0 ? null : words.get(ike + 1),
						child < 0 ? null : words.get(child + 1)));
			} else if (ipsecUp.find())
				initiations.add(new Initiation(parts[0].strip(), null, ipsecUp.group(1)));
		}
		List<Ping> pings = new ArrayList<>();
		List<SaCheck> saChecks = new ArrayList<>();
		for (String line : Files.readAllLines(dir.resolve("evaltest.dat"))) {
			String[] parts = line.split("::");
			if (parts.length != 4)
				continue;
			String host = parts[0].strip(), command = parts[1].strip();
			boolean yes = parts[3].strip().equals("YES");
			Matcher ping = PING.matcher(command);
			if (ping.matches())
				pings.add(new Ping(host, address(hosts, ping.group(1)), yes));
			else if (command.startsWith("swanctl --list-sas") && command.contains("--raw"))
				saChecks.add(new SaCheck(host, Pattern.compile(parts[2]), yes));
		}
		return new CorpusScenario(dir, machines, ipsecHosts, swanctl, initiations, pings, saChecks);
	}

	/**
	 * {@code PH_IP_BOB} (bob's first IPv4 address), {@code PH_IP6_BOB} (its first IPv6 one),
	 * {@code PH_IP_MOON1} (the address of moon's second interface), or a literal address.
	 */
	private static String address(Path hosts, String word) throws IOException {
		Matcher placeholder = Pattern.compile("PH_IP(6?)_([A-Z]+)(\\d?)").matcher(word);
		if (!placeholder.matches())
			return word;
		boolean v6 = !placeholder.group(1).isEmpty();
		List<Testbed.Interface> interfaces = Testbed.Interface
				.read(hosts.resolve(placeholder.group(2).toLowerCase(Locale.ROOT)).resolve("etc/network/interfaces"));
		int index = placeholder.group(3).isEmpty() ? 0 : Integer.parseInt(placeholder.group(3));
		if (index < interfaces.size())
			for (String address : interfaces.get(index).addresses())
				if (address.contains(":") == v6)
					return address.substring(0, address.indexOf('/'));
		throw new AssertionError("no address for " + word);
	}

	private static String variable(String testConf, String name) {
		Matcher m = Pattern.compile("(?m)^" + name + "=\"?([^\"\\n]*)\"?").matcher(testConf);
		return m.find() ? m.group(1).strip() : "";
	}
}
