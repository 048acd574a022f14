package org.ipsl.scenarios;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipsl.importer.ImportProblem;

/**
 * Whether a scenario's outcome depends only on what IPSL models. Written once here and in
 * docs/strongswan-scenarios.md, applied in this order, the first reason found is the scenario's:
 * <ol>
 * <li>an IPsec host without a configuration, or a setting the importer cannot read or express
 * (EAP, XAUTH, pools and virtual IPs, revocation, marks, a second authentication round, ...);</li>
 * <li>a plugin loaded by the daemon that changes the outcome beyond IPSL's model (EAP, XAUTH, RADIUS,
 * attributes and databases, HA, DHCP, DNS-published keys, ...);</li>
 * <li>a word of the description naming such a thing (NAT, virtual IP, EAP, revocation, HA, timing,
 * MOBIKE, ...);</li>
 * <li>a pretest command other than starting the daemons, loading, cleaning up credentials,
 * restoring the standard firewall, waiting, initiating, and pings that trigger trap policies (NAT
 * rules, RADIUS servers, address pools, routes, removed keys, ...);</li>
 * <li>certificate authentication of a host whose own identity comes from its certificate (no id
 * configured): the certificates' contents are not in the corpus. (A peer accepting any identity is
 * in scope: the identity it sees is the other host's configured one.)</li>
 * </ol>
 */
final class ScopeRule {
	private ScopeRule() {
	}

	/** Plugins (as strongswan.conf's {@code load} names them, by prefix) and what they bring. */
	static final Map<String, String> PLUGINS = Map.ofEntries(Map.entry("eap-", "EAP"), Map.entry("xauth-", "XAUTH"),
			Map.entry("radattr", "RADIUS"), Map.entry("attr", "configuration attributes (virtual IPs, DNS)"),
			Map.entry("sql", "configuration from a database"), Map.entry("sqlite", "configuration from a database"),
			Map.entry("dhcp", "virtual IPs by DHCP"), Map.entry("farp", "virtual IPs (fake ARP)"),
			Map.entry("ha", "high availability"),
			Map.entry("tnc", "trusted network connect"), Map.entry("unity", "Cisco Unity extensions"),
			Map.entry("forecast", "multicast forwarding"), Map.entry("connmark", "connection marks"),
			Map.entry("dnskey", "keys from DNS"), Map.entry("ipseckey", "keys from DNS"),
			Map.entry("dnscert", "certificates from DNS"),
			Map.entry("unbound", "DNS lookups"), Map.entry("ldap", "certificates from LDAP"),
			Map.entry("whitelist", "identity whitelist"),
			Map.entry("addrblock", "certificate address blocks"), Map.entry("acert", "attribute certificates"),
			Map.entry("pgp", "PGP keys"), Map.entry("lookip", "virtual IP lookups"),
			Map.entry("ext-auth", "external authorization"),
			Map.entry("bypass-lan", "LAN bypass policies"));

	/** Description words (whole words; (?i: ) where case does not matter) and what the outcome then depends on. */
	static final List<String[]> WORDS = List.of(new String[]{"NAT(-T| traversal| router)?", "NAT"},
			new String[]{"(?i:virtual IP( address)?s?)", "virtual IPs"}, new String[]{"EAP(-[A-Z0-9]+)?", "EAP"},
			new String[]{"(?i:XAUTH)", "XAUTH"}, new String[]{"RADIUS", "RADIUS"},
			new String[]{"OCSP|CRLs?|(?i:revoked|revocation)", "revocation"},
			new String[]{"(?i:high availability)|HA", "high availability"},
			new String[]{
					"(?i:expire[sd]?|rekey(ing|ed)?|reauth(entication)?|dead peer|timeouts?|retransmi(t|ssions?))|DPD",
					"timing"},
			new String[]{"(?i:MOBIKE)", "MOBIKE"}, new String[]{"IPComp|(?i:compression)", "IPComp"},
			new String[]{"(?i:marks?|XFRM interfaces?)|DSCP", "marks"},
			new String[]{"(?i:multiple authentication|two authentication)", "several authentication rounds"},
			new String[]{"(?i:untrusted|self-signed|path ?length|name ?constraints?|wildcards?|not yet valid)",
					"certificate contents"},
			new String[]{"(?i:mode ?config)", "mode config (virtual IPs)"},
			new String[]{"(?i:post-quantum)|PPK", "post-quantum keys"},
			new String[]{"DHCP", "DHCP"}, new String[]{"(?i:duplicate|uniqueness)", "duplicate IKE_SA handling"});

