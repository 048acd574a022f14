package org.ipsl.linking;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.model.UserText;
import org.ipsl.values.ProposalTexts;

/**
 * Names an unknown reference with code {@code unresolved-name}, and stays silent for the built-in
 * IKE suites and transforms and strongSwan's proposals, which share their place in the grammar with
 * named lists (the validator checks a proposal's rules).
 */
public class IpslLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		EReference reference = context.getReference();
		String name = context.getLinkText();
		if (BuiltinNames.isBuiltin(reference, name))
			return null;
		EClass type = reference.getEReferenceType();
		String where = type == IpslPackage.Literals.MANUAL_SA || type == IpslPackage.Literals.IKE_POLICY
				? " in this host"
				: "";
		return new DiagnosticMessage("unknown " + describe(reference) + " " + UserText.quote(name) + where,
				Severity.ERROR,
				DiagnosticCode.UNRESOLVED_NAME.id());
	}

	private static String describe(EReference reference) {
		if (reference == IpslPackage.Literals.PROPOSAL_REF__REF)
			return "IKE proposal or ike-proposal list";
		if (reference == IpslPackage.Literals.TRANSFORM_REF__REF)
			return "transform or transform-set";
		if (reference == IpslPackage.Literals.NAMED_ENDPOINT__REF)
			return "host or network";
		if (reference.getEReferenceType() == IpslPackage.Literals.IKE_POLICY)
			return "IKE policy";
		return reference.getEReferenceType() == IpslPackage.Literals.MANUAL_SA
				? "manual-sa"
				: reference.getEReferenceType().getName();
	}

	/** Which unresolved link texts are built-in algorithm names rather than mistakes. */
	public static final class BuiltinNames {
		private BuiltinNames() {
		}

		public static boolean isBuiltin(EReference reference, String name) {
			if (reference == IpslPackage.Literals.PROPOSAL_REF__REF)
				return ProposalTexts.isIke(name);
			if (reference == IpslPackage.Literals.TRANSFORM_REF__REF)
				return ProposalTexts.isTransform(name);
			return false;
		}
	}
}
