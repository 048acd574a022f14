package org.ipsl.ide.commands;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.generator.Target;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.IpslPackage;

/**
 * Above each host: "Generate: HP-UX | strongSwan | Linux | runtime", one lens per target, each
 * running {@code ipsl.generate} for that target and host into the workspace's {@code generated}
 * folder.
 */
public class IpslCodeLensService implements ICodeLensService {
	private static final List<Target> ORDER = List.of(Target.HPUX, Target.STRONGSWAN, Target.XFRM, Target.RUNTIME);

	@Override
	public List<? extends CodeLens> computeCodeLenses(Document document, XtextResource resource, CodeLensParams params,
			CancelIndicator cancelIndicator) {
		List<CodeLens> lenses = new ArrayList<>();
		if (resource.getContents().isEmpty())
			return lenses;
		for (var declaration : resource.getContents().get(0).eContents()) {
			if (!(declaration instanceof Host host) || host.getName() == null)
				continue;
			List<INode> names = NodeModelUtils.findNodesForFeature(host, IpslPackage.eINSTANCE.getDeclaration_Name());
			if (names.isEmpty())
				continue;
			INode name = names.get(0);
			Range range = new Range(document.getPosition(name.getOffset()), document.getPosition(name.getEndOffset()));
			for (Target target : ORDER) {
				String title = target == ORDER.get(0) ? "Generate: " + target.label() : target.label();
				lenses.add(new CodeLens(range, new Command(title, IpslCommandService.GENERATE,
						List.of(target.keyword(), IpslCommandService.DEFAULT_OUT, host.getName())), null));
			}
		}
		return lenses;
	}
}
