package org.ipsl.analysis.ikev2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SA that traffic may start from either end is predicted both ways; a host then lists one SA per
 * connection and peer, saying only what both ways agree on. It is established when either way
 * establishes it: IPSL never calls failing what may come up.
 */
final class BothWays {
	private BothWays() {
	}

	static List<IkeSaPrediction> merge(List<IkeSaPrediction> sas) {
		Map<String, IkeSaPrediction> byKey = new LinkedHashMap<>();
		for (IkeSaPrediction sa : sas)
			byKey.merge(sa.name() + " " + sa.remoteHost(), sa, BothWays::merge);
		return List.copyOf(byKey.values());
	}

	private static IkeSaPrediction merge(IkeSaPrediction a, IkeSaPrediction b) {
		String state = a.established() || b.established()
				? IkeSaPrediction.ESTABLISHED
				: same(a.state(), b.state(), a.state());
		List<ChildSaPrediction> children = new ArrayList<>();
		for (ChildSaPrediction child : a.children()) {
			Optional<ChildSaPrediction> other = b.children().stream().filter(c -> c.name().equals(child.name()))
					.findFirst();
			children.add(other.map(o -> merge(child, o)).orElse(child));
		}
		b.children().stream().filter(c -> a.children().stream().noneMatch(x -> x.name().equals(c.name())))
				.forEach(children::add);
		return new IkeSaPrediction(a.name(), a.version(), state, agreed(a.initiator(), b.initiator()), a.localHost(),
				a.remoteHost(),
				agreed(a.localId(), b.localId()), agreed(a.remoteId(), b.remoteId()),
				agreed(a.algorithms(), b.algorithms()), children);
	}

	private static ChildSaPrediction merge(ChildSaPrediction a, ChildSaPrediction b) {
		if (a.installed() != b.installed())
			return a.installed() ? a : b;
		return new ChildSaPrediction(a.name(), a.state(), a.mode(), a.protocol(),
				agreed(a.algorithms(), b.algorithms()),
				a.localTs().equals(b.localTs()) ? a.localTs() : List.of(),
				a.remoteTs().equals(b.remoteTs()) ? a.remoteTs() : List.of());
	}

	/** The algorithms both ways negotiate alike, kind by kind. */
	private static <K, V> Map<K, V> agreed(Map<K, V> a, Map<K, V> b) {
		Map<K, V> both = new LinkedHashMap<>();
		a.forEach((k, v) -> {
			if (v.equals(b.get(k)))
				both.put(k, v);
		});
		return both;
	}

	private static <T> Optional<T> agreed(Optional<T> a, Optional<T> b) {
		return a.equals(b) ? a : Optional.empty();
	}

	private static String same(String a, String b, String fallback) {
		return a.equals(b) ? a : fallback;
	}
}
