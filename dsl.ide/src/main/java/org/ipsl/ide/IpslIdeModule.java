package org.ipsl.ide;

import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.server.DocumentExtensions;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.ide.server.symbol.HierarchicalDocumentSymbolService;
import org.ipsl.ide.codeactions.IpslCodeActionService;
import org.ipsl.ide.commands.IpslCodeLensService;
import org.ipsl.ide.commands.IpslCommands;
import org.ipsl.ide.contentassist.IpslContentProposalProvider;
import org.ipsl.ide.hover.IpslHoverService;
import org.ipsl.ide.server.GenerateOnCommandOnly;
import org.ipsl.ide.server.IpslDocumentExtensions;
import org.ipsl.ide.symbols.IpslDocumentSymbolService;
import org.ipsl.ide.symbols.IpslSymbolNameProvider;

/**
 * Guice bindings of the language's editor services (hover, completion, outline, quick fixes, the
 * generate and peer-sessions commands, the generate code lenses) for the language server, whose
 * builds only index and validate.
 */
public class IpslIdeModule extends AbstractIpslIdeModule {

	public Class<? extends DocumentExtensions> bindDocumentExtensions() {
		return IpslDocumentExtensions.class;
	}

	public Class<? extends IHoverService> bindIHoverService() {
		return IpslHoverService.class;
	}

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return IpslContentProposalProvider.class;
	}

	public Class<? extends ICodeActionService2> bindICodeActionService2() {
		return IpslCodeActionService.class;
	}

	public Class<? extends DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
		return IpslSymbolNameProvider.class;
	}

	public Class<? extends HierarchicalDocumentSymbolService> bindHierarchicalDocumentSymbolService() {
		return IpslDocumentSymbolService.class;
	}

	public Class<? extends IExecutableCommandService> bindIExecutableCommandService() {
		return IpslCommands.class;
	}

	public Class<? extends ICodeLensService> bindICodeLensService() {
		return IpslCodeLensService.class;
	}

	public Class<? extends IShouldGenerate> bindIShouldGenerate() {
		return GenerateOnCommandOnly.class;
	}
}
