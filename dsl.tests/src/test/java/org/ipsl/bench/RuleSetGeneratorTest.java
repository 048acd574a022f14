package org.ipsl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ipsl.model.Rule;
import org.ipsl.model.region.Region;
import org.junit.jupiter.api.Test;

/** The benchmark's input is what it claims to be: reproducible, with about 5% of rules overlapping earlier ones. */
class RuleSetGeneratorTest {

	@Test
	void sameSeedSameRules() {
		assertThat(RuleSetGenerator.generate(7, 500)).isEqualTo(RuleSetGenerator.generate(7, 500)).hasSize(500);
		assertThat(RuleSetGenerator.generate(7, 500)).isNotEqualTo(RuleSetGenerator.generate(8, 500));
	}

	@Test
	void aboutOneRuleInTwentyOverlapsAnEarlierOne() {
		List<Rule> rules = RuleSetGenerator.generate(20261127L, 3000);
		List<Region> regions = rules.stream().map(rule -> Region.of(rule.selector())).toList();
		int overlapping = 0;
		for (int i = 0; i < regions.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (regions.get(i).overlaps(regions.get(j))) {
					overlapping++;
					break;
				}
			}
		}
		assertThat(overlapping / (double) rules.size()).isBetween(0.04, 0.06);
	}
}
