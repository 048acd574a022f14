package org.ipsl.analysis.peers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ipsl.model.IkeIdentity;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.model.IpRange;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * IKE phase 1 between two IKE policies, as HP-UX and RFC 2409 run it: the exchange mode (Main or
 * Aggressive), the authentication method, a suite equal in encryption, hash and group, the preshared secret, the identities; then the
 * lifetime and whether the chosen suite depends on who initiates.
 */
final class PhaseOne {
	/** One side of the exchange: a host, its IKE policy, and the address it talks from. */
	record Side(int host, PeerHost peerHost, int ike, IpRange address) {
		PeerIke policy() {
			return peerHost.ikePolicies().get(ike);
		}

		Place place() {
			return Place.ike(host, ike);
		}

		String label() {
			return Labels.peersIke(peerHost, ike);
		}

		String name() {
			return peerHost.name();
		}
	}

	/** How Main Mode ends for an initiator, and the suite it would choose. */
	record Result(Outcome outcome, String audit, Optional<IkeSuite> suite) {
	}

	private PhaseOne() {
	}

	/** Compares the initiator's and the responder's IKE policies, adding findings on both. */
	static Result compare(Side initiator, Side responder, Findings out) {
		PeerIke i = initiator.policy(), r = responder.policy();
		Outcome outcome = Outcome.ESTABLISHED;
		String audit = "";
		if (i.authentication().method() != r.authentication().method()) {
			out.pair(DiagnosticCode.IKE_AUTH_MISMATCH, initiator.place(), methodMessage(initiator, responder),
					initiator.label(), responder.place(), methodMessage(responder, initiator), responder.label());
			outcome = Outcome.IKE_PHASE1_FAILED;
			audit = HpuxEvent.MM_FAILED;
		}
		if (i.aggressive() != r.aggressive()) {
			out.pair(DiagnosticCode.IKE_PROPOSAL_MISMATCH, initiator.place(), modeMessage(initiator, responder),
					initiator.label(), responder.place(), modeMessage(responder, initiator), responder.label());
			if (outcome == Outcome.ESTABLISHED) {
				outcome = Outcome.IKE_PHASE1_FAILED;
				audit = HpuxEvent.MM_TIMEOUT;
			}
		}
		Optional<IkeSuite> chosen = firstAcceptable(i.proposals(), r.proposals());
		// No suites: some proposal is strongSwan's only, which these Main Mode rules do not judge.
		boolean suites = !i.proposals().isEmpty() && !r.proposals().isEmpty();
		if (chosen.isEmpty() && suites) {
			out.pair(DiagnosticCode.IKE_PROPOSAL_MISMATCH, initiator.place(), proposalMessage(initiator, responder),
					initiator.label(), responder.place(), proposalMessage(responder, initiator), responder.label());
			if (outcome == Outcome.ESTABLISHED) {
				outcome = Outcome.IKE_PHASE1_FAILED;
				audit = HpuxEvent.MM_TIMEOUT;
			}
		}
		boolean keysDiffer = i.authentication().method() == r.authentication().method()
				&& i.authentication().secret().isPresent() && r.authentication().secret().isPresent()
				&& !i.authentication().secret().equals(r.authentication().secret());
		if (keysDiffer)
			out.pair(DiagnosticCode.IKE_AUTH_MISMATCH, initiator.place(), secretMessage(initiator, responder),
					initiator.label(), responder.place(), secretMessage(responder, initiator), responder.label());
		boolean identitiesDiffer = identity(initiator, responder, out) | identity(responder, initiator, out);
		if ((keysDiffer || identitiesDiffer) && outcome == Outcome.ESTABLISHED) {
			outcome = Outcome.IKE_PHASE1_KEY_MISMATCH;
			audit = HpuxEvent.MM_FAILED;
		}
		if (i.lifetimeSeconds() != r.lifetimeSeconds())
			out.pair(DiagnosticCode.LIFETIME_MISMATCH, initiator.place(), lifetimeMessage(initiator, responder),
					initiator.label(), responder.place(), lifetimeMessage(responder, initiator), responder.label());
		Optional<IkeSuite> responderFirst = firstAcceptable(r.proposals(), i.proposals());
		if (chosen.isPresent() && !chosen.equals(responderFirst))
			out.pair(DiagnosticCode.PROPOSAL_ORDER_DEPENDENT, initiator.place(),
					orderMessage(initiator, responder, chosen.get(), responderFirst.get()), initiator.label(),
					responder.place(), orderMessage(responder, initiator, responderFirst.get(), chosen.get()),
					responder.label());
		return new Result(outcome, audit, chosen);
	}

