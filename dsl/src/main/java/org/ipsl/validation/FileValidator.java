package org.ipsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.ipsl.check.FileAccess;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.ipsl.CertificateAuthentication;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.PresharedAuthentication;

/** Paths of secrets and certificates that lead outside the workspace ({@link FileAccess}). */
public class FileValidator extends FindingReporter {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	@Check
	public void presharedFile(PresharedAuthentication auth) {
		confined(auth, List.of(P.getPresharedAuthentication_File()));
	}

	@Check
	public void certificateFiles(CertificateAuthentication auth) {
		confined(auth, List.of(P.getCertificateAuthentication_Certificate(), P.getCertificateAuthentication_Ca(),
				P.getCertificateAuthentication_Crl()));
	}

	private void confined(EObject object, List<EStructuralFeature> features) {
		for (EStructuralFeature feature : features)
			if (object.eGet(feature) instanceof String written
					&& FileAccess.resolve(object, written) instanceof FileAccess.Outside)
				error("this path leads outside the workspace folder, and IPSL reads no file there (a workspace "
						+ "from someone else could name any file of this machine); move the file into the "
						+ "workspace, or allow its folder with `ipsl check --allow-outside FOLDER` (the server's "
						+ "setting `ipsl.allowOutside`)", object, feature, DiagnosticCode.PATH_OUTSIDE_WORKSPACE.id());
	}
}
