package org.ipsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.ipsl.check.PeerWorkspace;
import org.ipsl.check.RelatedData;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.SaSpec;

import com.google.inject.Inject;

/**
 * Mismatches between a host and its peers (docs/diagnostics.md, "Between peers"). The workspace is
 * analysed once ({@link PeerWorkspace}); each host gets the findings that start on it, each with
 * the peer's lines as related places. Other files are read, so this is a NORMAL check, not FAST.
 */
public class PeerValidator extends FindingReporter {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	@Inject
	private PeerWorkspace workspace;

	@Check(CheckType.NORMAL)
	public void peers(Host host) {
		if (host.eResource() == null || host.eResource().getResourceSet() == null)
			return;
		for (PeerWorkspace.Located located : workspace.of(host.eResource().getResourceSet()).findingsOn(host)) {
			List<String> related = new ArrayList<>(located.related().stream()
					.map(r -> RelatedData.encode(r.location().object(), r.message())).toList());
			EObject object = located.location().object();
			ICompositeNode node = NodeModelUtils.getNode(object);
			OptionalInt headEnd = located.location().feature() == null ? headEnd(object, node) : OptionalInt.empty();
			if (headEnd.isPresent()) {
				// A block's first words are underlined; the whole block is the first related place.
				related.add(0, RelatedData.encode(object, "the whole " + kind(object)));
				report(located.finding().finding(), object, node.getOffset(), headEnd.getAsInt() - node.getOffset(),
						related.toArray(String[]::new));
			} else
				report(located.finding().finding(), object, located.location().feature(),
						related.toArray(String[]::new));
		}
	}

	/** Where the head of a block that spans lines ends: after its name, or after an SA's SPI. */
	private static OptionalInt headEnd(EObject object, ICompositeNode node) {
		if (node == null || node.getStartLine() == node.getEndLine())
			return OptionalInt.empty();
		EStructuralFeature last = object instanceof SaSpec
				? P.getSaSpec_Spi()
				: object.eClass().getEStructuralFeature("name");
		List<INode> nodes = last == null ? List.of() : NodeModelUtils.findNodesForFeature(object, last);
		return nodes.isEmpty() ? OptionalInt.empty() : OptionalInt.of(nodes.get(nodes.size() - 1).getEndOffset());
	}

	private static String kind(EObject object) {
		return object instanceof Policy
				? "policy"
				: object instanceof IkePolicy ? "IKE policy" : object instanceof ManualSa ? "manual SA" : "SA";
	}
}
