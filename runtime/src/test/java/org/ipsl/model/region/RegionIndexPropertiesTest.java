package org.ipsl.model.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.ipsl.model.Selector;

/** The index finds exactly what comparing the query with every region finds. */
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
}
