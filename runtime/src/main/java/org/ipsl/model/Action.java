package org.ipsl.model;

import java.util.List;
import java.util.Optional;

/**
 * What a policy does with the packets it takes. Two actions treat packets the same way exactly
 * when they are equal: same kind, transforms (in order), tunnel endpoints, PFS group and manual SA.
 */
public record Action(Kind kind, List<String> transforms, Optional<String> tunnelLocal, Optional<String> tunnelRemote,
		Optional<String> pfsGroup, Optional<String> manualSa) {

	public enum Kind {
		PASS, DISCARD, PROTECT
	}

	public static final Action PASS = new Action(Kind.PASS, List.of(), Optional.empty(), Optional.empty(),
			Optional.empty(), Optional.empty());
	public static final Action DISCARD = new Action(Kind.DISCARD, List.of(), Optional.empty(), Optional.empty(),
			Optional.empty(), Optional.empty());

	public Action {
		transforms = List.copyOf(transforms);
		boolean protects = kind == Kind.PROTECT;
		boolean dynamic = !transforms.isEmpty();
		if (protects
				? dynamic == manualSa.isPresent()
				: dynamic || manualSa.isPresent() || pfsGroup.isPresent() || tunnelLocal.isPresent()) {
			throw new IllegalArgumentException(
					"protect needs either transforms or a manual SA; pass and discard take neither");
		}
		if (tunnelLocal.isPresent() != tunnelRemote.isPresent()
				|| (manualSa.isPresent() && (tunnelLocal.isPresent() || pfsGroup.isPresent()))) {
			throw new IllegalArgumentException("a tunnel needs both ends; a manual SA takes no tunnel or PFS group");
		}
	}

	/** Protection with dynamic keys through IKE, transforms in preference order. */
	public static Action protect(String... transforms) {
		return protect(List.of(transforms));
	}

	public static Action protect(List<String> transforms) {
		return new Action(Kind.PROTECT, transforms, Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty());
	}

	/** Protection with the keys of a manual SA. */
	public static Action manual(String manualSa) {
		return new Action(Kind.PROTECT, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.of(manualSa));
	}

	/**
	 * A remote tunnel end written {@code any}: the IKE peer's address, whichever it is (a road warrior's,
	 * answered through an IKE policy whose remote is {@code any}).
	 */
	public static final String ANY_PEER = "any";

	/** True for a tunnel whose remote end is {@link #ANY_PEER}: such a policy only answers. */
	public boolean tunnelToAnyPeer() {
		return tunnelRemote.filter(ANY_PEER::equals).isPresent();
	}

	public Action inTunnel(String local, String remote) {
		return new Action(kind, transforms, Optional.of(local), Optional.of(remote), pfsGroup, manualSa);
	}

	public Action withPfs(String group) {
		return new Action(kind, transforms, tunnelLocal, tunnelRemote, Optional.of(group), manualSa);
	}

	/** "discarded", "passed in clear", "protected with esp-aes128-hmac-sha256": what happens to a packet. */
	public String outcome() {
		return switch (kind) {
			case PASS -> "passed in clear";
			case DISCARD -> "discarded";
			case PROTECT -> "protected " + protection();
		};
	}

	/** "discards X", "passes X in clear", "protects X with esp-aes128-hmac-sha256". */
	public String verb(String packets) {
		return switch (kind) {
			case PASS -> "passes " + packets + " in clear";
			case DISCARD -> "discards " + packets;
			case PROTECT -> "protects " + packets + " " + protection();
		};
	}

	private String protection() {
		if (manualSa.isPresent()) {
			return "with manual SA `" + manualSa.get() + "`";
		}
		// Transforms are alternatives in preference order: IKE settles on one of them.
		StringBuilder text = new StringBuilder("with ").append(String.join(" or ", transforms));
		tunnelLocal
				.ifPresent(local -> text.append(" in tunnel ").append(local).append(" -> ").append(tunnelRemote.get()));
		pfsGroup.ifPresent(group -> text.append(" and pfs ").append(group));
		return text.toString();
	}

	@Override
	public String toString() {
		return outcome();
	}
}
