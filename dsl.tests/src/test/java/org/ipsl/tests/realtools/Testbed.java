package org.ipsl.tests.realtools;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * strongSwan's test network rebuilt in network namespaces from the corpus's
 * {@code hosts/HOST/etc/network/interfaces}: a namespace for each machine, a bridge for each subnet
 * (all bridges in one namespace of their own), and on each machine the addresses and the default
 * gateway of its {@code auto} interfaces. The namespaces are isolated from the machine's own
 * network, so the corpus's addresses (192.168.0.0/24, 10.1.0.0/16, fec0::/16, ...) are used as
 * they are, and the scenarios' configurations need no rewriting. Closing deletes everything.
 */
final class Testbed implements AutoCloseable {
	private final Netns wire;
	private final Map<String, Netns> machines = new LinkedHashMap<>();

	private Testbed(Netns wire) {
		this.wire = wire;
	}

	/** The machines {@code names}, each from {@code hosts/NAME/etc/network/interfaces}, joined as their subnets say. */
	static Testbed build(Path hosts, Collection<String> names) throws IOException {
		Testbed testbed = new Testbed(Netns.create());
		try {
			Map<String, String> bridges = new LinkedHashMap<>();
			for (String name : new LinkedHashSet<>(names)) {
				Netns machine = Netns.create();
				testbed.machines.put(name, machine);
				machine.forward();
				for (Interface iface : Interface.read(hosts.resolve(name).resolve("etc/network/interfaces"))) {
					String bridge = bridges.computeIfAbsent(iface.subnet(), subnet -> testbed.bridge(bridges.size()));
					String[] ends = Netns.veth(machine, testbed.wire);
					testbed.wire.ok(RealTools.IP.toString(), "link", "set", ends[1], "master", bridge, "up");
					machine.ok(RealTools.IP.toString(), "link", "set", ends[0], "up");
					for (String address : iface.addresses())
						if (address.contains(":"))
							machine.ok(RealTools.IP.toString(), "addr", "add", address, "dev", ends[0], "nodad");
						else
							machine.ok(RealTools.IP.toString(), "addr", "add", address, "dev", ends[0]);
					if (iface.gateway() != null)
						machine.route("default", iface.gateway());
				}
			}
			return testbed;
		} catch (RuntimeException | IOException e) {
			testbed.close();
			throw e;
		}
	}

	Netns machine(String name) {
		Netns machine = machines.get(name);
		if (machine == null)
			throw new AssertionError("no machine " + name + " in the testbed: " + machines.keySet());
		return machine;
	}

	private String bridge(int index) {
		String name = "br" + index;
		wire.ok(RealTools.IP.toString(), "link", "add", name, "type", "bridge");
		wire.ok(RealTools.IP.toString(), "link", "set", name, "up");
		return name;
	}

	@Override
	public void close() {
		machines.values().forEach(Netns::close);
		wire.close();
	}

	/** An {@code auto} interface of a Debian interfaces file: its addresses with prefix lengths, its gateway. */
	record Interface(String name, List<String> addresses, String gateway) {

		/** The subnet of its first address, which names the bridge it is plugged into. */
		String subnet() {
			String[] parts = addresses.get(0).split("/");
			try {
				byte[] bytes = InetAddress.getByName(parts[0]).getAddress();
				int prefix = Integer.parseInt(parts[1]);
				BigInteger mask = BigInteger.ONE.shiftLeft(bytes.length * 8).subtract(BigInteger.ONE)
						.shiftRight(prefix).not();
				return new BigInteger(1, bytes).and(mask) + "/" + prefix;
			} catch (IOException e) {
				throw new AssertionError("not an address: " + parts[0], e);
			}
		}

		static List<Interface> read(Path file) throws IOException {
			Set<String> auto = new LinkedHashSet<>();
			Map<String, List<String>> addresses = new LinkedHashMap<>();
			Map<String, String> gateways = new LinkedHashMap<>();
			String iface = null, address = null;
			for (String raw : Files.readAllLines(file)) {
				String[] words = raw.strip().split("\\s+");
				switch (words[0]) {
					case "auto" -> auto.addAll(List.of(words).subList(1, words.length));
					case "iface" -> {
						iface = words[1];
						address = null;
					}
					case "address" -> address = words[1];
					case "netmask" -> addresses.computeIfAbsent(iface, k -> new ArrayList<>())
							.add(address + "/" + prefixLength(words[1]));
					case "gateway" -> gateways.put(iface, words[1]);
					default -> {
					}
				}
			}
			List<Interface> interfaces = new ArrayList<>();
			addresses.forEach((name, list) -> {
				if (auto.contains(name))
					interfaces.add(new Interface(name, list, gateways.get(name)));
			});
			return interfaces;
		}

		/** {@code 255.255.0.0} or, for inet6, already a length: {@code 16}. */
		private static int prefixLength(String netmask) throws IOException {
			if (!netmask.contains("."))
				return Integer.parseInt(netmask);
			return new BigInteger(1, InetAddress.getByName(netmask).getAddress()).bitCount();
		}
	}
}