	/** RFC 2409 and HP-UX: the first of the preferred list that the other side offers too. */
	static Optional<IkeSuite> firstAcceptable(List<IkeSuite> preferred, List<IkeSuite> other) {
		return preferred.stream().filter(other::contains).findFirst();
	}

	/** Whether {@code expecting}'s remote-id is not what {@code sending} sends; reports it when so. */
	private static boolean identity(Side expecting, Side sending, Findings out) {
		Optional<IkeIdentity> expected = expecting.policy().remoteId();
		Optional<IkeIdentity> sent = Identities.sent(sending.policy(), sending.address());
		if (expected.isEmpty() || sent.isEmpty() || Identities.same(expected.get(), sent.get()))
			return false;
		String here = expecting.policy().reference() + " expects the remote identity " + expected.get() + ", but "
				+ sending.name() + " identifies itself as " + sent.get() + ": " + HpuxEvent.MM_FAILED;
		String there = expecting.name() + " expects the identity " + expected.get() + " from this host, but "
				+ sending.policy().reference() + " sends " + sent.get() + ": " + HpuxEvent.MM_FAILED;
		out.pair(DiagnosticCode.IKE_AUTH_MISMATCH, expecting.place(), here, expecting.label(), sending.place(), there,
				sending.label());
		return true;
	}

	private static String methodMessage(Side here, Side there) {
		return here.policy().reference() + " authenticates with "
				+ here.policy().authentication().method().description()
				+ ", " + there.label() + " with " + there.policy().authentication().method().description()
				+ ": Main Mode cannot authenticate (" + HpuxEvent.MM_FAILED + ")";
	}

	/** HP-UX: the exchange mode must match the peer's (A.02.01 guide, page 139); the peer answers nothing. */
	private static String modeMessage(Side here, Side there) {
		return here.policy().reference() + " runs " + mode(here.policy()) + ", " + there.label() + " "
				+ mode(there.policy()) + ": the phase 1 exchange must match the peer's, so phase 1 fails ("
				+ HpuxEvent.MM_TIMEOUT + ")";
	}

	private static String mode(PeerIke ike) {
		return ike.aggressive() ? "Aggressive Mode" : "Main Mode";
	}

	private static String proposalMessage(Side here, Side there) {
		return here.policy().reference() + " and " + there.label() + " share no proposal (this side offers "
				+ suites(here.policy().proposals()) + ", " + there.name() + " " + suites(there.policy().proposals())
				+ "): the peer silently drops Main Mode (" + HpuxEvent.MM_TIMEOUT + ")";
	}

	private static String secretMessage(Side here, Side there) {
		return "the preshared key of " + here.policy().reference() + " is not the one of " + there.label()
				+ ": Main Mode authentication fails (" + HpuxEvent.MM_FAILED + ")";
	}

	private static String lifetimeMessage(Side here, Side there) {
		long shorter = Math.min(here.policy().lifetimeSeconds(), there.policy().lifetimeSeconds());
		return here.policy().reference() + " keeps the IKE SA " + here.policy().lifetimeSeconds() + " s, "
				+ there.label() + " " + there.policy().lifetimeSeconds() + " s: the shorter (" + shorter
				+ " s) wins, so Main Mode rekeys sooner than this side expects";
	}

	private static String orderMessage(Side here, Side there, IkeSuite hereFirst, IkeSuite thereFirst) {
		return here.policy().reference() + " prefers " + hereFirst + ", " + there.label() + " " + thereFirst
				+ " of the suites they share: the suite depends on who initiates (HP-UX and RFC 2409 take the"
				+ " initiator's first, strongSwan the responder's), so each direction of rekeying may use other algorithms";
	}

	private static String suites(List<IkeSuite> suites) {
		return suites.stream().map(IkeSuite::keyword).collect(Collectors.joining(", "));
	}
}
