package org.ipsl.tests.realtools;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A network namespace of the test's own, deleted on close with everything in it; addresses are
 * added inside it only, so the machine's own network is never touched.
 */
public final class Netns implements AutoCloseable {
	private static final SecureRandom RANDOM = new SecureRandom();
	private final String name;

	private Netns(String name) {
		this.name = name;
	}

	public static Netns create() {
		String name = "ipsl-test-" + HexFormat.of().formatHex(RANDOM.generateSeed(4));
		RealTools.ok(RealTools.IP.toString(), "netns", "add", name);
		Netns netns = new Netns(name);
		netns.ok(RealTools.IP.toString(), "link", "set", "lo", "up");
		return netns;
	}

	public String name() {
		return name;
	}

	/** A command inside the namespace. */
	public RealTools.Run run(int seconds, String... command) {
		List<String> full = new ArrayList<>(List.of(RealTools.IP.toString(), "netns", "exec", name));
		full.addAll(List.of(command));
		return RealTools.run(java.util.Map.of(), seconds, full.toArray(String[]::new));
	}

	public RealTools.Run ok(String... command) {
		RealTools.Run run = run(60, command);
		if (run.exit() != 0)
			throw new AssertionError(
					String.join(" ", command) + " in " + name + " exited " + run.exit() + ":\n" + run.both());
		return run;
	}

	/**
	 * Joins two namespaces with a veth pair: {@code a} gets {@code addressA}, {@code b} gets
	 * {@code addressB}, each with a host route to the other, so any two addresses can talk.
	 */
	public static void link(Netns a, String addressA, Netns b, String addressB) {
		String[] ends = veth(a, b);
		a.address(ends[0], addressA, addressB);
		b.address(ends[1], addressB, addressA);
	}

	/** A veth pair, one end in {@code a}, the other in {@code b}, both down; returns their names. */
	public static String[] veth(Netns a, Netns b) {
		String suffix = HexFormat.of().formatHex(RANDOM.generateSeed(3));
		String ifA = "ipsl" + suffix + "a", ifB = "ipsl" + suffix + "b";
		RealTools.ok(RealTools.IP.toString(), "link", "add", ifA, "netns", a.name, "type", "veth", "peer", "name", ifB,
				"netns", b.name);
		return new String[]{ifA, ifB};
	}

	/** Routes {@code prefix} through {@code gateway}, an address this namespace reaches directly. */
	public void route(String prefix, String gateway) {
		ok(RealTools.IP.toString(), "route", "add", prefix, "via", gateway);
	}

	/** Forwards IPv4 and IPv6 packets between its interfaces, as a gateway does. */
	public void forward() {
		ok("sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
	}

	private void address(String device, String address, String peer) {
		String ip = RealTools.IP.toString();
		ok(ip, "link", "set", device, "up");
		if (address.contains(":"))
			ok(ip, "addr", "add", address + "/128", "dev", device, "nodad");
		else
			ok(ip, "addr", "add", address + "/32", "dev", device);
		ok(ip, "route", "add", peer + (peer.contains(":") ? "/128" : "/32"), "dev", device);
	}

	@Override
	public void close() {
		RealTools.run(RealTools.IP.toString(), "netns", "del", name);
	}
}
