package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * A sender's outbound manual SA against the receiver's inbound one: HP-UX finds the inbound SA by
 * SPI and protocol, then decrypts and authenticates with its algorithms and keys. Messages name
 * the fields that differ, never a key.
 */
final class ManualKeyCheck {
	/** One direction: the SA's host, its position in the host's manual SAs, and whether it is the inbound one. */
	record Side(int host, PeerHost peerHost, int sa, boolean inbound) {
		ManualKeys keys() {
			return peerHost.manualSas().get(sa);
		}

		Optional<ManualKeys.Sa> direction() {
			return inbound ? keys().inbound() : keys().outbound();
		}

		Place place() {
			return new Place(host, inbound ? Place.Kind.MANUAL_INBOUND : Place.Kind.MANUAL_OUTBOUND, sa);
		}

		String label() {
			return peerHost.name() + "'s " + (inbound ? "inbound" : "outbound") + " SA of `" + keys().name() + "`";
		}
	}

	/** What receiving fails with, or empty when the SAs fit. */
	record Mismatch(List<String> fields, String audit) {
	}

	private ManualKeyCheck() {
	}

	static Optional<Mismatch> compare(Side sender, Side receiver, Findings out) {
		Optional<ManualKeys.Sa> sent = sender.direction(), received = receiver.direction();
		if (sent.isEmpty() || received.isEmpty())
			return Optional.empty();
		ManualKeys.Sa s = sent.get(), r = received.get();
		List<String> fields = new ArrayList<>();
		String audit = null;
		if (!s.protocol().equals(r.protocol()))
			fields.add("the protocol (" + s.protocol() + " sent, " + r.protocol() + " expected)");
		if (s.spi() != r.spi())
			fields.add("the SPI (" + s.spi() + " sent, " + r.spi() + " expected)");
		if (!fields.isEmpty())
			audit = HpuxEvent.NO_SPI;
		if (!s.encryption().equals(r.encryption()))
			fields.add("the encryption algorithm (" + s.encryption().orElse("none") + " sent, "
					+ r.encryption().orElse("none") + " expected)");
		if (!s.authentication().equals(r.authentication()))
			fields.add("the authentication algorithm (" + s.authentication().orElse("none") + " sent, "
					+ r.authentication().orElse("none") + " expected)");
		if (audit == null && fields.size() > 0)
			audit = HpuxEvent.BAD_CIPHER;
		if (differs(s.encryptionKey(), r.encryptionKey()))
			fields.add("the encryption key");
		if (differs(s.authenticationKey(), r.authenticationKey()))
			fields.add("the authentication key");
		if (fields.isEmpty())
			return Optional.empty();
		if (audit == null)
			audit = HpuxEvent.PADDING;
		String what = String.join(" and ", fields);
		String symptom = audit;
		out.pair(DiagnosticCode.MANUAL_SA_MISMATCH, sender.place(),
				"outbound SA of `" + sender.keys().name() + "` (" + s.describe() + ") does not fit "
						+ receiver.label() + ": " + what + " differ" + (fields.size() == 1 ? "s" : "") + "; "
						+ receiver.peerHost().name() + " cannot receive these packets (" + symptom + ")",
				sender.label(), receiver.place(),
				"inbound SA of `" + receiver.keys().name() + "` (" + r.describe() + ") does not fit "
						+ sender.label() + ": " + what + " differ" + (fields.size() == 1 ? "s" : "")
						+ "; packets from " + sender.peerHost().name() + " are dropped here (" + symptom + ")",
				receiver.label());
		return Optional.of(new Mismatch(fields, audit));
	}

	/** Keys are compared only when both are known (a key of the wrong form is left out). */
	private static boolean differs(Optional<SecretFingerprint> a, Optional<SecretFingerprint> b) {
		return a.isPresent() && b.isPresent() && !a.equals(b);
	}
}
