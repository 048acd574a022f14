package org.ipsl.tests.realtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.common.net.InetAddresses;

/**
 * XFRM policies in one normal form, read either from the {@code ip xfrm policy update} lines of a
 * generated script or from the kernel's {@code ip xfrm policy list}, so that the two can be
 * compared: protocol names become numbers, addresses their canonical form, the kernel's defaults
 * (action allow, wildcard template ends, reqid, ptype main) are dropped.
 */
final class XfrmPolicies {
	private static final Map<String, Integer> PROTOCOLS = protocols();

	private XfrmPolicies() {
	}

	/** The policies a script installs, one normal form per line. */
	static List<String> fromScript(String script) {
		List<String> policies = new ArrayList<>();
		for (String line : script.split("\n"))
			if (line.startsWith("ip xfrm policy update "))
				policies.add(normal(line.substring("ip xfrm policy update ".length()).trim().split("\\s+")));
		return policies;
	}

	/** The policies the kernel lists, except per-socket ones. */
	static List<String> fromKernel(String listing) {
		List<String> policies = new ArrayList<>();
		StringBuilder block = null;
		for (String line : listing.split("\n")) {
			if (line.startsWith("src ")) {
				if (block != null)
					add(policies, block);
				block = new StringBuilder(line);
			} else if (block != null)
				block.append(' ').append(line.trim());
		}
		if (block != null)
			add(policies, block);
		return policies;
	}

	private static void add(List<String> policies, StringBuilder block) {
		String[] words = block.toString().trim().split("\\s+");
		if (!List.of(words).contains("socket"))
			policies.add(normal(words));
	}

	/** e.g. {@code out 10.1.1.10/32>10.2.2.20/32 p6 d22 prio 11 allow [esp transport]}. */
	private static String normal(String[] words) {
		Map<String, String> selector = new HashMap<>();
		List<Map<String, String>> templates = new ArrayList<>();
		Map<String, String> current = selector;
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			if (word.equals("tmpl")) {
				current = new HashMap<>();
				templates.add(current);
			} else if (word.equals("ptype"))
				i++;
			else if (i + 1 < words.length)
				current.put(word, words[++i]);
		}
		StringBuilder out = new StringBuilder();
		out.append(selector.get("dir")).append(' ').append(cidr(selector.get("src"))).append('>')
				.append(cidr(selector.get("dst")));
		if (selector.containsKey("proto"))
			out.append(" p").append(protocol(selector.get("proto")));
		for (String key : List.of("sport", "dport", "type"))
			if (selector.containsKey(key))
				out.append(' ').append(key).append(selector.get(key));
		out.append(" prio ").append(selector.get("priority"));
		out.append(' ').append(selector.getOrDefault("action", "allow"));
		for (Map<String, String> t : templates) {
			out.append(" [").append(t.get("proto")).append(' ').append(t.get("mode"));
			String src = address(t.get("src")), dst = address(t.get("dst"));
			if (src != null || dst != null)
				out.append(' ').append(src).append('>').append(dst);
			if (t.containsKey("spi") && Long.decode(t.get("spi")) != 0)
				out.append(" spi ").append(Long.decode(t.get("spi")));
			out.append(']');
		}
		return out.toString();
	}

	private static String cidr(String text) {
		int slash = text.indexOf('/');
		return InetAddresses.toAddrString(InetAddresses.forString(text.substring(0, slash))) + text.substring(slash);
	}

	/** A template end; null for the wildcard (the packet's own address). */
	private static String address(String text) {
		if (text == null)
			return null;
		var address = InetAddresses.forString(text);
		return address.isAnyLocalAddress() ? null : InetAddresses.toAddrString(address);
	}

	private static int protocol(String text) {
		if (text.chars().allMatch(Character::isDigit))
			return Integer.parseInt(text);
		Integer number = PROTOCOLS.get(text);
		if (number == null)
			throw new AssertionError("unknown protocol name in an xfrm listing: " + text);
		return number;
	}

	/** The names ip prints: /etc/protocols where there is one, these otherwise. */
	private static Map<String, Integer> protocols() {
		Map<String, Integer> names = new HashMap<>(Map.of("icmp", 1, "tcp", 6, "udp", 17, "gre", 47, "esp", 50,
				"ah", 51, "ipv6-icmp", 58));
		try {
			for (String line : Files.readAllLines(Path.of("/etc/protocols"))) {
				String[] f = line.replaceAll("#.*", "").trim().split("\\s+");
				if (f.length >= 2 && f[1].chars().allMatch(Character::isDigit)) {
					names.putIfAbsent(f[0], Integer.parseInt(f[1]));
					for (int i = 2; i < f.length; i++)
						names.putIfAbsent(f[i], Integer.parseInt(f[1]));
				}
			}
		} catch (IOException e) {
			// no /etc/protocols: ip prints numbers, or the names above
		}
		return names;
	}
}
