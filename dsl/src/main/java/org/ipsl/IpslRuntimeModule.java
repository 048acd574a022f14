package org.ipsl;

import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.eclipse.xtext.validation.IDiagnosticConverter;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.linking.ILinkingService;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.parser.impl.TokenRegionProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.ipsl.formatting.IpslFormatter;
import org.ipsl.incremental.IpslResourceDescriptionManager;
import org.ipsl.incremental.IpslResourceDescriptionStrategy;
import org.ipsl.linking.IpslLinkingDiagnosticMessageProvider;
import org.ipsl.incremental.IpslLinkingService;
import org.ipsl.parsing.IpslSyntaxErrorMessageProvider;
import org.ipsl.incremental.IpslTokenRegionProvider;
import org.ipsl.parsing.RecoveringParser;
import org.ipsl.resource.IpslDiagnosticConverter;
import org.ipsl.resource.IpslLocationInFileProvider;
import org.ipsl.resource.IpslResource;
import org.ipsl.incremental.IpslLocalScopeProvider;
import org.ipsl.incremental.IpslDiagnostician;
import org.ipsl.validation.IpslResourceValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Guice bindings of the language, shared by the command line and the language server. */
public class IpslRuntimeModule extends AbstractIpslRuntimeModule {

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return IpslLinkingDiagnosticMessageProvider.class;
	}

	public Class<? extends ILinkingService> bindILinkingService() {
		return IpslLinkingService.class;
	}

	@Override
	public Class<? extends IParser> bindIParser() {
		return RecoveringParser.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return IpslSyntaxErrorMessageProvider.class;
	}

	public Class<? extends TokenRegionProvider> bindTokenRegionProvider() {
		return IpslTokenRegionProvider.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return IpslResourceDescriptionStrategy.class;
	}

	public Class<? extends IResourceDescription.Manager> bindIResourceDescription$Manager() {
		return IpslResourceDescriptionManager.class;
	}

	public Class<? extends XtextResource> bindXtextResource() {
		return IpslResource.class;
	}

	@Override
	public void configureIScopeProviderDelegate(Binder binder) {
		binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
				.to(IpslLocalScopeProvider.class);
	}

	public Class<? extends IDiagnosticConverter> bindIDiagnosticConverter() {
		return IpslDiagnosticConverter.class;
	}

	public Class<? extends ILocationInFileProvider> bindILocationInFileProvider() {
		return IpslLocationInFileProvider.class;
	}

	public Class<? extends IFormatter2> bindIFormatter2() {
		return IpslFormatter.class;
	}

	public Class<? extends IResourceValidator> bindIResourceValidator() {
		return IpslResourceValidator.class;
	}

	public Class<? extends Diagnostician> bindDiagnostician() {
		return IpslDiagnostician.class;
	}

	/**
	 * EMF's generic constraints (multiplicities, data types) add nothing the grammar does not
	 * already guarantee, and cost a visit of every object of a 10,000-policy file.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
	}
}
