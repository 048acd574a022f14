package org.ipsl.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.validation.Check;
import org.ipsl.analysis.keys.KeyAlgorithm;
import org.ipsl.analysis.keys.KeyCheck;
import org.ipsl.analysis.keys.PresharedSecretCheck;
import org.ipsl.analysis.keys.SpdLimitsCheck;
import org.ipsl.analysis.keys.SpiCheck;
import org.ipsl.analysis.keys.SpiCheck.ManualSpi;
import org.ipsl.analysis.keys.SpiCheck.SpiFinding;
import org.ipsl.analysis.keys.SpiCheck.SpiRange;
import org.ipsl.check.FileAccess;
import org.ipsl.ipsl.DynamicSpi;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.KeySpec;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.PresharedAuthentication;
import org.ipsl.ipsl.SaSpec;
import org.ipsl.ipsl.SpdLimits;
import org.ipsl.model.Parsed;
import org.ipsl.values.Numbers;

/**
 * Keys, secrets, SPIs and SPD limits (docs/diagnostics.md, "Keys and SPIs"): what HP-UX would refuse
 * when it adds the SA, named before deployment. Messages never contain key material.
 */
public class KeyValidator extends FindingReporter {
	private static final IpslPackage P = IpslPackage.eINSTANCE;

	@Check
	public void key(KeySpec spec) {
		boolean encryption = spec.eContainingFeature() == P.getSaSpec_Encryption();
		var algorithm = encryption
				? KeyAlgorithm.encryption(spec.getAlgorithm())
				: KeyAlgorithm.authentication(spec.getAlgorithm());
		if (algorithm.isEmpty())
			return; // an unknown algorithm is reported once, as unresolved-name
		KeyCheck.check(algorithm.get(), spec.getKey()).ifPresent(finding -> report(finding, spec,
				spec.getKey() == null ? P.getKeySpec_Algorithm() : P.getKeySpec_Key()));
	}

	/** A secret written inline or read from its file, reported on the string that gives it. */
	@Check
	public void presharedSecret(PresharedAuthentication auth) {
		if (auth.getSecret() != null && !auth.getSecret().isEmpty())
			PresharedSecretCheck.check(auth.getSecret())
					.ifPresent(finding -> report(finding, auth, P.getPresharedAuthentication_Secret()));
		else if (auth.getFile() != null)
			FileAccess.secret(auth, auth.getFile()).flatMap(PresharedSecretCheck::check)
					.ifPresent(finding -> report(finding, auth, P.getPresharedAuthentication_File()));
	}

	@Check
	public void spdLimits(SpdLimits limits) {
		Parsed<Long> soft = Numbers.decimal(limits.getSoft(), 0, Long.MAX_VALUE / 2, "soft limit");
		Parsed<Long> hard = Numbers.decimal(limits.getHard(), 0, Long.MAX_VALUE / 2, "hard limit");
		if (soft.ok() && hard.ok())
			SpdLimitsCheck.check(soft.value(), hard.value()).ifPresent(finding -> report(finding, limits, null));
	}

	@Check
	public void dynamicRange(DynamicSpi range) {
		Parsed<Long> low = Numbers.spi(range.getLow()), high = Numbers.spi(range.getHigh());
		if (low.ok() && high.ok())
			SpiCheck.checkDynamicRange(new SpiRange(low.value(), high.value()))
					.ifPresent(finding -> report(finding, range, null));
	}

	/** Every manual SPI of the host, against the reserved values, the dynamic range and each other. */
	@Check
	public void manualSpis(Host host) {
		List<SaSpec> specs = new ArrayList<>();
		List<ManualSpi> spis = new ArrayList<>();
		for (HostMember member : host.getMembers())
			if (member instanceof ManualSa sa)
				for (SaSpec spec : sa.getSas()) {
					Parsed<Long> spi = Numbers.spi(spec.getSpi());
					if (!spi.ok())
						continue;
					spis.add(new ManualSpi(spi.value(), spec.getProtocol().getLiteral(),
							spec.getDirection() == org.ipsl.ipsl.Direction.INBOUND, sa.getName(), specs.size()));
					specs.add(spec);
				}
		for (SpiFinding finding : SpiCheck.check(spis, HostSettings.dynamicRange(host)))
			report(finding.finding(), specs.get(finding.index()), P.getSaSpec_Spi());
	}
}
