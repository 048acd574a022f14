package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One IPsec (Quick Mode) proposal as a policy offers it: a built-in transform (nested ones as
 * {@code ah-hmac-sha1+esp-aes128-hmac-sha1}) with its lifetime. Read from the plain model's
 * transform texts, {@code NAME[ lifetime Ns[ NKB]]} (see {@code HostRules.transforms}).
 *
 * @param kilobytes 0 for no size limit
 */
record TransformOffer(String transform, long seconds, long kilobytes) {
	static final long DEFAULT_SECONDS = 28800;

	static TransformOffer parse(String text) {
		String[] words = text.split(" ");
		long seconds = DEFAULT_SECONDS, kilobytes = 0;
		if (words.length >= 3 && words[1].equals("lifetime")) {
			seconds = Long.parseLong(words[2].substring(0, words[2].length() - 1));
			if (words.length >= 4)
				kilobytes = Long.parseLong(words[3].substring(0, words[3].length() - 2));
		}
		return new TransformOffer(words[0], seconds, kilobytes);
	}

	static List<TransformOffer> parseAll(List<String> texts) {
		List<TransformOffer> offers = new ArrayList<>(texts.size());
		texts.forEach(t -> offers.add(parse(t)));
		return offers;
	}

	/** The first offer, in the order of {@code preferred}, that {@code other} also offers. */
	static Optional<TransformOffer> firstAcceptable(List<TransformOffer> preferred, List<TransformOffer> other) {
		return preferred.stream().filter(o -> find(other, o.transform()).isPresent()).findFirst();
	}

	static Optional<TransformOffer> find(List<TransformOffer> offers, String transform) {
		return offers.stream().filter(o -> o.transform().equals(transform)).findFirst();
	}

	/** "28800 s" or "3600 s and 50000 KB". */
	String lifetime() {
		return (seconds == 0 ? "no time limit" : seconds + " s") + (kilobytes == 0 ? "" : " and " + kilobytes + " KB");
	}

	boolean sameLifetime(TransformOffer other) {
		return seconds == other.seconds && kilobytes == other.kilobytes;
	}
}
