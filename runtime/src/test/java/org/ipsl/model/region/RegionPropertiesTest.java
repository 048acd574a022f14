package org.ipsl.model.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.ipsl.model.Selector;

/** The region algebra against brute-force enumeration of every packet of {@link TinySpace}. */
class RegionPropertiesTest {

	enum Operation {
		INTERSECT, SUBTRACT, UNION
	}

	@Provide
	Arbitrary<Selector> selectors() {
		return TinySpace.selectors();
	}

	@Provide
	Arbitrary<List<Operation>> operations() {
		return Arbitraries.of(Operation.class).list().ofSize(4);
	}

	@Property(tries = 300)
	void selectorRegionsHoldExactlyTheSelectedPackets(@ForAll("selectors") Selector selector) {
		assertSameSet(Region.of(selector), packetsOf(selector));
	}

	@Property(tries = 300)
	void operationsAgreeWithSetsOfPackets(@ForAll @Size(5) List<@From("selectors") Selector> selectors,
			@ForAll("operations") List<Operation> operations) {
		Region region = Region.of(selectors.get(0));
		BitSet packets = packetsOf(selectors.get(0));
		for (int i = 0; i < operations.size(); i++) {
			Region operand = Region.of(selectors.get(i + 1));
			BitSet operandPackets = packetsOf(selectors.get(i + 1));
			assertThat(region.overlaps(operand)).isEqualTo(packets.intersects(operandPackets));
			assertThat(region.contains(operand)).isEqualTo(isSubset(operandPackets, packets));
			assertThat(operand.contains(region)).isEqualTo(isSubset(packets, operandPackets));
			assertSizeIdentities(region, operand);
			switch (operations.get(i)) {
				case INTERSECT -> {
					region = region.intersect(operand);
					packets.and(operandPackets);
				}
				case SUBTRACT -> {
					region = region.subtract(operand);
					packets.andNot(operandPackets);
				}
				case UNION -> {
					region = region.union(operand);
					packets.or(operandPackets);
				}
			}
			assertSameSet(region, packets);
		}
	}

	@Property(tries = 300)
	void firstMatchGivesEachPacketToTheFirstRegionHoldingIt(@ForAll("selectors") Selector start,
			@ForAll @Size(max = 40) List<@From("selectors") Selector> inOrder) {
		BitSet unmatched = packetsOf(start);
		Set<Integer> takers = new TreeSet<>();
		Region union = Region.EMPTY;
		for (int position = 0; position < inOrder.size(); position++) {
			BitSet selected = packetsOf(inOrder.get(position));
			if (unmatched.intersects(selected)) {
				takers.add(position);
			}
			unmatched.andNot(selected);
			union = union.union(Region.of(inOrder.get(position)));
		}
		Region whole = Region.of(start);
		List<Region> regions = inOrder.stream().map(Region::of).toList();
		FirstMatch match = whole.firstMatches(regions);
		assertThat(match.takers()).containsExactlyElementsOf(takers);
		assertSameSet(match.unmatched(), unmatched);
		assertSameSet(whole.subtractAll(regions), unmatched);
		assertSameSet(whole.subtract(union), unmatched);
	}

	/** A packet is in the mirror of a region exactly when the packet seen from the other end is in the region. */
	@Property(tries = 300)
	void mirroringSwapsEndsAndPorts(@ForAll @Size(2) List<@From("selectors") Selector> selectors) {
		Region region = Region.of(selectors.get(0)).subtract(Region.of(selectors.get(1)));
		BitSet mirrored = new BitSet();
		for (int i = 0; i < TinySpace.PACKETS.size(); i++) {
			if (region.contains(TinySpace.PACKETS.get(i).mirrored())) {
				mirrored.set(i);
			}
		}
		assertSameSet(region.mirrored(), mirrored);
		Region ofMirroredSelector = Region.of(selectors.get(0).mirrored());
		Region mirroredRegion = Region.of(selectors.get(0)).mirrored();
		assertThat(ofMirroredSelector.contains(mirroredRegion) && mirroredRegion.contains(ofMirroredSelector)).isTrue();
	}

	/** |A ∪ B| + |A ∩ B| = |A| + |B| and |A − B| = |A| − |A ∩ B|: sizes count disjoint boxes right. */
	private static void assertSizeIdentities(Region a, Region b) {
		BigInteger shared = a.intersect(b).size();
		assertThat(a.union(b).size().add(shared)).isEqualTo(a.size().add(b.size()));
		assertThat(a.subtract(b).size()).isEqualTo(a.size().subtract(shared));
	}

	private static void assertSameSet(Region region, BitSet packets) {
		for (int i = 0; i < TinySpace.PACKETS.size(); i++) {
			if (region.containsPoint(TinySpace.POINTS.get(i)) != packets.get(i)) {
				Packet packet = TinySpace.PACKETS.get(i);
				assertThat(region.contains(packet)).as("%s in %s", packet, region).isEqualTo(packets.get(i));
			}
		}
		assertThat(region.isEmpty()).isEqualTo(packets.isEmpty());
	}

	private static BitSet packetsOf(Selector selector) {
		BitSet packets = new BitSet();
		for (int i = 0; i < TinySpace.PACKETS.size(); i++) {
			if (TinySpace.selects(selector, TinySpace.PACKETS.get(i))) {
				packets.set(i);
			}
		}
		return packets;
	}

	private static boolean isSubset(BitSet part, BitSet whole) {
		BitSet outside = (BitSet) part.clone();
		outside.andNot(whole);
		return outside.isEmpty();
	}
}
