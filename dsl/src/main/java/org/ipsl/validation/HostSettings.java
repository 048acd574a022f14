package org.ipsl.validation;

import org.ipsl.analysis.keys.SpiCheck;
import org.ipsl.analysis.keys.SpiCheck.SpiRange;
import org.ipsl.ipsl.DynamicSpi;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.model.Parsed;
import org.ipsl.values.Numbers;

/** A host's settings with HP-UX's defaults where the file gives none (or an invalid one). */
public final class HostSettings {
	private HostSettings() {
	}

	/** The host's valid dynamic SPI range, else HP-UX's default 300..2500000. */
	public static SpiRange dynamicRange(Host host) {
		for (HostMember member : host.getMembers())
			if (member instanceof DynamicSpi range) {
				Parsed<Long> low = Numbers.spi(range.getLow()), high = Numbers.spi(range.getHigh());
				if (low.ok() && high.ok()
						&& SpiCheck.checkDynamicRange(new SpiRange(low.value(), high.value())).isEmpty())
					return new SpiRange(low.value(), high.value());
			}
		return SpiRange.HPUX_DEFAULT;
	}
}
