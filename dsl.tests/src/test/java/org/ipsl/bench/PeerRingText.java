package org.ipsl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seeded ring of {@link PeerRingGenerator} as a workspace of IPSL files, one host per file
 * ({@code h0.ipsl}, {@code h1.ipsl}, ...): each host's IKE policies name its two neighbours, so a
 * file's analysis depends on the files of its peers as in a real fleet.
 */
final class PeerRingText {
	private PeerRingText() {
	}

	/** Writes the ring into {@code folder} and gives the hosts, host {@code h} in file {@link #file}{@code (folder, h)}. */
	static List<PeerRingGenerator.HostSpec> write(Path folder, long seed, int hosts, int policies) throws IOException {
		List<PeerRingGenerator.HostSpec> ring = PeerRingGenerator.ring(seed, hosts, policies);
		Files.createDirectories(folder);
		for (int h = 0; h < ring.size(); h++)
			Files.writeString(file(folder, h), host(ring, h));
		return ring;
	}

	static Path file(Path folder, int host) {
		return folder.resolve("h" + host + ".ipsl");
	}

	static String host(List<PeerRingGenerator.HostSpec> ring, int h) {
		PeerRingGenerator.HostSpec host = ring.get(h);
		StringBuilder text = new StringBuilder(host.rules().size() * 120 + 400);
		text.append("host ").append(host.name()).append(" {\n    address ")
				.append(String.join(", ", host.addresses().stream().map(Object::toString).toList())).append('\n');
		for (PeerRingGenerator.IkeSpec ike : host.ikePolicies())
			text.append("    ike ").append(ike.name()).append(" priority ").append(ike.priority())
					.append(" {\n        remote ").append(ring.get(ike.peer()).name())
					.append("\n        proposals ").append(String.join(", ", PeerRingGenerator.suiteKeywords()))
					.append("\n        authentication preshared \"").append(ike.secret()).append("\"\n    }\n");
		host.rules().forEach(rule -> PolicyTextGenerator.policy(text, rule));
		return text.append("    default pass\n}\n").toString();
	}
}
