package org.ipsl.catalog.proposal;

import static org.ipsl.catalog.proposal.Algorithm.*;
import static org.ipsl.catalog.proposal.AlgorithmKind.ENCRYPTION;
import static org.ipsl.catalog.proposal.AlgorithmKind.EXTENDED_SEQUENCE_NUMBERS;
import static org.ipsl.catalog.proposal.AlgorithmKind.INTEGRITY;
import static org.ipsl.catalog.proposal.AlgorithmKind.KEY_EXCHANGE;
import static org.ipsl.catalog.proposal.AlgorithmKind.PRF;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipsl.catalog.Strength;

/**
 * One strongSwan proposal: for each kind of algorithm the alternatives offered, in order of preference,
 * e.g. {@code aes128-aes256-sha256-sha1-x25519-modp2048}. Parsing applies strongSwan's own rules (an IKE
 * proposal without PRF uses its integrity algorithms' PRFs; an AEAD proposal has no integrity; ESP and AH
 * default to no extended sequence numbers), and {@link #select} picks algorithms as strongSwan's responder does.
 */
public final class Proposal {

	/** strongSwan's pairing of each integrity algorithm with the PRF built from the same primitive. */
	private static final Map<Algorithm, Algorithm> PRF_OF_INTEGRITY = Map.of(
			HMAC_SHA1_96, PRF_HMAC_SHA1, HMAC_SHA1_160, PRF_HMAC_SHA1,
			HMAC_SHA2_256_128, PRF_HMAC_SHA2_256, HMAC_SHA2_384_192, PRF_HMAC_SHA2_384,
			HMAC_SHA2_512_256, PRF_HMAC_SHA2_512, HMAC_MD5_96, PRF_HMAC_MD5, HMAC_MD5_128, PRF_HMAC_MD5,
			AES_XCBC_96, PRF_AES128_XCBC, CAMELLIA_XCBC_96, PRF_CAMELLIA128_XCBC, AES_CMAC_96, PRF_AES128_CMAC);

	private final SaProtocol protocol;
	private final List<AlgorithmChoice> transforms;
	/** As written, without what strongSwan implies (a PRF, no ESN): what {@link #keyword()} gives back. */
	private final List<AlgorithmChoice> written;

	private Proposal(SaProtocol protocol, List<AlgorithmChoice> transforms, List<AlgorithmChoice> written) {
		this.protocol = protocol;
		// grouped by kind, as strongSwan enumerates and prints them; the order within a kind is the preference
		this.transforms = transforms.stream().sorted(Comparator.comparing(AlgorithmChoice::kind)).toList();
		this.written = List.copyOf(written);
	}

	/**
	 * Parses one proposal, algorithms separated by {@code -}, as strongSwan's proposal_create_from_string
	 * does; the {@code esp-}/{@code ah-} prefix of IPSL transform names is not part of it.
	 *
	 * @throws InvalidProposalException naming the unknown keyword or the rule broken
	 */
	public static Proposal parse(SaProtocol protocol, String text) {
		List<AlgorithmChoice> choices = new ArrayList<>();
		for (String keyword : text.split("-", -1)) {
			choices.add(AlgorithmKeywords.choice(keyword)
					.orElseThrow(() -> new InvalidProposalException(
							"algorithm '" + keyword + "' not recognized in '" + text + "'")));
		}
		return checked(protocol, choices);
	}

	/** A proposal from choices already resolved, checked by the same rules as {@link #parse}. */
	public static Proposal of(SaProtocol protocol, List<AlgorithmChoice> choices) {
		return checked(protocol, choices);
	}

