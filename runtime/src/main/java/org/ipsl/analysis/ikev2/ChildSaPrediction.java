package org.ipsl.analysis.ikev2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipsl.catalog.proposal.AlgorithmChoice;
import org.ipsl.catalog.proposal.AlgorithmKind;
import org.ipsl.catalog.proposal.SaProtocol;

/**
 * A CHILD_SA as one host would list it: {@code INSTALLED} with its algorithms and narrowed traffic
 * selectors, or the notify that refused it.
 */
public record ChildSaPrediction(String name, String state, ChildMode mode, SaProtocol protocol,
		Map<AlgorithmKind, AlgorithmChoice> algorithms, List<IkeTrafficSelector> localTs,
		List<IkeTrafficSelector> remoteTs) {

	public static final String INSTALLED = "INSTALLED";

	public ChildSaPrediction {
		algorithms = Map.copyOf(algorithms);
		localTs = List.copyOf(localTs);
		remoteTs = List.copyOf(remoteTs);
	}

	static ChildSaPrediction failed(String name, String notify, ChildMode mode, SaProtocol protocol) {
		return new ChildSaPrediction(name, notify, mode, protocol, Map.of(), List.of(), List.of());
	}

	public boolean installed() {
		return INSTALLED.equals(state);
	}

	/** As {@code swanctl --list-sas --raw} names the values; only those known. */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", name);
		json.put("state", state);
		json.put("mode", mode.name());
		json.put("protocol", protocol.name());
		IkeSaPrediction.algorithms(algorithms, json, false);
		if (installed() && !localTs.isEmpty())
			json.put("local-ts", localTs.stream().map(IkeTrafficSelector::toString).toList());
		if (installed() && !remoteTs.isEmpty())
			json.put("remote-ts", remoteTs.stream().map(IkeTrafficSelector::toString).toList());
		return json;
	}
}
