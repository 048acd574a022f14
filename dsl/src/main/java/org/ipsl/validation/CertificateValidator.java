package org.ipsl.validation;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.ipsl.analysis.certs.CertificateCheck;
import org.ipsl.analysis.certs.CertificateFinding;
import org.ipsl.analysis.certs.FileReference;
import org.ipsl.check.FileAccess;
import org.ipsl.check.JudgmentDay;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.ipsl.CertificateAuthentication;
import org.ipsl.ipsl.Identity;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.model.IkeIdentity;

/**
 * Certificates of IKE policies (docs/diagnostics.md, "Certificates"), judged on the checked day. Paths
 * are relative to the file that names them; each finding is placed on the string it is about.
 */
public class CertificateValidator extends FindingReporter {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	@Check
	public void certificate(CertificateAuthentication auth) {
		Path folder = folderOf(auth);
		if (folder == null || auth.getCertificate() == null || !possibleFileNames(folder, auth) || !readable(auth))
			return;
		IkePolicy ike = (IkePolicy) auth.eContainer();
		Optional<IkeIdentity> identity = Optional.ofNullable(ike.getLocalId()).flatMap(CertificateValidator::identity);
		List<CertificateFinding> findings = CertificateCheck.check(reference(folder, auth.getCertificate()),
				Optional.ofNullable(auth.getCa()).map(ca -> reference(folder, ca)),
				Optional.ofNullable(auth.getCrl()).map(crl -> reference(folder, crl)), identity,
				JudgmentDay.of(auth.eResource().getResourceSet()));
		for (CertificateFinding finding : findings) {
			switch (finding.input()) {
				case CERTIFICATE -> report(finding.finding(), auth, P.getCertificateAuthentication_Certificate());
				case CA -> report(finding.finding(), auth, P.getCertificateAuthentication_Ca());
				case CRL -> report(finding.finding(), auth, P.getCertificateAuthentication_Crl());
				case IDENTITY -> {
					// An identity of the wrong form is already an invalid-value of the foundation's checks.
					if (finding.finding().code() != DiagnosticCode.INVALID_VALUE)
						report(finding.finding(), ike.getLocalId(), P.getIdentity_Value());
				}
			}
		}
	}

	private static Optional<IkeIdentity> identity(Identity id) {
		return IkeIdentity.Kind.byKeyword(id.getKind().getLiteral()).map(kind -> new IkeIdentity(kind, id.getValue()));
	}

	/** Reports each path that cannot name a file at all (e.g. one holding a NUL); true when there is none. */
	private boolean possibleFileNames(Path folder, CertificateAuthentication auth) {
		boolean possible = true;
		for (EStructuralFeature feature : List.of(P.getCertificateAuthentication_Certificate(),
				P.getCertificateAuthentication_Ca(), P.getCertificateAuthentication_Crl())) {
			if (auth.eGet(feature) instanceof String written) {
				try {
					folder.resolve(written);
				} catch (InvalidPathException e) {
					error("this path cannot name a file (" + e.getReason() + ")", auth, feature,
							DiagnosticCode.INVALID_VALUE.id());
					possible = false;
				}
			}
		}
		return possible;
	}

	/** Whether every file the policy names may be read ({@link FileAccess}); else none is read. */
	private static boolean readable(CertificateAuthentication auth) {
		return List.of(P.getCertificateAuthentication_Certificate(), P.getCertificateAuthentication_Ca(),
				P.getCertificateAuthentication_Crl()).stream().map(auth::eGet).filter(String.class::isInstance)
				.allMatch(written -> FileAccess.readable(auth, (String) written).isPresent());
	}

	private static FileReference reference(Path folder, String written) {
		return new FileReference(written, folder.resolve(written).normalize());
	}

	/** The folder of the file on disk; none for a document that is not a file. */
	private static Path folderOf(CertificateAuthentication auth) {
		var uri = auth.eResource().getURI();
		return uri.isFile() ? Path.of(uri.toFileString()).getParent() : null;
	}
}
