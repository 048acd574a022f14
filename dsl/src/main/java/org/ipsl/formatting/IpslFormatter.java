package org.ipsl.formatting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Model;
import org.ipsl.ipsl.Policy;
import org.ipsl.ipsl.SaSpec;

/**
 * The one canonical layout: one declaration or setting per line, four-space indentation inside
 * braces, one space between tokens, none before commas or around {@code ..}; a manual SA's keys on
 * continuation lines. Blank lines are kept, at most one in a row.
 */
public class IpslFormatter extends AbstractFormatter2 {
	private static final String INDENTATION = "    ";

	/** The layout is canonical: the editor's tab settings do not change it. */
	@Override
	protected void initialize(FormatterRequest request) {
		request.setPreferences(new MapBasedPreferenceValues(request.getPreferences(),
				Map.of(FormatterPreferenceKeys.indentation.getId(), INDENTATION)));
		super.initialize(request);
	}

	/**
	 * A file with syntax errors is left as written: its comments inside unparsed text have no
	 * grammar rule, and Xtext's comment formatting throws on them.
	 */
	@Override
	public void format(Object object, IFormattableDocument doc) {
		if (object instanceof XtextResource resource) {
			if (!resource.getParseResult().hasSyntaxErrors())
				_format(resource, doc);
		} else if (object instanceof Model model)
			model(model, doc);
	}

	private void model(Model model, IFormattableDocument doc) {
		boolean firstToken = true;
		for (ISemanticRegion token : textRegionExtensions.allSemanticRegions(model)) {
			if (!firstToken)
				doc.prepend(token, f -> {
					f.oneSpace();
					f.lowPriority();
				});
			firstToken = false;
		}
		for (ISemanticRegion comma : textRegionExtensions.allRegionsFor(model).keywords(","))
			doc.prepend(comma, f -> f.noSpace());
		for (ISemanticRegion range : textRegionExtensions.allRegionsFor(model).keywords(".."))
			doc.surround(range, f -> f.noSpace());
		boolean first = true;
		for (EObject declaration : model.getDeclarations()) {
			if (!first)
				doc.prepend(declaration, f -> f.setNewLines(1, 2, 2));
			first = false;
			if (declaration instanceof Host host)
				block(host, host.getMembers(), doc);
		}
	}

	/** Braces with one member per line, indented. */
	private void block(EObject owner, List<? extends EObject> members, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = textRegionExtensions.regionFor(owner);
		ISemanticRegion open = regions.keyword("{");
		ISemanticRegion close = regions.keyword("}");
		if (open == null || close == null)
			return;
		doc.interior(open, close, f -> f.indent());
		doc.append(open, f -> f.newLine());
		if (open.getNextSemanticRegion() != close)
			doc.prepend(close, f -> f.newLine());
		for (int i = 1; i < members.size(); i++)
			doc.prepend(members.get(i), f -> f.setNewLines(1, 1, 2));
		for (EObject member : members)
			member(member, doc);
	}

	private void member(EObject member, IFormattableDocument doc) {
		if (member instanceof Policy policy) {
			block(policy, List.of(policy.getSelector(), policy.getAction()).stream().filter(o -> o != null).toList(),
					doc);
			newLineBefore(textRegionExtensions.allRegionsFor(policy).keyword("pfs"), doc);
			for (String option : List.of("exclusive", "ike", "start"))
				newLineBefore(textRegionExtensions.allRegionsFor(policy).keyword(option), doc);
		} else if (member instanceof IkePolicy ike) {
			block(ike, List.of(), doc);
			ISemanticRegionsFinder regions = textRegionExtensions.regionFor(ike);
			for (String setting : List.of("version", "local", "remote", "proposals", "authentication",
					"remote-authentication", "local-id", "remote-id", "mode", "max-quick-modes"))
				settingLine(regions.keyword(setting), doc);
			if (ike.getLifetime() != null)
				settingLine(textRegionExtensions.regionFor(ike.getLifetime()).keyword("lifetime"), doc);
		} else if (member instanceof ManualSa sa) {
			block(sa, sa.getPeer() == null ? sa.getSas() : concat(sa), doc);
			for (SaSpec spec : sa.getSas())
				saSpec(spec, doc);
		}
	}

	private static List<EObject> concat(ManualSa sa) {
		List<EObject> all = new ArrayList<>();
		all.add(sa.getPeer());
		all.addAll(sa.getSas());
		return all;
	}

	/** An IKE setting on its own line, in whatever order the settings are written; the first follows the brace's line break. */
	private static void settingLine(ISemanticRegion keyword, IFormattableDocument doc) {
		if (keyword != null && !"{".equals(keyword.getPreviousSemanticRegion().getText()))
			doc.prepend(keyword, f -> f.newLine());
	}

	/** {@code inbound esp spi N} on one line, then its encryption, authentication and IV indented below. */
	private void saSpec(SaSpec spec, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = textRegionExtensions.regionFor(spec);
		ISemanticRegion firstContinuation = null;
		for (String keyword : List.of("encryption", "authentication", "iv")) {
			ISemanticRegion region = regions.keyword(keyword);
			if (region != null) {
				newLineBefore(region, doc);
				if (firstContinuation == null)
					firstContinuation = region;
			}
		}
		if (firstContinuation != null)
			doc.set(firstContinuation.getPreviousHiddenRegion(), textRegionExtensions.nextHiddenRegion(spec),
					f -> f.indent());
	}

	private static void newLineBefore(ISemanticRegion region, IFormattableDocument doc) {
		if (region != null)
			doc.prepend(region, f -> f.newLine());
	}
}
