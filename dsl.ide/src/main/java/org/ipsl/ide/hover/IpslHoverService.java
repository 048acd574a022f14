package org.ipsl.ide.hover;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.Transform;
import org.ipsl.describe.Descriptions;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.KeySpec;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.ProposalRef;
import org.ipsl.ipsl.ProtectAction;
import org.ipsl.ipsl.TransformRef;

/**
 * Hover on a name: what a host or network stands for (its addresses), what a proposal, transform
 * or group is and how strong. Strings and keys get no hover, so no secret is ever shown.
 */
public class IpslHoverService extends HoverService {

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancel) {
		if (resource.getParseResult() == null)
			return EMPTY_HOVER;
		int offset = document.getOffSet(params.getPosition());
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden())
			return EMPTY_HOVER;
		Optional<String> text = describe(leaf);
		if (text.isEmpty())
			return EMPTY_HOVER;
		Range range = new Range(document.getPosition(leaf.getOffset()), document.getPosition(leaf.getEndOffset()));
		return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text.get()), range);
	}

	private static Optional<String> describe(ILeafNode leaf) {
		EObject owner = NodeModelUtils.findActualSemanticObjectFor(leaf);
		String word = leaf.getText();
		Assignment assignment = assignmentOf(leaf);
		if (assignment == null || owner == null)
			return Optional.empty();
		String feature = assignment.getFeature();
		if (assignment.getTerminal() instanceof CrossReference)
			return owner instanceof ProtectAction a && "ike".equals(feature)
					? Optional.ofNullable(a.getIke()).filter(i -> !i.eIsProxy()).map(Descriptions::of)
					: reference(owner, word);
		if ("name".equals(feature) && owner instanceof Declaration declaration)
			return Optional.of(Descriptions.of(declaration));
		if ("name".equals(feature) && owner instanceof ManualSa sa)
			return Optional.of(Descriptions.of(sa));
		if (owner instanceof ProtectAction && "pfs".equals(feature))
			return DhGroup.byKeyword(word).map(Descriptions::group);
		if (owner instanceof IkePolicy && "version".equals(feature))
			return Descriptions.ikeVersion(word);
		if (owner instanceof ProtectAction && "start".equals(feature))
			return Descriptions.start(word);
		if (owner instanceof IkePolicy && "mode".equals(feature))
			return Descriptions.ikeMode(word);
		if (owner instanceof IkePolicy && "maxQuickModes".equals(feature))
			return Optional.of(Descriptions.maxQuickModes(word));
		if (owner instanceof ProtectAction && "exclusive".equals(feature))
			return Optional.of(Descriptions.EXCLUSIVE);
		if (owner instanceof TransformRef && "inner".equals(feature))
			return Transform.byKeyword(word).map(Descriptions::transform);
		if (owner instanceof KeySpec key && "algorithm".equals(feature))
			return (key.eContainingFeature() == IpslPackage.Literals.SA_SPEC__ENCRYPTION
					? KeyAlgorithm.encryption(word)
					: KeyAlgorithm.authentication(word)).map(Descriptions::manualAlgorithm);
		if ("low".equals(feature) || "high".equals(feature))
			return Descriptions.builtin(word);
		return Optional.empty();
	}

	/** A resolved reference describes its target; an unresolved proposal or transform is a built-in. */
	private static Optional<String> reference(EObject owner, String word) {
		EObject target = owner instanceof NamedEndpoint e
				? e.getRef()
				: owner instanceof ProposalRef p
						? p.getRef()
						: owner instanceof TransformRef t
								? t.getRef()
								: owner instanceof ProtectAction a ? a.getManualSa() : null;
		if (target instanceof Declaration declaration && !target.eIsProxy())
			return Optional.of(Descriptions.of(declaration));
		if (target instanceof ManualSa sa && !target.eIsProxy())
			return Optional.of(Descriptions.of(sa));
		if (owner instanceof ProposalRef)
			return Descriptions.ikeProposal(word);
		if (owner instanceof TransformRef)
			return Descriptions.childProposal(word);
		return Optional.empty();
	}

	/** The grammar assignment that a token belongs to, looking through data-type rules such as Name. */
	private static Assignment assignmentOf(INode node) {
		for (INode n = node; n != null; n = n.getParent()) {
			Assignment assignment = EcoreUtil2.getContainerOfType(n.getGrammarElement(), Assignment.class);
			if (assignment != null)
				return assignment;
		}
		return null;
	}
}
