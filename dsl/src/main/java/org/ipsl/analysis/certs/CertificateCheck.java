package org.ipsl.analysis.certs;

import java.security.Provider;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.IkeIdentity;

/**
 * Checks the certificate an IKE policy authenticates with, its CA, its CRL and an IKE identity, on a
 * given day. Each finding says which of those inputs it belongs on. Messages name files as written
 * and give dates, names and serial numbers, never key material.
 */
public final class CertificateCheck {

	/** A certificate that expires this many days after the checked day, or fewer, is expiring. */
	public static final int EXPIRING_WITHIN_DAYS = 30;

	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
	private static final String REJECTED = ": IKE authentication with it fails";

	private CertificateCheck() {
	}

	/**
	 * @param day the day of judgment: a certificate is valid on it when it is valid at some moment of
	 *            that day, in UTC
	 */
	public static List<CertificateFinding> check(FileReference certificate, Optional<FileReference> ca,
			Optional<FileReference> crl, Optional<IkeIdentity> identity, LocalDate day) {
		X509Files.Loaded<X509CertificateHolder> leaf = X509Files.certificate(certificate, "certificate");
		Optional<X509Files.Loaded<X509CertificateHolder>> authority = ca
				.map(file -> X509Files.certificate(file, "CA certificate"));
		Optional<X509Files.Loaded<X509CRLHolder>> revocations = crl.map(X509Files::crl);

		List<CertificateFinding> findings = new ArrayList<>();
		add(findings, CertificateInput.CERTIFICATE, leaf.problem());
		add(findings, CertificateInput.CA, authority.flatMap(X509Files.Loaded::problem));
		add(findings, CertificateInput.CRL, revocations.flatMap(X509Files.Loaded::problem));

		Optional<X509CertificateHolder> caCert = authority.flatMap(X509Files.Loaded::value);
		Optional<X509CRLHolder> crlList = revocations.flatMap(X509Files.Loaded::value);
		if (leaf.value().isPresent()) {
			X509CertificateHolder cert = leaf.value().get();
			String name = certificate.written();
			add(findings, CertificateInput.CERTIFICATE, validity(cert, "certificate " + name, day));
			if (caCert.isPresent()) {
				add(findings, CertificateInput.CERTIFICATE, trust(cert, name, caCert.get(), ca.get().written()));
			}
			if (crlList.isPresent()) {
				add(findings, CertificateInput.CERTIFICATE, revocation(cert, name, crlList.get(), crl.get().written()));
			}
			if (identity.isPresent()) {
				Optional<Finding> mismatch = identityProblem(identity.get(), cert, name);
				boolean unreadable = mismatch.filter(f -> f.code() == DiagnosticCode.CERT_BAD_ENCODING).isPresent();
				add(findings, unreadable ? CertificateInput.CERTIFICATE : CertificateInput.IDENTITY, mismatch);
			}
		}
		if (caCert.isPresent()) {
			add(findings, CertificateInput.CA, validity(caCert.get(), "CA certificate " + ca.get().written(), day));
			if (crlList.isPresent()) {
				add(findings, CertificateInput.CRL, crlTrust(crlList.get(), crl.get().written(), caCert.get(),
						ca.get().written()));
			}
		}
		return findings;
	}

	private static void add(List<CertificateFinding> findings, CertificateInput input, Optional<Finding> finding) {
		finding.ifPresent(f -> findings.add(new CertificateFinding(input, f)));
	}

	private static Optional<Finding> validity(X509CertificateHolder cert, String what, LocalDate day) {
		LocalDate notBefore = utcDay(cert.getNotBefore());
		LocalDate notAfter = utcDay(cert.getNotAfter());
		String checked = " (checked on " + day + ")";
		if (notAfter.isBefore(day)) {
			return Optional.of(
					new Finding(DiagnosticCode.CERT_EXPIRED, what + " expired on " + notAfter + checked + REJECTED));
		}
		if (notBefore.isAfter(day)) {
			return Optional.of(new Finding(DiagnosticCode.CERT_NOT_YET_VALID,
					what + " is not valid before " + notBefore + checked + REJECTED));
		}
		long daysLeft = ChronoUnit.DAYS.between(day, notAfter);
		if (daysLeft <= EXPIRING_WITHIN_DAYS) {
			String when = daysLeft == 0 ? "that day" : "in " + daysLeft + (daysLeft == 1 ? " day" : " days");
			return Optional.of(new Finding(DiagnosticCode.CERT_EXPIRING, what + " expires on " + notAfter + ", " + when
					+ checked + ": renew it before IKE authentication with it fails"));
		}
		return Optional.empty();
	}

