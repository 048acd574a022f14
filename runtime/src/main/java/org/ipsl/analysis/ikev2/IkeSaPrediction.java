package org.ipsl.analysis.ikev2;

import org.ipsl.model.IkeVersion;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipsl.catalog.proposal.AlgorithmChoice;
import org.ipsl.catalog.proposal.AlgorithmKind;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.model.IkeIdentity;
import org.ipsl.model.IpRange;

/**
 * An IKE_SA as one host would list it ({@code swanctl --list-sas --raw}): established with the algorithms
 * chosen, or the notify it failed with; and its CHILD_SAs.
 *
 * @param name      the connection's name on this host
 * @param initiator empty when either side may initiate and the prediction holds both ways
 * @param localId   empty when not known here (a certificate's subject)
 * @param algorithms those negotiated, one per kind; none when the SA failed
 */
public record IkeSaPrediction(String name, IkeVersion version, String state, Optional<Boolean> initiator,
		IpRange localHost,
		IpRange remoteHost, Optional<IkeIdentity> localId, Optional<IkeIdentity> remoteId,
		Map<AlgorithmKind, AlgorithmChoice> algorithms,
		List<ChildSaPrediction> children) {

	public static final String ESTABLISHED = "ESTABLISHED";

	public IkeSaPrediction {
		children = List.copyOf(children);
		algorithms = Map.copyOf(algorithms);
	}

	/** The algorithms of a selected proposal, one per kind. */
	static Map<AlgorithmKind, AlgorithmChoice> chosen(Optional<Proposal> selected) {
		Map<AlgorithmKind, AlgorithmChoice> map = new EnumMap<>(AlgorithmKind.class);
		selected.ifPresent(p -> p.transforms().forEach(c -> map.putIfAbsent(c.kind(), c)));
		return map;
	}

	public boolean established() {
		return ESTABLISHED.equals(state);
	}

	/** The shape of docs/peers.md ("The prediction"): only the keys whose value is known. */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", name);
		json.put("version", version.strongswanNumber());
		json.put("state", state);
		initiator.ifPresent(i -> json.put("initiator", i));
		json.put("local-host", IpRange.format(localHost.first()));
		json.put("remote-host", IpRange.format(remoteHost.first()));
		localId.ifPresent(id -> json.put("local-id", id.value()));
		remoteId.ifPresent(id -> json.put("remote-id", id.value()));
		algorithms(algorithms, json, true);
		json.put("children", children.stream().map(ChildSaPrediction::json).toList());
		return json;
	}

	/** encr-alg, encr-keysize, integ-alg, prf-alg (IKE only), dh-group, in strongSwan's spellings. */
	static void algorithms(Map<AlgorithmKind, AlgorithmChoice> p, Map<String, Object> json, boolean ike) {
		Optional.ofNullable(p.get(AlgorithmKind.ENCRYPTION)).ifPresent(e -> {
			json.put("encr-alg", e.algorithm().swanName());
			if (e.keySize() > 0)
				json.put("encr-keysize", e.keySize());
		});
		Optional.ofNullable(p.get(AlgorithmKind.INTEGRITY))
				.ifPresent(i -> json.put("integ-alg", i.algorithm().swanName()));
		if (ike)
			Optional.ofNullable(p.get(AlgorithmKind.PRF)).ifPresent(f -> json.put("prf-alg", f.algorithm().swanName()));
		Optional.ofNullable(p.get(AlgorithmKind.KEY_EXCHANGE))
				.ifPresent(g -> json.put("dh-group", g.algorithm().swanName()));
	}
}
