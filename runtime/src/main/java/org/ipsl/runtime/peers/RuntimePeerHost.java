package org.ipsl.runtime.peers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.ipsl.analysis.certs.IkeIdentity;
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
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.runtime.config.DefaultAction;
import org.ipsl.runtime.config.IkePolicy;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;

/**
 * A {@code runtime.json} as the peer analysis sees a host ({@link PeerHost}), so that a trace between
 * two configurations judges the negotiation exactly as {@code ipsl check --peers} judges the
 * workspace they were generated from. Secrets and keys enter only as fingerprints.
 */
public final class RuntimePeerHost {
	/** How runtime.json writes {@code any}. */
	private static final List<String> ANY = List.of("0.0.0.0/0", "::/0");

	private RuntimePeerHost() {
	}

	/** @throws IllegalArgumentException naming the element when an algorithm or group is unknown */
	public static PeerHost of(RuntimeConfig config) {
		return new PeerHost(config.host(), config.addresses().stream().map(IpRange::parse).toList(), rules(config),
				config.defaultAction() == DefaultAction.PASS ? Action.PASS : Action.DISCARD, true,
				config.ikePolicies().stream().map(RuntimePeerHost::ike).toList(), true,
				config.manualSas().stream().map(RuntimePeerHost::manualKeys).toList());
	}

	/** The host's policies as the plain model's rules, in the file's (priority) order. */
	public static List<Rule> rules(RuntimeConfig config) {
		return config.policies().stream().map(p -> new Rule(p.name(), p.priority(), selector(p.selector()), action(p)))
				.toList();
	}

	/** Address texts as the model's ranges; runtime.json's {@code any} is the model's empty list. */
	public static List<IpRange> ranges(List<String> texts) {
		return texts.equals(ANY) ? List.of() : texts.stream().map(IpRange::parse).toList();
	}

	private static Selector selector(Policy.Selector s) {
		return new Selector(s.protocol() == null ? Selector.ANY : s.protocol(), ranges(s.local()), ranges(s.remote()),
				ports(s.localPorts()), ports(s.remotePorts()),
				s.icmpType() == null ? OptionalInt.empty() : OptionalInt.of(s.icmpType()));
	}

	private static PortRange ports(Policy.PortRange ports) {
		return ports == null ? PortRange.ALL : new PortRange(ports.from(), ports.to());
	}

	private static Action action(Policy policy) {
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
						IkeEncryption.byKeyword(p.encryption()).orElseThrow(() -> unknown(where, "encryption", p.encryption())),
						IkeHash.byKeyword(p.hash()).orElseThrow(() -> unknown(where, "hash", p.hash())),
						group(p.group(), where)))
				.toList();
		IkeAuthentication authentication = ike.authentication().method() == IkePolicy.Authentication.Method.PRESHARED
				? IkeAuthentication.preshared(SecretFingerprint.of(ike.authentication().secret()))
				: IkeAuthentication.certificate();
		return new PeerIke(ike.name(), ike.priority(), ranges(ike.remote()), suites, authentication,
				identity(ike.localId()), identity(ike.remoteId()), ike.lifetimeSeconds());
	}

	private static DhGroup group(int number, String where) {
		return DhGroup.byNumber(number).orElseThrow(() -> unknown(where, "Diffie-Hellman group", Integer.toString(number)));
	}

	private static IllegalArgumentException unknown(String where, String what, String value) {
		return new IllegalArgumentException(where + ": unknown " + what + " '" + value + "'");
	}

	private static Optional<IkeIdentity> identity(IkePolicy.Identity id) {
		return id == null ? Optional.empty()
				: Optional.of(new IkeIdentity(IkeIdentity.Kind.valueOf(id.type().name()), id.value()));
	}

	private static ManualKeys manualKeys(ManualSa sa) {
		return new ManualKeys(sa.name(), ranges(sa.peer()), Optional.of(sa(sa.inbound())), Optional.of(sa(sa.outbound())));
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
