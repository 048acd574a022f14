package org.ipsl.ide.codeactions;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.analysis.keys.KeyGenerator;
import org.ipsl.analysis.keys.SpiCheck;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.KeySpec;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.model.Parsed;
import org.ipsl.validation.HostSettings;
import org.ipsl.values.Numbers;

/** Fixes for manual SAs: a fresh random key of the right length, the lowest free SPI. */
final class KeyFixes {
	private static final SecureRandom RANDOM = new SecureRandom();
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	private KeyFixes() {
	}

	static List<CodeAction> freshKey(QuickFix.Context context) {
		KeySpec spec = EcoreUtil2.getContainerOfType(context.element(), KeySpec.class);
		if (spec == null)
			return List.of();
		boolean encryption = spec.eContainingFeature() == P.getSaSpec_Encryption();
		Optional<KeyAlgorithm> algorithm = encryption
				? KeyAlgorithm.encryption(spec.getAlgorithm())
				: KeyAlgorithm.authentication(spec.getAlgorithm());
		if (algorithm.isEmpty() || !algorithm.get().takesKey())
			return List.of();
		String key = KeyGenerator.freshKey(algorithm.get(), RANDOM);
		Range range;
		String text;
		if (spec.getKey() == null) {
			INode name = NodeModelUtils.findNodesForFeature(spec, P.getKeySpec_Algorithm()).get(0);
			range = context.range(name);
			range.setStart(range.getEnd());
			text = " " + key;
		} else {
			range = context.range(NodeModelUtils.findNodesForFeature(spec, P.getKeySpec_Key()).get(0));
			text = key;
		}
		return List.of(context.replace("Replace with a fresh random " + algorithm.get().keyword() + " key", range,
				text));
	}

	static List<CodeAction> freeSpi(QuickFix.Context context) {
		SaSpec spec = EcoreUtil2.getContainerOfType(context.element(), SaSpec.class);
		Host host = EcoreUtil2.getContainerOfType(spec, Host.class);
		if (spec == null || host == null)
			return List.of();
		Set<Long> used = new HashSet<>();
		for (ManualSa sa : EcoreUtil2.typeSelect(host.getMembers(), ManualSa.class))
			for (SaSpec other : sa.getSas()) {
				Parsed<Long> spi = Numbers.spi(other.getSpi());
				if (spi.ok() && other != spec)
					used.add(spi.value());
			}
		var free = SpiCheck.lowestFreeSpi(used, HostSettings.dynamicRange(host));
		if (free.isEmpty())
			return List.of();
		boolean hex = spec.getSpi().startsWith("0x") || spec.getSpi().startsWith("0X");
		String text = hex ? "0x" + Long.toHexString(free.getAsLong()) : Long.toString(free.getAsLong());
		INode node = NodeModelUtils.findNodesForFeature(spec, P.getSaSpec_Spi()).get(0);
		return List.of(context.replace("Use SPI " + text + ", the lowest free one outside the dynamic range",
				context.range(node), text));
	}
}
