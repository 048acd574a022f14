package org.ipsl.analysis.peers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.ipsl.model.region.Region;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * IKE Quick Mode between two policies that both protect a cell of traffic with dynamic keys: the
 * encapsulation mode and tunnel ends, a common transform, PFS, then lifetimes, whether the chosen
 * transform depends on who initiates, and whether the selectors are mirror images.
 */
final class PhaseTwo {
	/** How Quick Mode ends for an initiator, and the transform it would choose. */
	record Result(Outcome outcome, String audit, Optional<String> transform) {
	}

	/** One side: the host, its position, and the policy that protects the cell. */
	record Side(int host, PeerHost peerHost, int rule) {
		Rule policy() {
			return peerHost.rules().get(rule);
		}

		Action action() {
			return policy().action();
		}

		Place place() {
			return Place.policy(host, rule);
		}

		String label() {
			return Labels.peers(peerHost, rule);
		}

		String own() {
			return Labels.own(peerHost, rule);
		}
	}

	private PhaseTwo() {
	}

	static Result compare(Side initiator, Side responder, Findings out) {
		Outcome outcome = Outcome.ESTABLISHED;
		String audit = "";
		Action i = initiator.action(), r = responder.action();
		boolean sameMode = i.tunnelLocal().isPresent() == r.tunnelLocal().isPresent();
		if (!sameMode) {
			mismatch(DiagnosticCode.TRANSFORM_MISMATCH, initiator, responder, out,
					(here, there) -> here.own() + " protects in " + mode(here) + " mode, " + there.label() + " in "
							+ mode(there) + " mode: no proposal fits (" + HpuxEvent.QM_TIMEOUT + ")");
			outcome = Outcome.IPSEC_PHASE2_FAILED;
			audit = HpuxEvent.QM_TIMEOUT;
		} else if (i.tunnelLocal().isPresent()
				&& !((r.tunnelToAnyPeer() || i.tunnelLocal().equals(r.tunnelRemote()))
						&& i.tunnelRemote().equals(r.tunnelLocal()))) {
			mismatch(DiagnosticCode.TRANSFORM_MISMATCH, initiator, responder, out,
					(here, there) -> here.own() + "'s tunnel " + tunnel(here) + " is not the mirror of "
							+ there.label() + "'s tunnel " + tunnel(there) + ": no SA fits (" + HpuxEvent.QM_TIMEOUT
							+ ")");
			outcome = Outcome.IPSEC_PHASE2_FAILED;
			audit = HpuxEvent.QM_TIMEOUT;
		}
		List<TransformOffer> offered = TransformOffer.parseAll(i.transforms());
		List<TransformOffer> accepted = TransformOffer.parseAll(r.transforms());
		Optional<TransformOffer> chosen = TransformOffer.firstAcceptable(offered, accepted);
		Optional<TransformOffer> responderFirst = TransformOffer.firstAcceptable(accepted, offered);
		if (chosen.isEmpty()) {
			mismatch(DiagnosticCode.TRANSFORM_MISMATCH, initiator, responder, out,
					(here, there) -> here.own() + " offers " + names(here) + ", " + there.label() + " "
							+ names(there) + ": no transform in common, the peer drops Quick Mode ("
							+ HpuxEvent.QM_TIMEOUT + ")");
			if (outcome == Outcome.ESTABLISHED) {
				outcome = Outcome.IPSEC_PHASE2_FAILED;
				audit = HpuxEvent.QM_TIMEOUT;
			}
		}
		if (!i.pfsGroup().equals(r.pfsGroup())) {
			mismatch(DiagnosticCode.PFS_MISMATCH, initiator, responder, out,
					(here, there) -> here.own() + " asks for " + pfs(here) + ", " + there.label() + " for "
							+ pfs(there) + ": " + HpuxEvent.QM_FAILED);
			if (outcome == Outcome.ESTABLISHED) {
				outcome = Outcome.IPSEC_PHASE2_FAILED;
				audit = HpuxEvent.QM_FAILED;
			}
		}
		if (chosen.isPresent()) {
			lifetimes(initiator, responder, offered, accepted, chosen.get(), out);
			if (!chosen.get().transform().equals(responderFirst.get().transform())) {
				String hereFirst = chosen.get().transform(), thereFirst = responderFirst.get().transform();
				mismatch(DiagnosticCode.PROPOSAL_ORDER_DEPENDENT, initiator, responder, out,
						(here, there) -> here.own() + " prefers " + (here == initiator ? hereFirst : thereFirst) + ", "
								+ there.label() + " " + (here == initiator ? thereFirst : hereFirst)
								+ " of the transforms they share: the transform depends on who initiates (HP-UX takes"
								+ " the initiator's first, strongSwan the responder's), so each direction of rekeying"
								+ " may use other algorithms");
			}
		}
		return new Result(outcome, audit, chosen.map(TransformOffer::transform));
	}

	/** Both sides protect the same traffic with the same mode: are their selectors mirror images? */
	static void selectors(Side a, Side b, Region domain, Findings out) {
		Region ours = a.policy().region().intersect(domain);
		Region theirs = b.policy().region().mirrored().intersect(domain);
		if (ours.contains(theirs) && theirs.contains(ours))
			return;
		mismatch(DiagnosticCode.SELECTOR_MISMATCH, a, b, out,
				(here, there) -> here.own() + " selects " + here.policy().selector().describe() + ", but "
						+ there.label() + ", which takes part of it, selects other traffic ("
						+ there.policy().selector().mirrored().describe()
						+ " as this host sees it): the Quick Mode identities differ and some connections fail");
	}

	private static void lifetimes(Side initiator, Side responder, List<TransformOffer> offered,
			List<TransformOffer> accepted, TransformOffer chosen, Findings out) {
		TransformOffer theirs = TransformOffer.find(accepted, chosen.transform()).get();
		TransformOffer ours = TransformOffer.find(offered, chosen.transform()).get();
		if (ours.sameLifetime(theirs))
			return;
		mismatch(DiagnosticCode.LIFETIME_MISMATCH, initiator, responder, out,
				(here, there) -> chosen.transform() + " lives " + (here == initiator ? ours : theirs).lifetime()
						+ " in " + here.own() + ", " + (here == initiator ? theirs : ours).lifetime() + " in "
						+ there.label() + ": the shorter wins, so the SA rekeys sooner than this side expects");
	}

	interface Message {
		String text(Side here, Side there);
	}

	private static void mismatch(DiagnosticCode code, Side a, Side b, Findings out, Message message) {
		out.pair(code, a.place(), message.text(a, b), a.label(), b.place(), message.text(b, a), b.label());
	}

	private static String mode(Side side) {
		return side.action().tunnelLocal().isPresent() ? "tunnel" : "transport";
	}

	private static String tunnel(Side side) {
		return side.action().tunnelLocal().get() + " -> " + side.action().tunnelRemote().get();
	}

	private static String names(Side side) {
		return TransformOffer.parseAll(side.action().transforms()).stream().map(TransformOffer::transform)
				.collect(Collectors.joining(", "));
	}

	private static String pfs(Side side) {
		return side.action().pfsGroup().map(g -> "PFS with " + g).orElse("no PFS");
	}
}
