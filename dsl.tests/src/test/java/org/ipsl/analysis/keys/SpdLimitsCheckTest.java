package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdLimitsCheckTest {

	@ParameterizedTest
	@CsvSource({"50, 60", "60, 60", "1, 1", "1, 1000000", "1000000, 1000000"})
	void limitsWithinRangeAndInOrderAreAccepted(long soft, long hard) {
		assertThat(SpdLimitsCheck.check(soft, hard)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({
			"80, 60, above the hard limit 60",
			"61, 60, above the hard limit 60",
			"0, 60, soft limit 0 is outside",
			"50, 0, hard limit 0 is outside",
			"-1, 60, soft limit -1 is outside",
			"50, 1000001, hard limit 1000001 is outside",
			"1000001, 1000001, soft limit 1000001 is outside"})
	void limitsOutOfRangeOrOutOfOrderAreRefused(long soft, long hard, String says) {
		assertThat(SpdLimitsCheck.check(soft, hard)).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("spd-limits-invalid");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
			assertThat(f.message()).contains(says);
		});
	}
}
