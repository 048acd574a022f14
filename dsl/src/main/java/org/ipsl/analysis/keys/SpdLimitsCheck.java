package org.ipsl.analysis.keys;

import java.util.Optional;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;

/** The host's SPD cache limits, in thousands of entries, as {@code ipsec_config} accepts them. */
public final class SpdLimitsCheck {

	public static final long LOWEST_LIMIT = 1;
	public static final long HIGHEST_LIMIT = 1_000_000;

	private static final String REFUSED = ": ipsec_config refuses it";

	private SpdLimitsCheck() {
	}

	public static Optional<Finding> check(long soft, long hard) {
		return outOfRange("soft", soft)
				.or(() -> outOfRange("hard", hard))
				.or(() -> soft > hard
						? Optional.of(new Finding(DiagnosticCode.SPD_LIMITS_INVALID,
								"the SPD soft limit " + soft + " is above the hard limit " + hard + REFUSED))
						: Optional.empty());
	}

	private static Optional<Finding> outOfRange(String which, long limit) {
		if (limit >= LOWEST_LIMIT && limit <= HIGHEST_LIMIT) {
			return Optional.empty();
		}
		return Optional.of(
				new Finding(DiagnosticCode.SPD_LIMITS_INVALID, "the SPD " + which + " limit " + limit + " is outside "
						+ LOWEST_LIMIT + "–" + HIGHEST_LIMIT + " (thousands of entries)" + REFUSED));
	}
}
