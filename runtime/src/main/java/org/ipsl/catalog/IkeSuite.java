package org.ipsl.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;

/** One IKE (phase 1) proposal: ENCRYPTION-HASH-GROUP, e.g. {@code aes128-sha1-modp2048}. */
public record IkeSuite(IkeEncryption encryption, IkeHash hash, DhGroup group) {

	/** HP-UX's proposal when an IKE policy names none. */
	public static final IkeSuite HPUX_DEFAULT = new IkeSuite(IkeEncryption.TRIPLE_DES, IkeHash.MD5, DhGroup.MODP1024);

	private static final List<IkeSuite> ALL;

	static {
		List<IkeSuite> all = new ArrayList<>();
		for (IkeEncryption e : IkeEncryption.values())
			for (IkeHash h : IkeHash.values())
				for (DhGroup g : DhGroup.values())
					all.add(new IkeSuite(e, h, g));
		ALL = Collections.unmodifiableList(all);
	}

	public static List<IkeSuite> all() {
		return ALL;
	}

	public static Optional<IkeSuite> parse(String text) {
		String[] parts = text.split("-");
		if (parts.length != 3)
			return Optional.empty();
		return IkeEncryption.byKeyword(parts[0]).flatMap(e -> IkeHash.byKeyword(parts[1])
				.flatMap(h -> DhGroup.byKeyword(parts[2]).map(g -> new IkeSuite(e, h, g))));
	}

	public String keyword() {
		return encryption.keyword() + "-" + hash.keyword() + "-" + group.keyword();
	}

	/** The same suite as a strongSwan IKE proposal (its PRF the hash's, as strongSwan implies it). */
	public Proposal proposal() {
		return Proposal.of(SaProtocol.IKE, List.of(encryption.choice(), hash.integrity(), group.choice()));
	}

	/** The weakest part decides. */
	public Strength strength() {
		Strength s = encryption.strength();
		if (hash.strength().compareTo(s) < 0)
			s = hash.strength();
		if (group.strength().compareTo(s) < 0)
			s = group.strength();
		return s;
	}

	public String description() {
		return encryption.description() + ", " + hash.description() + ", Diffie-Hellman group " + group.number()
				+ " (" + group.description() + ")";
	}

	@Override
	public String toString() {
		return keyword();
	}
}
