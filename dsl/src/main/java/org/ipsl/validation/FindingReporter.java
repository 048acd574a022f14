package org.ipsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.ipsl.analysis.Finding;
import org.ipsl.ipsl.IpslPackage;

/** Reports the plain analyses' findings as Xtext issues with their code and severity. */
public abstract class FindingReporter extends AbstractDeclarativeValidator {

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(IpslPackage.eINSTANCE);
	}

	/** Composed into IpslValidator; registering on its own too would report everything twice. */
	@Override
	public void register(EValidatorRegistrar registrar) {
	}

	/** The finding on a region of the file, {@code length} characters from {@code offset}. */
	protected void report(Finding finding, EObject object, int offset, int length, String... data) {
		String code = finding.code().id();
		switch (finding.severity()) {
			case ERROR -> getMessageAcceptor().acceptError(finding.message(), object, offset, length, code, data);
			case WARNING -> getMessageAcceptor().acceptWarning(finding.message(), object, offset, length, code, data);
			case INFO, HINT -> getMessageAcceptor().acceptInfo(finding.message(), object, offset, length, code, data);
		}
	}

	protected void report(Finding finding, EObject object, EStructuralFeature feature, String... data) {
		String code = finding.code().id();
		switch (finding.severity()) {
			case ERROR -> error(finding.message(), object, feature, code, data);
			case WARNING -> warning(finding.message(), object, feature, code, data);
			// Xtext has no hint: a hint travels as INFO, and IssueSeverity tells it apart by its code.
			case INFO, HINT -> info(finding.message(), object, feature, code, data);
		}
	}
}
