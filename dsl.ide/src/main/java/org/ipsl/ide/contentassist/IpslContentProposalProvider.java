package org.ipsl.ide.contentassist;

import java.util.Map;
import java.util.Optional;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.catalog.Service;
import org.ipsl.catalog.Strength;
import org.ipsl.catalog.Transform;
import org.ipsl.catalog.proposal.AlgorithmChoice;
import org.ipsl.catalog.proposal.AlgorithmKeywords;
import org.ipsl.describe.Descriptions;
import org.ipsl.model.StartAction;
import org.ipsl.values.ProposalTexts;

/**
 * Completion of built-in names where the grammar only says "a word": IKE suites, transforms,
 * strongSwan's {@code default} and algorithm keywords (one more after each {@code -} of a proposal),
 * DH groups and service names, each with its strength; IKE versions; {@code max-quick-modes} 1 (PFS
 * of keys and identities) and 100 (HP-UX's default). Keywords and workspace names come from Xtext.
 */
public class IpslContentProposalProvider extends IdeContentProposalProvider {

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		// Xtext's own first: the editor takes 100 proposals, and the workspace's names must be among them.
		super._createProposals(assignment, context, acceptor);
		String rule = GrammarUtil.containingParserRule(assignment).getName();
		String feature = assignment.getFeature();
		switch (rule + "." + feature) {
			case "ProposalRef.ref" -> {
				IkeSuite.all()
						.forEach(s -> propose(s.keyword(), s.strength(), Descriptions.suite(s), context, acceptor));
				proposeDefault(Descriptions.ikeProposal(ProposalTexts.DEFAULT), context, acceptor);
				algorithms("", context, acceptor);
			}
			case "TransformRef.ref" -> {
				for (Transform t : Transform.values())
					propose(t.keyword(), t.strength(), Descriptions.transform(t), context, acceptor);
				proposeDefault(Descriptions.childProposal(ProposalTexts.DEFAULT), context, acceptor);
				algorithms(context.getPrefix().startsWith("ah-") ? "ah-" : "esp-", context, acceptor);
			}
			case "IkePolicy.version" -> {
				// any is a keyword inside the version's data-type rule, which Xtext does not propose
				for (String value : new String[]{"1", "2", "any"})
					propose(value, null, Descriptions.ikeVersion(value).orElseThrow(), context, acceptor);
			}
			case "ProtectAction.start" -> {
				for (StartAction action : StartAction.values())
					propose(action.keyword(), null, Descriptions.start(action.keyword()).orElseThrow(), context,
							acceptor);
			}
			case "TransformRef.inner" -> {
				for (Transform t : Transform.values())
					if (t.protocol() == Transform.Protocol.ESP)
						propose(t.keyword(), t.strength(), Descriptions.transform(t), context, acceptor);
			}
			case "ProtectAction.pfs" -> {
				for (DhGroup g : DhGroup.values())
					propose(g.keyword(), g.strength(), Descriptions.group(g), context, acceptor);
			}
			case "IkePolicy.maxQuickModes" -> {
				for (String value : new String[]{"1", "100"})
					propose(value, null, Descriptions.maxQuickModes(value), context, acceptor);
			}
			case "Ports.low", "Ports.high" -> {
				for (Map.Entry<String, Integer> s : Service.all().entrySet())
					propose(s.getKey(), null, "port " + s.getValue(), context, acceptor);
			}
			case "KeySpec.algorithm" -> {
				boolean encryption = context.getLastCompleteNode() != null
						&& "encryption".equals(context.getLastCompleteNode().getText());
				for (KeyAlgorithm a : KeyAlgorithm.values())
					if ((a.use() == KeyAlgorithm.Use.ENCRYPTION) == encryption)
						propose(a.keyword(), null, Descriptions.manualAlgorithm(a), context, acceptor);
			}
			default -> {
			}
		}
	}

	private void proposeDefault(Optional<String> documentation, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		propose(ProposalTexts.DEFAULT, null, documentation.orElseThrow(), context, acceptor);
	}

	/**
	 * A strongSwan proposal is algorithm keywords joined by {@code -}: after what is typed up to its
	 * last {@code -} (or after {@code start} at the beginning), each keyword of strongSwan's. Only once
	 * something is typed: before, they would fill the editor's list.
	 */
	private void algorithms(String start, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		String prefix = context.getPrefix();
		if (prefix.isEmpty())
			return;
		int dash = prefix.lastIndexOf('-');
		String typed = dash >= 0 ? prefix.substring(0, dash + 1) : start;
		if (!typed.startsWith(start))
			return;
		for (Map.Entry<String, AlgorithmChoice> keyword : AlgorithmKeywords.all().entrySet())
			propose(typed + keyword.getKey(), keyword.getValue().strength(), "strongSwan "
					+ keyword.getValue().kind().description() + ": " + keyword.getValue().description(), context,
					acceptor);
	}

	private void propose(String name, Strength strength, String documentation, ContentAssistContext context,
			IIdeContentProposalAcceptor acceptor) {
		ContentAssistEntry entry = getProposalCreator().createProposal(name, context, e -> {
			e.setKind(ContentAssistEntry.KIND_VALUE);
			e.setDescription(strength == null ? documentation : strength.verdict());
			e.setDocumentation(documentation);
		});
		// Stronger choices first: the editor sorts by priority before the name.
		int priority = strength == null ? 400 : 300 + strength.ordinal() * 50;
		if (entry != null)
			acceptor.accept(entry, priority);
	}
}
