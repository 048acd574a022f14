package org.ipsl.analysis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.ipsl.analysis.Finding;
import org.ipsl.analysis.keys.SpiCheck.ManualSpi;
import org.ipsl.analysis.keys.SpiCheck.SpiFinding;
import org.ipsl.analysis.keys.SpiCheck.SpiRange;
import org.ipsl.diagnostics.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class SpiCheckTest {

	static final SpiRange HPUX = SpiRange.HPUX_DEFAULT;

	static ManualSpi inbound(long spi, int index) {
		return new ManualSpi(spi, "esp", true, "sa" + index, index);
	}

	static ManualSpi outbound(long spi, int index) {
		return new ManualSpi(spi, "esp", false, "sa" + index, index);
	}

	static List<String> codes(List<SpiFinding> findings) {
		return findings.stream().map(f -> f.finding().code().id()).toList();
	}

	@Test
	void theDefaultRangeIsHpUxs() {
		assertThat(HPUX).isEqualTo(new SpiRange(300, 2_500_000));
	}

	@ParameterizedTest
	@CsvSource({"0, true", "1, true", "255, true", "256, false", "299, false"})
	void spisUpTo255AreReservedInEitherDirection(long spi, boolean reserved) {
		for (ManualSpi entry : List.of(inbound(spi, 0), outbound(spi, 0))) {
			List<SpiFinding> findings = SpiCheck.check(List.of(entry), HPUX);
			assertThat(codes(findings)).isEqualTo(reserved ? List.of("spi-reserved") : List.of());
		}
	}

	@ParameterizedTest
	@CsvSource({"299, false", "300, true", "513, true", "2500000, true", "2500001, false", "4294967295, false"})
	void aManualInboundSpiMustLieOutsideTheDynamicRange(long spi, boolean inside) {
		assertThat(codes(SpiCheck.check(List.of(inbound(spi, 0)), HPUX)))
				.isEqualTo(inside ? List.of("spi-in-dynamic-range") : List.of());
		assertThat(SpiCheck.check(List.of(outbound(spi, 0)), HPUX)).isEmpty();
	}

	@Test
	void theDynamicRangeIsTheHostsOwn() {
		SpiRange small = new SpiRange(1000, 2000);
		assertThat(SpiCheck.check(List.of(inbound(513, 0), inbound(999, 1), inbound(2001, 2)), small)).isEmpty();
		assertThat(SpiCheck.check(List.of(inbound(1000, 0), inbound(2000, 1)), small))
				.extracting(SpiFinding::index, f -> f.finding().code().id())
				.containsExactly(tuple(0, "spi-in-dynamic-range"), tuple(1, "spi-in-dynamic-range"));
	}

	@Test
	void aRepeatedInboundSpiAndProtocolIsReportedOnTheLaterOnes() {
		List<ManualSpi> spis = List.of(
				inbound(2600002, 0), outbound(2600003, 1),
				new ManualSpi(2600002, "esp", true, "spare", 2), outbound(2600004, 3),
				new ManualSpi(2600002, "esp", true, "third", 4));
		List<SpiFinding> findings = SpiCheck.check(spis, HPUX);
		assertThat(findings).extracting(SpiFinding::index, f -> f.finding().code().id())
				.containsExactly(tuple(2, "spi-duplicate"), tuple(4, "spi-duplicate"));
		assertThat(findings.get(0).finding().message()).contains("`sa0`");
		assertThat(findings.get(1).finding().message()).contains("`sa0`");
	}

	@Test
	void spisAreDistinctPerProtocolAndOnlyInboundOnesMustBeUnique() {
		assertThat(SpiCheck.check(List.of(
				new ManualSpi(2600002, "esp", true, "a", 0),
				new ManualSpi(2600002, "ah", true, "b", 1),
				new ManualSpi(2600002, "esp", false, "c", 2),
				new ManualSpi(2600002, "esp", false, "d", 3)), HPUX)).isEmpty();
	}

	@Test
	void oneFindingPerSpiReservedFirstThenRangeThenDuplicate() {
		List<SpiFinding> findings = SpiCheck.check(List.of(inbound(200, 0), inbound(200, 1), inbound(513, 2),
				inbound(513, 3)), HPUX);
		assertThat(codes(findings)).containsExactly("spi-reserved", "spi-reserved", "spi-in-dynamic-range",
				"spi-in-dynamic-range");
	}

	/** examples/keys/vault.ipsl's host vault, its SAs in file order. */
	@Test
	void theVaultHostGetsWhatItsMarkersSay() {
		List<ManualSpi> vault = List.of(
				new ManualSpi(513, "esp", true, "to-archive", 0),
				new ManualSpi(0x2600000, "esp", false, "to-archive", 1),
				new ManualSpi(200, "esp", true, "to-logger", 2), new ManualSpi(2600001, "esp", false, "to-logger", 3),
				new ManualSpi(2600002, "esp", true, "to-monitor", 4),
				new ManualSpi(2600003, "esp", false, "to-monitor", 5),
				new ManualSpi(2600002, "esp", true, "spare", 6), new ManualSpi(2600004, "esp", false, "spare", 7));
		assertThat(SpiCheck.checkDynamicRange(new SpiRange(300, 2500000))).isEmpty();
		assertThat(SpiCheck.check(vault, new SpiRange(300, 2500000)))
				.extracting(SpiFinding::index, f -> f.finding().code().id(), f -> f.finding().severity())
				.containsExactly(
						tuple(0, "spi-in-dynamic-range", Severity.ERROR),
						tuple(2, "spi-reserved", Severity.ERROR),
						tuple(6, "spi-duplicate", Severity.ERROR));
	}

	@ParameterizedTest
	@CsvSource({
			"3000, 2000, reversed",
			"301, 300, reversed",
			"0, 1000, below 256",
			"255, 2500000, below 256"})
	void aDynamicRangeThatIsReversedOrReachesBelow256IsInvalid(long low, long high, String says) {
		assertThat(SpiCheck.checkDynamicRange(new SpiRange(low, high))).hasValueSatisfying(f -> {
			assertThat(f.code().id()).isEqualTo("dynamic-spi-invalid");
			assertThat(f.severity()).isEqualTo(Severity.ERROR);
			assertThat(f.message()).contains(says);
		});
	}

	@ParameterizedTest
	@CsvSource({"256, 256", "300, 300", "300, 2500000", "256, 4294967295"})
	void aDynamicRangeAbove255IsValid(long low, long high) {
		assertThat(SpiCheck.checkDynamicRange(new SpiRange(low, high))).isEmpty();
	}

	@Test
	void spisAreThirtyTwoBitUnsigned() {
		assertThatThrownBy(() -> inbound(-1, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> inbound(0x1_0000_0000L, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SpiRange(300, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
		assertThat(inbound(0xFFFF_FFFFL, 0).spi()).isEqualTo(4294967295L);
	}

	@Test
	void theLowestFreeSpiIsAbove255AndOutsideTheDynamicRange() {
		assertThat(SpiCheck.lowestFreeSpi(Set.of(), HPUX)).hasValue(256);
		assertThat(SpiCheck.lowestFreeSpi(Set.of(256L, 257L, 259L), HPUX)).hasValue(258);
		assertThat(SpiCheck.lowestFreeSpi(LongStream.rangeClosed(256, 299).boxed().collect(Collectors.toSet()), HPUX))
				.hasValue(2_500_001);
		assertThat(SpiCheck.lowestFreeSpi(Set.of(2_500_001L), new SpiRange(256, 2_500_000))).hasValue(2_500_002);
		assertThat(SpiCheck.lowestFreeSpi(Set.of(), new SpiRange(3000, 2000))).hasValue(256);
		assertThat(SpiCheck.lowestFreeSpi(Set.of(), new SpiRange(256, 0xFFFF_FFFFL))).isEqualTo(OptionalLong.empty());
		assertThat(SpiCheck.lowestFreeSpi(Set.of(0xFFFF_FFFFL), new SpiRange(256, 0xFFFF_FFFEL)))
				.isEqualTo(OptionalLong.empty());
		assertThat(SpiCheck.lowestFreeSpi(Set.of(), new SpiRange(256, 0xFFFF_FFFEL))).hasValue(0xFFFF_FFFFL);
	}

	/** The quick fix's SPI, against an oracle that tries every SPI upwards, in a small window of SPIs. */
	@Property(tries = 1000, seed = "20261127")
	void theLowestFreeSpiIsWhatTryingEverySpiFinds(
			@ForAll @Size(max = 40) Set<@LongRange(min = 0, max = 400) Long> used,
			@ForAll @LongRange(min = 0, max = 400) long low, @ForAll @IntRange(min = -20, max = 200) int width) {
		SpiRange range = new SpiRange(low, Math.max(0, low + width));
		long oracle = LongStream.rangeClosed(256, 1000)
				.filter(spi -> !range.contains(spi) && !used.contains(spi))
				.findFirst().orElseThrow();
		assertThat(SpiCheck.lowestFreeSpi(used, range)).hasValue(oracle);
		ManualSpi fixed = inbound(oracle, 99);
		List<ManualSpi> host = used.stream().map(spi -> inbound(spi, 0)).collect(Collectors.toList());
		host.add(fixed);
		assertThat(SpiCheck.check(host, range)).noneMatch(f -> f.index() == 99);
	}
}
