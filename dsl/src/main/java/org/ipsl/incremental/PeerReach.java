package org.ipsl.incremental;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.ipsl.ast.AddressRanges;
import org.ipsl.ast.Endpoints;
import org.ipsl.ast.LinkText;
import org.ipsl.ipsl.AddressEndpoint;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.model.IpRange;

/**
 * What the index says of a declaration for deciding which files an edit affects between peers
 * ({@link IpslResourceDescriptionManager}), written from the declaration's own text, so that it
 * needs no link to another file:
 * <ul>
 * <li>{@value #FINGERPRINT}: the declaration's text and where it starts (diagnostics of other files
 * point into it); equal fingerprints, equal declarations;</li>
 * <li>{@value #ADDRESSES}: the addresses written for a host or a network;</li>
 * <li>{@value #REACH}: for a host, every remote end it may protect traffic towards or negotiate
 * with: its policies' remote ends and tunnel ends, its IKE policies' remotes, its manual SAs' peers;
 * each an address, a name ({@code =name}, a host or network of the workspace) or {@code *} (any).</li>
 * </ul>
 */
public final class PeerReach {
	public static final String FINGERPRINT = "fingerprint", ADDRESSES = "addresses", REACH = "reach";
	private static final String ANY = "*", NAME = "=";

	private PeerReach() {
	}

	/** The user data of a declaration's index entry. */
	public static Map<String, String> userData(Declaration declaration) {
		ICompositeNode node = NodeModelUtils.getNode(declaration);
		if (node == null)
			return Map.of();
		String fingerprint = node.getOffset() + ":" + node.getStartLine() + ":" + fingerprint(node.getText());
		if (!(declaration instanceof Host host))
			return Map.of(FINGERPRINT, fingerprint, ADDRESSES, String.join(",", Endpoints.addressTexts(declaration)));
		List<String> reach = new ArrayList<>();
		for (HostMember member : host.getMembers()) {
			if (member instanceof Policy policy) {
				if (policy.getSelector() != null)
					policy.getSelector().getRemote().forEach(ts -> reach.add(entry(ts.getEnd())));
				if (policy.getAction() instanceof ProtectAction protect && protect.getTunnel() != null)
					reach.add(entry(protect.getTunnel().getRemote()));
			} else if (member instanceof IkePolicy ike && ike.getRemote() != null)
				reach.add(entry(ike.getRemote()));
			else if (member instanceof ManualSa sa && sa.getPeer() != null)
				reach.add(entry(sa.getPeer()));
		}
		return Map.of(FINGERPRINT, fingerprint, ADDRESSES,
				String.join(",", Endpoints.addressTexts(host)), REACH, String.join(",", new LinkedHashSet<>(reach)));
	}

	/** An end as written: an address, a name, or any (also for an end the parser could not read). */
	private static String entry(Endpoint end) {
		if (end instanceof AddressEndpoint address && address.getAddress() != null)
			return address.getAddress().getValue();
		if (end instanceof NamedEndpoint named)
			return NAME + LinkText.of(named, IpslPackage.Literals.NAMED_ENDPOINT__REF);
		return ANY;
	}

	/** 128 bits of two polynomial hashes: no edit of a file is made to collide. */
	private static String fingerprint(String text) {
		long a = 1125899906842597L, b = 7;
		for (int i = 0; i < text.length(); i++) {
			a = 31 * a + text.charAt(i);
			b = 1_000_003 * b ^ text.charAt(i);
		}
		return Long.toHexString(a) + Long.toHexString(b) + "/" + text.length();
	}

	/** The ranges of an index entry's {@value #ADDRESSES}; unparsable ones left out. */
	static List<IpRange> addresses(IEObjectDescription description) {
		return ranges(description.getUserData(ADDRESSES));
	}

	/** A host's reach from its index entry: ranges, names, and whether it reaches any host. */
	record Reach(List<IpRange> ranges, Set<String> names, boolean any) {
		static Reach of(IEObjectDescription host) {
			String data = host.getUserData(REACH);
			List<IpRange> ranges = new ArrayList<>();
			Set<String> names = new LinkedHashSet<>();
			boolean any = false;
			if (data != null && !data.isEmpty())
				for (String entry : data.split(","))
					if (entry.equals(ANY))
						any = true;
					else if (entry.startsWith(NAME))
						names.add(entry.substring(NAME.length()));
					else
						AddressRanges.of(entry).ifPresent(ranges::add);
			return new Reach(ranges, names, any);
		}
	}

	static List<IpRange> ranges(String texts) {
		List<IpRange> ranges = new ArrayList<>();
		if (texts != null && !texts.isEmpty())
			for (String text : texts.split(","))
				AddressRanges.of(text).ifPresent(ranges::add);
		return ranges;
	}

	static boolean overlap(List<IpRange> a, List<IpRange> b) {
		for (IpRange x : a)
			for (IpRange y : b)
				if (x.overlaps(y))
					return true;
		return false;
	}

	static Optional<String> fingerprint(IEObjectDescription description) {
		return Optional.ofNullable(description.getUserData(FINGERPRINT));
	}
}
