package org.ipsl.tests.peers;

import java.nio.file.Path;
import java.util.Map;

import org.ipsl.tests.support.Checker;

/**
 * Two hosts in two files, written from templates that name {@code {self}} and {@code {peer}}, their
 * addresses and networks, in either address family. A case is two side templates; it is run with
 * the first side as alpha and as beta, so that every mismatch is seen from both directions.
 */
record TwoHosts(Family family, boolean firstIsAlpha) {

	enum Family {
		V4("ipv4", "10.1.1.10", "10.1.0.0/16", "10.2.2.20", "10.2.0.0/16", "192.0.2.7"), V6("ipv6", "2001:db8:1::10",
				"2001:db8:1::/48", "2001:db8:2::20", "2001:db8:2::/48", "2001:db8:99::7");

		final String identity, alpha, alphaNet, beta, betaNet, outside;

		Family(String identity, String alpha, String alphaNet, String beta, String betaNet, String outside) {
			this.identity = identity;
			this.alpha = alpha;
			this.alphaNet = alphaNet;
			this.beta = beta;
			this.betaNet = betaNet;
			this.outside = outside;
		}
	}

	/** Writes alpha.ipsl and beta.ipsl (and any further files, as they are) into the folder. */
	Path write(Path folder, String first, String second, Map<String, String> more) {
		Checker.write(folder.resolve("alpha.ipsl"), render(firstIsAlpha ? first : second, true));
		Checker.write(folder.resolve("beta.ipsl"), render(firstIsAlpha ? second : first, false));
		more.forEach((name, text) -> Checker.write(folder.resolve(name), text));
		return folder;
	}

	private String render(String template, boolean alpha) {
		return template.replace("{self}", alpha ? "alpha" : "beta").replace("{peer}", alpha ? "beta" : "alpha")
				.replace("{selfAddr}", alpha ? family.alpha : family.beta)
				.replace("{peerAddr}", alpha ? family.beta : family.alpha)
				.replace("{selfNet}", alpha ? family.alphaNet : family.betaNet)
				.replace("{peerNet}", alpha ? family.betaNet : family.alphaNet).replace("{family}", family.identity)
				.replace("{outside}", family.outside);
	}

	@Override
	public String toString() {
		return family + (firstIsAlpha ? ", first side alpha" : ", first side beta");
	}
}
