package org.ipsl.runtime.spd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.sad.Direction;
import org.junit.jupiter.api.Test;

/** HP-UX's kernel policy cache limits: ALERTs past the soft limit and every 1,000 more, nothing new at the hard limit. */
class DecisionCacheTest {

	private final List<String> audit = new ArrayList<>();
	private final DecisionCache cache = new DecisionCache(1, 3,
			new AuditLog(AuditLevel.ALERT, new MutableClock(), audit::add, AuditLog.DEFAULT_RETAINED));
	private final SpdEntry pass = SpdEntry.defaultPolicy(true);

	private static Flow flow(int i) {
		return Flow.of("10.1.1.10", "10.2." + (i >>> 8 & 0xff) + "." + (i & 0xff), 17, 40000 + (i >>> 16), 53);
	}

	@Test
	void alertsAtTheSoftLimitAndEveryThousandThenRefusesAtTheHardLimit() {
		for (int i = 0; i < 1000; i++) {
			assertThat(cache.add(flow(i), Direction.OUTBOUND, pass)).isNotNull();
		}
		assertThat(audit).as("at the soft limit, not past it").isEmpty();
		cache.add(flow(1000), Direction.OUTBOUND, pass);
		assertThat(audit).singleElement().asString()
				.startsWith("Msg: 1 From: SECPOLICYD Lvl: ALERT Date: Thu Jun 10 13:43:07 2004")
				.endsWith("\nEvent: Kernel Policy Cache Threshold reached 1000 records.");
		for (int i = 1001; i < 3000; i++) {
			cache.add(flow(i), i % 2 == 0 ? Direction.OUTBOUND : Direction.INBOUND, pass);
		}
		assertThat(audit).hasSize(2).last().asString()
				.endsWith("Event: Kernel Policy Cache Threshold reached 2000 records.");
		assertThat(cache.size()).isEqualTo(3000);

		assertThat(cache.add(flow(3000), Direction.OUTBOUND, pass)).isNull();
		assertThat(cache.add(flow(3001), Direction.INBOUND, pass)).isNull();
		assertThat(audit).hasSize(3).last().asString()
				.endsWith("Event: Kernel Policy Cache Threshold exceeded 3000 records.");
		assertThat(cache.size()).isEqualTo(3000);
		assertThat(cache.find(flow(3000), Direction.OUTBOUND)).isNull();
		assertThat(cache.find(flow(2), Direction.OUTBOUND)).isNotNull();
		assertThat(cache.add(flow(2), Direction.OUTBOUND, pass)).as("a cached flow is still found at the limit")
				.isNotNull();

		cache.clear();
		assertThat(cache.size()).isZero();
		assertThat(cache.add(flow(3000), Direction.OUTBOUND, pass).record()).as("record numbers go on").isEqualTo(3001);
	}

	@Test
	void directionsAreSeparateEntriesAndRecordsCountFromOne() {
		CachedDecision out = cache.add(flow(1), Direction.OUTBOUND, pass);
		CachedDecision in = cache.add(flow(1), Direction.INBOUND, pass);
		assertThat(out.record()).isEqualTo(1);
		assertThat(in.record()).isEqualTo(2);
		assertThat(cache.add(flow(1), Direction.OUTBOUND, pass)).isSameAs(out);
		assertThat(cache.entries()).containsExactly(out, in);
		assertThat(out.cookie()).isEqualTo(SpdEntry.DEFAULT_COOKIE);
	}
}
