package org.ipsl.runtime.peers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ipsl.model.IkeIdentity;
import org.ipsl.analysis.peers.IkeAuthentication;
import org.ipsl.analysis.peers.ManualKeys;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.analysis.peers.PeerIke;
import org.ipsl.analysis.peers.SecretFingerprint;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.Rule;
import org.ipsl.runtime.config.DefaultAction;
import org.ipsl.runtime.config.IkePolicy;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * A running host's {@code runtime.json} as the peer analysis sees a host ({@link PeerHost}), so that a trace between
 * two configurations judges the negotiation exactly as {@code ipsl check --peers} judges the
 * workspace they were generated from. Secrets and keys enter only as fingerprints.
 */
public final class RuntimePeerHost {
	private RuntimePeerHost() {
	}

	/** @throws IllegalArgumentException naming the element when an algorithm or group is unknown */
	public static PeerHost of(IpsecHost host) {
		RuntimeConfig config = host.config();
		List<Rule> rules = host.policies().stream().filter(p -> !p.isDefault())
				.map(p -> new Rule(p.name(), p.priority(), p.selector(), action(p))).toList();
		return new PeerHost(config.host(), config.addresses().stream().map(IpRange::parse).toList(), rules,
				config.defaultAction() == DefaultAction.PASS ? Action.PASS : Action.DISCARD, true,
				config.ikePolicies().stream().map(RuntimePeerHost::ike).toList(), true,
				config.manualSas().stream().map(RuntimePeerHost::manualKeys).toList());
	}

	private static List<IpRange> ranges(List<String> texts) {
		return texts.stream().map(IpRange::parse).toList();
	}

	private static Action action(SpdEntry policy) {
		Policy.Action a = policy.action();
		return switch (a.type()) {
			case PASS -> Action.PASS;
			case DISCARD -> Action.DISCARD;
			case PROTECT -> {
				if (a.manualSa() != null)
					yield Action.manual(a.manualSa());
				Action action = Action.protect(a.transforms().stream().map(RuntimePeerHost::offer).toList());
				if (a.tunnel() != null)
					action = action.inTunnel(a.tunnel().local(), a.tunnel().remote());
				if (a.pfsGroup() != null)
					action = action.withPfs(group(a.pfsGroup(), "policy '" + policy.name() + "'").keyword());
				yield action;
			}
		};
	}

	/** The transform text the peer analysis reads: {@code NAME lifetime Ns[ NKB]}. */
	private static String offer(Policy.Transform t) {
		return t.name() + " lifetime " + t.lifetimeSeconds() + "s"
				+ (t.lifetimeKilobytes() == 0 ? "" : " " + t.lifetimeKilobytes() + "KB");
	}

	private static PeerIke ike(IkePolicy ike) {
		String where = "IKE policy '" + ike.name() + "'";
		List<IkeSuite> suites = ike.proposals().stream()
				.map(p -> new IkeSuite(
						IkeEncryption.byKeyword(p.encryption())
								.orElseThrow(() -> unknown(where, "encryption", p.encryption())),
						IkeHash.byKeyword(p.hash()).orElseThrow(() -> unknown(where, "hash", p.hash())),
						group(p.group(), where)))
				.toList();
		IkeAuthentication authentication = ike.authentication().method() == IkePolicy.Authentication.Method.PRESHARED
				? IkeAuthentication.preshared(SecretFingerprint.of(ike.authentication().secret()))
				: IkeAuthentication.certificate();
		return new PeerIke(ike.name(), ike.priority(), ranges(ike.remote()), suites, authentication,
				identity(ike.localId()), identity(ike.remoteId()), ike.lifetimeSeconds(), false);
	}

	private static DhGroup group(int number, String where) {
		return DhGroup.byNumber(number)
				.orElseThrow(() -> unknown(where, "Diffie-Hellman group", Integer.toString(number)));
	}

	private static IllegalArgumentException unknown(String where, String what, String value) {
		return new IllegalArgumentException(where + ": unknown " + what + " '" + value + "'");
	}

	private static Optional<IkeIdentity> identity(IkePolicy.Identity id) {
		return id == null
				? Optional.empty()
				: Optional.of(new IkeIdentity(IkeIdentity.Kind.valueOf(id.type().name()), id.value()));
	}

	private static ManualKeys manualKeys(ManualSa sa) {
		return new ManualKeys(sa.name(), ranges(sa.peer()), Optional.of(sa(sa.inbound())),
				Optional.of(sa(sa.outbound())));
	}

	private static ManualKeys.Sa sa(ManualSa.Sa sa) {
		return new ManualKeys.Sa(sa.protocol().name().toLowerCase(Locale.ROOT), sa.spi(), algorithm(sa.encryption()),
				fingerprint(sa.encryption()), algorithm(sa.authentication()), fingerprint(sa.authentication()));
	}

	private static Optional<String> algorithm(ManualSa.Key key) {
		return key == null ? Optional.empty() : Optional.of(key.algorithm());
	}

	/** As the checker fingerprints a manual key: its hex digits in lower case, without {@code 0x}. */
	private static Optional<SecretFingerprint> fingerprint(ManualSa.Key key) {
		if (key == null || key.key() == null)
			return Optional.empty();
		String text = key.key();
		String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
		return Optional.of(SecretFingerprint.of(digits.toLowerCase(Locale.ROOT)));
	}
}
