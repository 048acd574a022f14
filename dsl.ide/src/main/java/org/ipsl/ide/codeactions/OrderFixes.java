package org.ipsl.ide.codeactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.ipsl.analysis.order.OrderingAnalysis;
import org.ipsl.analysis.order.OrderingFinding;
import org.ipsl.ast.HostRules;
import org.ipsl.ast.Priorities;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.Policy;

/**
 * Fixes for the policy order: move a shadowed policy above the policies that take its packets,
 * remove a redundant one. Every other policy keeps its priority: one whose priority was implied
 * by its predecessor's (HP-UX's previous + 10) is given that priority explicitly where the edit
 * would change it.
 */
final class OrderFixes {
	private OrderFixes() {
	}

	static List<CodeAction> moveAbove(QuickFix.Context context) {
		Policy policy = EcoreUtil2.getContainerOfType(context.element(), Policy.class);
		Host host = EcoreUtil2.getContainerOfType(policy, Host.class);
		if (policy == null || host == null || !ownLines(context, policy))
			return List.of();
		HostRules db = HostRules.of(host);
		int index = db.policies().indexOf(policy);
		Optional<OrderingFinding> finding = OrderingAnalysis.analyse(db.rules(), db.defaultAction()).stream()
				.filter(f -> f.ruleIndex() == index && f.kind() == OrderingFinding.Kind.SHADOWED).findFirst();
		if (finding.isEmpty())
			return List.of();
		int first = finding.get().related().stream().filter(j -> j >= 0).min(Integer::compare).orElse(-1);
		if (first < 0)
			return List.of();
		Policy taker = db.policies().get(first);
		long above = first == 0 ? 0 : db.rules().get(first - 1).priority();
		long below = db.rules().get(first).priority();
		Map<EObject, Long> priorities = Priorities.of(host);
		long chosen = below - Math.max(1, (below - above) / 2);
		if (chosen <= above || priorities.containsValue(chosen) || !ownLines(context, taker))
			return List.of();

		List<HostMember> order = new ArrayList<>(host.getMembers());
		order.remove(policy);
		order.add(order.indexOf(taker), policy);
		List<TextEdit> edits = pins(context, order, priorities, policy);
		Range lines = lineRange(context, policy);
		edits.add(new TextEdit(lines, ""));
		Position at = new Position(context.range(NodeModelUtils.getNode(taker)).getStart().getLine(), 0);
		edits.add(new TextEdit(new Range(at, at), withPriority(context, policy, chosen)));
		return List.of(context.edit("Move `" + policy.getName() + "` above `" + taker.getName() + "` (priority "
				+ chosen + ")", edits));
	}

	static List<CodeAction> remove(QuickFix.Context context) {
		Policy policy = EcoreUtil2.getContainerOfType(context.element(), Policy.class);
		Host host = EcoreUtil2.getContainerOfType(policy, Host.class);
		if (policy == null || host == null || !ownLines(context, policy))
			return List.of();
		List<HostMember> order = new ArrayList<>(host.getMembers());
		order.remove(policy);
		List<TextEdit> edits = pins(context, order, Priorities.of(host), null);
		edits.add(new TextEdit(lineRange(context, policy), ""));
		return List.of(context.edit("Remove the redundant policy `" + policy.getName() + "`", edits));
	}

	/**
	 * Explicit priorities for the policies whose implied priority would change in the new order;
	 * {@code moved} gets its own priority in its text and is skipped here.
	 */
	private static List<TextEdit> pins(QuickFix.Context context, List<HostMember> order, Map<EObject, Long> old,
			Policy moved) {
		List<TextEdit> edits = new ArrayList<>();
		long last = 0;
		for (HostMember member : order) {
			if (!(member instanceof Policy p) || !old.containsKey(p))
				continue;
			if (p == moved) {
				last = -1; // the moved policy's priority comes from its edit, below: its successor must be pinned
				continue;
			}
			long was = old.get(p);
			if (p.getPriority() == null && (last < 0 || last + 10 != was)) {
				INode name = NodeModelUtils.findNodesForFeature(p, IpslPackage.Literals.POLICY__NAME).get(0);
				Position end = context.range(name).getEnd();
				edits.add(new TextEdit(new Range(end, end), " priority " + was));
			}
			last = was;
		}
		return edits;
	}

	/** The policy's text with {@code priority N} written in (replacing the one it had). */
	private static String withPriority(QuickFix.Context context, Policy policy, long priority) {
		String text = context.document().getContents();
		Range lines = lineRange(context, policy);
		int start = context.document().getOffSet(lines.getStart());
		int end = context.document().getOffSet(lines.getEnd());
		INode anchor = policy.getPriority() != null
				? NodeModelUtils.findNodesForFeature(policy, IpslPackage.Literals.POLICY__PRIORITY).get(0)
				: NodeModelUtils.findNodesForFeature(policy, IpslPackage.Literals.POLICY__NAME).get(0);
		String replaced = policy.getPriority() != null
				? Long.toString(priority)
				: text.substring(anchor.getOffset(), anchor.getEndOffset()) + " priority " + priority;
		return text.substring(start, anchor.getOffset()) + replaced + text.substring(anchor.getEndOffset(), end);
	}

	/** Whole lines from the policy's first to its last, the line break included. */
	private static Range lineRange(QuickFix.Context context, Policy policy) {
		Range range = context.range(NodeModelUtils.getNode(policy));
		return new Range(new Position(range.getStart().getLine(), 0), new Position(range.getEnd().getLine() + 1, 0));
	}

	/** True when nothing but white space shares the policy's first and last lines. */
	private static boolean ownLines(QuickFix.Context context, Policy policy) {
		String text = context.document().getContents();
		ICompositeNode node = NodeModelUtils.getNode(policy);
		int lineStart = text.lastIndexOf('\n', node.getOffset() - 1) + 1;
		int lineEnd = text.indexOf('\n', node.getEndOffset());
		String after = text.substring(node.getEndOffset(), lineEnd < 0 ? text.length() : lineEnd);
		return text.substring(lineStart, node.getOffset()).isBlank()
				&& (after.isBlank() || after.strip().startsWith("//"));
	}
}