	private static Proposal checked(SaProtocol protocol, List<AlgorithmChoice> given) {
		List<AlgorithmChoice> choices = new ArrayList<>(given);
		String name = protocol.name();
		if (protocol == SaProtocol.IKE) {
			if (choices.stream().noneMatch(c -> c.kind() == PRF)) {
				for (AlgorithmChoice integrity : kind(choices, INTEGRITY)) {
					Algorithm prf = PRF_OF_INTEGRITY.get(integrity.algorithm());
					if (prf != null)
						choices.add(new AlgorithmChoice(prf, 0));
				}
			}
			if (choices.stream().noneMatch(c -> c.kind() == PRF))
				throw new InvalidProposalException("a PRF algorithm is mandatory in IKE proposals");
			choices.removeIf(c -> c.algorithm() == KE_NONE);
			if (choices.stream().noneMatch(c -> c.kind() == KEY_EXCHANGE))
				throw new InvalidProposalException("a DH group is mandatory in IKE proposals");
		} else {
			choices.removeIf(c -> c.kind() == PRF);
		}
		if (protocol == SaProtocol.AH) {
			// AES-GMAC is written like a cipher; in AH it is the integrity algorithm, any other cipher is dropped
			List<AlgorithmChoice> mapped = new ArrayList<>();
			for (AlgorithmChoice c : choices) {
				if (c.kind() != ENCRYPTION)
					mapped.add(c);
				else if (c.algorithm() == NULL_AES_GMAC)
					gmac(c.keySize()).ifPresent(g -> mapped.add(new AlgorithmChoice(g, 0)));
			}
			choices = mapped;
			if (choices.stream().noneMatch(c -> c.kind() == INTEGRITY))
				throw new InvalidProposalException("an integrity algorithm is mandatory in AH proposals");
		} else {
			List<AlgorithmChoice> ciphers = kind(choices, ENCRYPTION);
			if (ciphers.isEmpty())
				throw new InvalidProposalException("an encryption algorithm is mandatory in " + name + " proposals");
			boolean anyAead = ciphers.stream().anyMatch(c -> c.algorithm().aead());
			boolean allAead = ciphers.stream().allMatch(c -> c.algorithm().aead());
			if (anyAead && !allAead)
				throw new InvalidProposalException(
						"classic and combined-mode (AEAD) encryption algorithms can't be contained in the same "
								+ name + " proposal");
			if (allAead)
				choices.removeIf(c -> c.kind() == INTEGRITY);
			else if (protocol == SaProtocol.IKE && choices.stream().noneMatch(c -> c.kind() == INTEGRITY))
				throw new InvalidProposalException(
						"an integrity algorithm is mandatory in IKE proposals with classic (non-AEAD) encryption algorithms");
		}
		if (protocol != SaProtocol.IKE && choices.stream().noneMatch(c -> c.kind() == EXTENDED_SEQUENCE_NUMBERS))
			choices.add(new AlgorithmChoice(NO_EXT_SEQ, 0));
		return new Proposal(protocol, choices, given);
	}

	private static Optional<Algorithm> gmac(int keySize) {
		return switch (keySize) {
			case 128 -> Optional.of(AES_128_GMAC);
			case 192 -> Optional.of(AES_192_GMAC);
			case 256 -> Optional.of(AES_256_GMAC);
			default -> Optional.empty();
		};
	}

	private static List<AlgorithmChoice> kind(List<AlgorithmChoice> choices, AlgorithmKind kind) {
		return choices.stream().filter(c -> c.kind() == kind).toList();
	}

	public SaProtocol protocol() {
		return protocol;
	}

	/** Every transform, grouped by kind in the order of {@link AlgorithmKind}. */
	public List<AlgorithmChoice> transforms() {
		return transforms;
	}

	/** The alternatives of one kind, most preferred first. */
	public List<AlgorithmChoice> algorithms(AlgorithmKind kind) {
		return kind(transforms, kind);
	}

	/** The most preferred algorithm of a kind; of a selected proposal, the one negotiated. */
	public Optional<AlgorithmChoice> first(AlgorithmKind kind) {
		return transforms.stream().filter(c -> c.kind() == kind).findFirst();
	}

	/** The key exchange an initiator sends its KE payload for: the first of its first proposal. */
	public Optional<AlgorithmChoice> keyExchangeGuess() {
		return first(KEY_EXCHANGE).filter(c -> c.algorithm() != KE_NONE);
	}

	public boolean aead() {
		return algorithms(ENCRYPTION).stream().anyMatch(c -> c.algorithm().aead());
	}

	/** The weakest algorithm offered decides. */
	public Strength strength() {
		return transforms.stream().map(AlgorithmChoice::strength).min(Enum::compareTo).orElse(Strength.STRONG);
	}

	/** strongSwan's proposal string for it: canonical keywords joined by {@code -}, without the implied ones. */
	public String keyword() {
		return written.stream().map(AlgorithmChoice::keyword).collect(Collectors.joining("-"));
	}

