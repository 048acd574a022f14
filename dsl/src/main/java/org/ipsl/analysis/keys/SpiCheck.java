package org.ipsl.analysis.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.runtime.audit.HpuxEvent;

/**
 * The SPI rules of one host's manual SAs (RFC 4303's reserved values, HP-UX's dynamic range and
 * uniqueness of inbound SPIs), and the lowest SPI that obeys them all, for the quick fix.
 */
public final class SpiCheck {

	public static final long HIGHEST_RESERVED_SPI = 255;
	public static final long HIGHEST_SPI = 0xFFFF_FFFFL;

	/** The SPIs the key daemon allocates to dynamic SAs, bounds included. */
	public record SpiRange(long low, long high) {

		/** HP-UX's range when the host does not set one. */
		public static final SpiRange HPUX_DEFAULT = new SpiRange(300, 2_500_000);

		public SpiRange {
			requireSpi(low);
			requireSpi(high);
		}

		public boolean contains(long spi) {
			return low <= spi && spi <= high;
		}

		@Override
		public String toString() {
			return low + ".." + high;
		}
	}

	/**
	 * One direction of a manual SA.
	 *
	 * @param protocol {@code esp} or {@code ah}
	 * @param saName   the manual SA's name, for messages
	 * @param index    the caller's handle for the entry, returned with its findings
	 */
	public record ManualSpi(long spi, String protocol, boolean inbound, String saName, int index) {
		public ManualSpi {
			requireSpi(spi);
		}
	}

	/** A finding about the entry whose {@link ManualSpi#index()} is {@code index}. */
	public record SpiFinding(int index, Finding finding) {
	}

	private SpiCheck() {
	}

	/**
	 * At most one finding per entry, the first that applies of spi-reserved, spi-in-dynamic-range,
	 * spi-duplicate. An SPI that repeats an earlier inbound one is reported, not the earlier one.
	 *
	 * @param spis every direction of every manual SA of one host, in file order
	 */
	public static List<SpiFinding> check(List<ManualSpi> spis, SpiRange dynamicRange) {
		List<SpiFinding> findings = new ArrayList<>();
		Map<String, ManualSpi> firstInbound = new HashMap<>();
		for (ManualSpi entry : spis) {
			ManualSpi earlier = entry.inbound()
					? firstInbound.putIfAbsent(entry.protocol() + " " + entry.spi(), entry)
					: null;
			problem(entry, earlier, dynamicRange)
					.ifPresent(finding -> findings.add(new SpiFinding(entry.index(), finding)));
		}
		return findings;
	}

	private static Optional<Finding> problem(ManualSpi entry, ManualSpi earlier, SpiRange dynamicRange) {
		String spi = (entry.inbound() ? "inbound " : "outbound ") + entry.protocol() + " SPI " + entry.spi();
		if (entry.spi() <= HIGHEST_RESERVED_SPI) {
			return Optional.of(new Finding(DiagnosticCode.SPI_RESERVED, spi + " is reserved (0–" + HIGHEST_RESERVED_SPI
					+ ", RFC 4303): the SA is rejected; use one above " + HIGHEST_RESERVED_SPI));
		}
		if (entry.inbound() && dynamicRange.contains(entry.spi())) {
			return Optional.of(new Finding(DiagnosticCode.SPI_IN_DYNAMIC_RANGE,
					spi + " lies in the host's dynamic SPI range "
							+ dynamicRange
							+ ": once SECPOLICYD has allocated it to a dynamic SA, it does not add the manual SA ("
							+ HpuxEvent.sadbAddExists(entry.spi()) + "); use one outside that range"));
		}
		if (earlier != null) {
			return Optional.of(new Finding(DiagnosticCode.SPI_DUPLICATE,
					spi + " is already the inbound SPI of manual SA `"
							+ earlier.saName() + "`: " + HpuxEvent.sadbAddExists(entry.spi())
							+ " and this SA is not added"));
		}
		return Optional.empty();
	}

	/** dynamic-spi-invalid when the range is reversed (holds no SPI) or reaches below 256. */
	public static Optional<Finding> checkDynamicRange(SpiRange range) {
		if (range.low() > range.high()) {
			return Optional.of(new Finding(DiagnosticCode.DYNAMIC_SPI_INVALID, "the dynamic SPI range " + range
					+ " is reversed and holds no SPI: the key daemon cannot allocate SPIs"));
		}
		if (range.low() <= HIGHEST_RESERVED_SPI) {
			return Optional.of(new Finding(DiagnosticCode.DYNAMIC_SPI_INVALID, "the dynamic SPI range " + range
					+ " reaches below " + (HIGHEST_RESERVED_SPI + 1) + " into the SPIs reserved by RFC 4303:"
					+ " the key daemon cannot allocate SPIs"));
		}
		return Optional.empty();
	}

	/**
	 * The lowest SPI above 255, outside the dynamic range and not in {@code used}; empty only when
	 * none is left below 2^32.
	 *
	 * @param used the host's inbound SPIs (of both protocols, to keep every SPI distinct)
	 */
	public static OptionalLong lowestFreeSpi(Set<Long> used, SpiRange dynamicRange) {
		long candidate = HIGHEST_RESERVED_SPI + 1;
		while (candidate <= HIGHEST_SPI) {
			if (dynamicRange.contains(candidate)) {
				candidate = dynamicRange.high() + 1;
			} else if (used.contains(candidate)) {
				candidate++;
			} else {
				return OptionalLong.of(candidate);
			}
		}
		return OptionalLong.empty();
	}

	private static void requireSpi(long spi) {
		if (spi < 0 || spi > HIGHEST_SPI) {
			throw new IllegalArgumentException("an SPI is a 32-bit unsigned number, not " + spi);
		}
	}
}
