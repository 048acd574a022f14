package org.ipsl.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** IANA service names usable in place of a port number. */
public final class Service {
	private static final Map<String, Integer> PORTS = new TreeMap<>();

	static {
		Object[] table = {"ftp-data", 20, "ftp", 21, "ssh", 22, "telnet", 23, "smtp", 25, "domain", 53,
				"bootps", 67, "bootpc", 68, "tftp", 69, "http", 80, "kerberos", 88, "pop3", 110, "sunrpc", 111,
				"ntp", 123, "netbios-ns", 137, "netbios-ssn", 139, "imap", 143, "snmp", 161, "snmptrap", 162,
				"bgp", 179, "ldap", 389, "https", 443, "kpasswd", 464, "isakmp", 500, "syslog", 514,
				"printer", 515, "submission", 587, "ipp", 631, "ldaps", 636, "rsync", 873, "imaps", 993,
				"pop3s", 995, "ms-sql-s", 1433, "radius", 1812, "radius-acct", 1813, "nfs", 2049,
				"mysql", 3306, "ms-wbt-server", 3389, "ipsec-nat-t", 4500, "postgresql", 5432, "x11", 6000,
				"http-alt", 8080};
		for (int i = 0; i < table.length; i += 2)
			PORTS.put((String) table[i], (Integer) table[i + 1]);
	}

	private Service() {
	}

	public static Optional<Integer> port(String name) {
		return Optional.ofNullable(PORTS.get(name));
	}

	/** Every name, in alphabetical order. */
	public static Map<String, Integer> all() {
		return Collections.unmodifiableMap(PORTS);
	}
}