	/**
	 * The algorithms both this (configured) proposal and the peer's agree on, one per kind, or empty when
	 * some kind has no match: strongSwan's proposal_t.select. Unless {@link SelectionFlags#preferSupplied}, this
	 * proposal's order decides among several matches.
	 */
	public Optional<Proposal> select(Proposal supplied, SelectionFlags flags) {
		if (protocol != supplied.protocol)
			return Optional.empty();
		Proposal preferred = flags.preferSupplied() ? supplied : this;
		Proposal other = flags.preferSupplied() ? this : supplied;
		Set<AlgorithmKind> kinds = EnumSet.noneOf(AlgorithmKind.class);
		transforms.forEach(c -> kinds.add(c.kind()));
		supplied.transforms.forEach(c -> kinds.add(c.kind()));
		List<AlgorithmChoice> selected = new ArrayList<>();
		boolean skipIntegrity = false;
		for (AlgorithmKind kind : kinds) {
			if (kind == INTEGRITY && skipIntegrity || kind == KEY_EXCHANGE && flags.skipKeyExchange())
				continue;
			Optional<Optional<AlgorithmChoice>> match = preferred.match(other, kind, flags.skipPrivate());
			if (match.isEmpty())
				return Optional.empty();
			Optional<AlgorithmChoice> chosen = match.get();
			if (chosen.isEmpty())
				continue;
			// 0 means "none" (no PFS) except for ESN, where it is "no extended sequence numbers"
			if (chosen.get().algorithm().number() == 0 && kind != EXTENDED_SEQUENCE_NUMBERS)
				continue;
			selected.add(chosen.get());
			if (kind == ENCRYPTION && chosen.get().algorithm().aead())
				skipIntegrity = true;
		}
		return Optional.of(new Proposal(protocol, selected, selected));
	}

	/** Empty: no match; a present empty: nothing to select (kind absent on both sides, or optional PFS not used). */
	private Optional<Optional<AlgorithmChoice>> match(Proposal other, AlgorithmKind kind, boolean skipPrivate) {
		List<AlgorithmChoice> mine = algorithms(kind);
		List<AlgorithmChoice> theirs = other.algorithms(kind);
		boolean optional = kind == KEY_EXCHANGE && protocol != SaProtocol.IKE;
		if (mine.isEmpty() || theirs.isEmpty()) {
			if (mine.isEmpty() && theirs.isEmpty())
				return Optional.of(Optional.empty());
			// a CHILD_SA without PFS is acceptable when the side offering KE methods also offers none
			List<AlgorithmChoice> offered = mine.isEmpty() ? theirs : mine;
			if (optional && offered.stream().anyMatch(c -> c.algorithm() == KE_NONE))
				return Optional.of(Optional.empty());
			return Optional.empty();
		}
		for (AlgorithmChoice c : mine) {
			if (c.algorithm().privateUse() && skipPrivate)
				continue;
			if (theirs.contains(c))
				return Optional.of(Optional.of(c));
		}
		return Optional.empty();
	}

	/**
	 * What a responder with these configured proposals selects from the initiator's: the first configured
	 * proposal (or, with {@link SelectionFlags#preferSupplied}, the first supplied one) that matches any of
	 * the other side's, as strongSwan's proposal_select.
	 */
	public static Optional<Proposal> select(List<Proposal> configured, List<Proposal> supplied, SelectionFlags flags) {
		List<Proposal> prefer = flags.preferSupplied() ? supplied : configured;
		List<Proposal> against = flags.preferSupplied() ? configured : supplied;
		for (Proposal p : prefer) {
			for (Proposal q : against) {
				Optional<Proposal> selected = flags.preferSupplied() ? q.select(p, flags) : p.select(q, flags);
				if (selected.isPresent())
					return selected;
			}
		}
		return Optional.empty();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Proposal p && p.protocol == protocol && p.transforms.equals(transforms);
	}

	@Override
	public int hashCode() {
		return Objects.hash(protocol, transforms);
	}

	/** As strongSwan logs proposals: {@code IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/CURVE_25519}. */
	@Override
	public String toString() {
		return protocol + ":" + transforms.stream().map(AlgorithmChoice::toString).collect(Collectors.joining("/"));
	}
}