	private static LocalDate utcDay(Date instant) {
		return LocalDate.ofInstant(instant.toInstant(), ZoneOffset.UTC);
	}

	private static Optional<Finding> trust(X509CertificateHolder cert, String certName, X509CertificateHolder ca,
			String caName) {
		if (!cert.getIssuer().equals(ca.getSubject())) {
			return Optional.of(new Finding(DiagnosticCode.CERT_UNTRUSTED,
					"certificate " + certName + " is not issued by the CA "
							+ caName + ": its issuer is \"" + cert.getIssuer() + "\", the CA is \"" + ca.getSubject()
							+ "\"; peers that trust that CA reject it"));
		}
		if (!signedBy(ca, verifier -> cert.isSignatureValid(verifier))) {
			return Optional.of(new Finding(DiagnosticCode.CERT_UNTRUSTED,
					"certificate " + certName + " names the CA " + caName
							+ " as its issuer, but its signature does not verify with that CA's key;"
							+ " peers that trust that CA reject it"));
		}
		return Optional.empty();
	}

	private static Optional<Finding> crlTrust(X509CRLHolder crl, String crlName, X509CertificateHolder ca,
			String caName) {
		if (crl.getIssuer().equals(ca.getSubject()) && signedBy(ca, verifier -> crl.isSignatureValid(verifier))) {
			return Optional.empty();
		}
		return Optional
				.of(new Finding(DiagnosticCode.CERT_UNTRUSTED, "CRL " + crlName + " is not signed by the CA " + caName
						+ ": its revocations cannot be trusted"));
	}

	private interface SignatureTest {
		boolean verifies(ContentVerifierProvider verifier) throws Exception;
	}

	/** A signature that cannot even be checked (an unknown algorithm, a broken key) does not verify. */
	private static boolean signedBy(X509CertificateHolder ca, SignatureTest test) {
		try {
			return test.verifies(new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE).build(ca));
		} catch (Exception e) {
			return false;
		}
	}

	/** The CRL lists the certificate when an entry has its serial and its issuer (indirect CRLs too). */
	private static Optional<Finding> revocation(X509CertificateHolder cert, String certName, X509CRLHolder crl,
			String crlName) {
		X509CRLEntryHolder entry = crl.getRevokedCertificate(cert.getSerialNumber());
		if (entry == null || !names(entry.getCertificateIssuer(), cert.getIssuer())) {
			return Optional.empty();
		}
		return Optional.of(new Finding(DiagnosticCode.CERT_REVOKED, "certificate " + certName + " (serial 0x"
				+ cert.getSerialNumber().toString(16) + ") is revoked by CRL " + crlName + " since "
				+ utcDay(entry.getRevocationDate()) + ": peers reject it"));
	}

	private static boolean names(GeneralNames issuers, X500Name issuer) {
		if (issuers == null) {
			return false;
		}
		for (GeneralName name : issuers.getNames()) {
			if (name.getTagNo() == GeneralName.directoryName && X500Name.getInstance(name.getName()).equals(issuer)) {
				return true;
			}
		}
		return false;
	}

	private static Optional<Finding> identityProblem(IkeIdentity identity, X509CertificateHolder cert,
			String certName) {
		try {
			return IdentityMatch.check(identity, cert, certName);
		} catch (RuntimeException e) {
			return Optional.of(new Finding(DiagnosticCode.CERT_BAD_ENCODING, "certificate " + certName
					+ " has subject alternative names that cannot be read: IKE cannot use it"));
		}
	}
}
