package org.ipsl.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.TestPackets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogTest {

	private final MutableClock clock = new MutableClock();

	@Test
	void entriesLookLikeHpUxs() {
		List<String> written = new ArrayList<>();
		AuditLog log = new AuditLog(AuditLevel.WARNING, clock, written::add, 100);
		log.record(AuditSource.SECPOLICYD, AuditLevel.WARNING, HpuxEvent.naming(HpuxEvent.NO_SPI,
				AuditText.identity(0x1fe472, TestPackets.address("10.1.1.1"), TestPackets.address("10.2.2.2"), 50)));
		assertThat(written).containsExactly("Msg: 1 From: SECPOLICYD Lvl: WARNING Date: Thu Jun 10 13:43:07 2004\n"
				+ "Event: No SPI for received packet - SPI: 1FE472 IP addr: 10.1.1.1:10.2.2.2 proto: 50.");
	}

	@Test
	void theDayIsPaddedWithASpaceAsCtimeDoes() {
		MutableClock early = new MutableClock(Instant.parse("2026-03-01T09:05:03Z"), ZoneId.of("Europe/Paris"));
		AuditLog log = new AuditLog(AuditLevel.DEBUG, early);
		log.record(AuditSource.IKMPD, AuditLevel.INFORMATIVE, "MM negotiation complete with the peer 10.2.2.20");
		assertThat(log.entries().get(0).format())
				.isEqualTo("Msg: 1 From: IKMPD Lvl: INFORMATIVE Date: Sun Mar  1 10:05:03 2026\n"
						+ "Event: MM negotiation complete with the peer 10.2.2.20");
	}

	/** Each level records its own entries and those of every more severe level, and only those. */
	@ParameterizedTest
	@EnumSource(AuditLevel.class)
	void levelsFilter(AuditLevel level) {
		AuditLog log = new AuditLog(level, clock);
		for (AuditLevel entryLevel : AuditLevel.values()) {
			boolean recorded = log.record(AuditSource.SECPOLICYD, entryLevel, entryLevel.name());
			assertThat(recorded).isEqualTo(entryLevel.ordinal() <= level.ordinal());
		}
		assertThat(log.entries()).extracting(AuditEntry::event)
				.containsExactlyElementsOf(
						List.of("ALERT", "ERROR", "WARNING", "INFORMATIVE", "DEBUG").subList(0, level.ordinal() + 1));
		// Numbers count what was written, so they run without gaps.
		assertThat(log.entries()).extracting(AuditEntry::number).containsExactlyElementsOf(
				List.of(1L, 2L, 3L, 4L, 5L).subList(0, level.ordinal() + 1));
	}

	@Test
	void theLevelCanChangeWhileRunning() {
		AuditLog log = new AuditLog(AuditLevel.ERROR, clock);
		assertThat(log.record(AuditSource.SECPOLICYD, AuditLevel.WARNING, "hidden")).isFalse();
		log.setLevel(AuditLevel.parse("warning"));
		assertThat(log.record(AuditSource.SECPOLICYD, AuditLevel.WARNING, "shown")).isTrue();
		assertThat(log.entries()).extracting(AuditEntry::event).containsExactly("shown");
	}

	@Test
	void theMostRecentEntriesAreKept() {
		AuditLog log = new AuditLog(AuditLevel.DEBUG, clock, entry -> {
		}, 3);
		for (int i = 1; i <= 5; i++) {
			log.record(AuditSource.SECPOLICYD, AuditLevel.DEBUG, "event " + i);
		}
		assertThat(log.written()).isEqualTo(5);
		assertThat(log.entries()).extracting(AuditEntry::number).containsExactly(3L, 4L, 5L);
	}

	@Test
	void ipv6AddressesInTheirShortForm() {
		assertThat(AuditText.address(TestPackets.address("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
		assertThat(AuditText.address(TestPackets.address("2001:0:0:1:0:0:0:1"))).isEqualTo("2001:0:0:1::1");
		assertThat(AuditText.address(TestPackets.address("::"))).isEqualTo("::");
		assertThat(AuditText.address(TestPackets.address("fe80::1"))).isEqualTo("fe80::1");
		assertThat(AuditText.address(TestPackets.address("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
	}
}