	/** pretest.dat commands that do not change the outcome beyond the configuration. */
	private static final Pattern HARMLESS = Pattern
			.compile("\\s*(iptables-restore < /etc/iptables.rules|systemctl (re)?start strongswan"
					+ "|ipsec (re)?start|expect-connection \\S+|swanctl --(initiate|load-\\w+).*|ipsec up \\S+.*|sleep [\\d.]+|ping .*"
					+ "|cd /etc/swanctl; rm [\\w/*]+( [\\w/*]+)*|rm /etc/(ipsec\\.d|swanctl)/[\\w/*.]+|cat /etc/swanctl/[\\w.]+)\\s*");

	private static final Pattern LOAD = Pattern.compile("(?m)^\\s*load\\s*=\\s*(.*)$");
	private static final Pattern LOCAL_CERTIFICATE = Pattern.compile("(?m)^\\s*authentication certificate");
	private static final Pattern IKE_BLOCK = Pattern.compile("(?s)\\bike ([\\w-]+) \\{(.*?)\\n\\s*\\}");

	/**
	 * @param daemonConfigs each IPsec host's strongswan.conf text
	 * @param importProblems what the import could not read or express
	 * @param imported the IPSL text written for the hosts
	 * @return null when in scope, else the reason
	 */
	static String outReason(Scenario scenario, Map<String, String> daemonConfigs, List<ImportProblem> importProblems,
			List<String> imported) {
		if (scenario.ipsecHosts().isEmpty())
			return "no IPsec hosts";
		if (!importProblems.isEmpty()) {
			ImportProblem p = importProblems.get(0);
			return (p.unreadable() ? "not readable: " : "not expressible: ") + p.message() + " ("
					+ p.file().getFileName() + ":" + p.line() + ")";
		}
		for (Map.Entry<String, String> host : daemonConfigs.entrySet()) {
			Matcher load = LOAD.matcher(host.getValue());
			while (load.find())
				for (String plugin : load.group(1).trim().split("\\s+"))
					for (Map.Entry<String, String> out : PLUGINS.entrySet())
						if (plugin.equals(out.getKey()) || out.getKey().endsWith("-") && plugin.startsWith(out.getKey())
								|| out.getKey().equals("tnc") && plugin.startsWith("tnc"))
							return "plugin " + plugin + " on " + host.getKey() + " (" + out.getValue() + ")";
		}
		String description = scenario.description().replaceAll("<[^>]+>", " ");
		for (String[] word : WORDS) {
			Matcher m = Pattern.compile("(?<![\\w-])(" + word[0] + ")(?![\\w-])").matcher(description);
			if (m.find())
				return "description: '" + m.group(1) + "' (" + word[1] + ")";
		}
		for (String line : scenario.pretest()) {
			int sep = line.indexOf("::");
			String command = sep < 0 ? line : line.substring(sep + 2);
			if (!HARMLESS.matcher(command).matches())
				return "pretest: '" + command.trim() + "'";
		}
		for (String text : imported) {
			Matcher ike = IKE_BLOCK.matcher(text);
			while (ike.find()) {
				String body = ike.group(2);
				if (LOCAL_CERTIFICATE.matcher(body).find() && !body.contains("local-id "))
					return "certificate contents: IKE " + ike.group(1)
							+ " takes its identity from a certificate not in the corpus";
			}
		}
		return null;
	}
}
