package org.ipsl.model.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.ipsl.model.Selector;

/**
 * The index finds exactly what comparing the query with every region finds, also when it was made
 * from an earlier index by {@link RegionIndex#replacing} over a sequence of changes (long enough to
 * build a tree again on the way).
 */
class RegionIndexPropertiesTest {

	@Provide
	Arbitrary<Selector> selectors() {
		return TinySpace.selectors();
	}

	@Property(tries = 300)
	void findsExactlyTheOverlappingRegions(@ForAll @Size(max = 80) List<@From("selectors") Selector> indexed,
			@ForAll("selectors") Selector query) {
		List<Region> regions = indexed.stream().map(Region::of).toList();
		Region queryRegion = Region.of(query);
		int[] expected = IntStream.range(0, regions.size()).filter(i -> regions.get(i).overlaps(queryRegion)).toArray();
		assertThat(RegionIndex.of(regions).overlapping(queryRegion)).containsExactly(expected);
	}

	/** Positions to change at one step, as fractions of the list, with their new selectors. */
	record Change(List<Double> at, List<Selector> selectors) {
	}

	@Provide
	Arbitrary<List<Change>> changes() {
		Arbitrary<Change> change = Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(3)
				.flatMap(at -> TinySpace.selectors().list().ofSize(at.size()).map(s -> new Change(at, s)));
		return change.list().ofMaxSize(60);
	}

	@Property(tries = 200)
	void findsExactlyTheOverlappingRegionsAfterReplacements(
			@ForAll @Size(min = 1, max = 200) List<@From("selectors") Selector> indexed,
			@ForAll("changes") List<Change> changes, @ForAll("selectors") Selector query) {
		List<Region> regions = new ArrayList<>(indexed.stream().map(Region::of).toList());
		RegionIndex index = RegionIndex.of(regions);
		Region queryRegion = Region.of(query);
		for (Change change : changes) {
			List<Integer> changed = new ArrayList<>();
			for (int c = 0; c < change.at().size(); c++) {
				int position = (int) (change.at().get(c) * (regions.size() - 1));
				regions.set(position, Region.of(change.selectors().get(c)));
				changed.add(position);
			}
			index = index.replacing(List.copyOf(regions), changed);
			int[] expected = IntStream.range(0, regions.size()).filter(i -> regions.get(i).overlaps(queryRegion))
					.toArray();
			assertThat(index.overlapping(queryRegion)).as("after %s", change).containsExactly(expected);
		}
	}
}
