package org.ipsl.model.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.junit.jupiter.api.Test;

class RegionTest {

	private static final Selector TCP = Selector.ALL.withProtocol(Selector.TCP);
	private static final BigInteger PORTS = BigInteger.valueOf(65536);
	private static final BigInteger TYPES = BigInteger.valueOf(256);
	private static final BigInteger PROTOCOLS = BigInteger.valueOf(256);
	/** Packets of one protocol between two given addresses: every port pair and ICMP type. */
	private static final BigInteger PER_PROTOCOL = PORTS.multiply(PORTS).multiply(TYPES);

	private static Packet tcp(String source, String destination, int destinationPort) {
		return Packet.of(source, destination, Selector.TCP, 40000, destinationPort, 0);
	}

	@Test
	void anyToAnyHoldsOnlyPacketsOfOneFamily() {
		Region all = Region.of(Selector.ALL);
		assertThat(all.contains(tcp("10.0.0.1", "192.0.2.1", 80))).isTrue();
		assertThat(all.contains(tcp("2001:db8::1", "::1", 80))).isTrue();
		assertThat(all.contains(tcp("10.0.0.1", "2001:db8::1", 80))).isFalse();
		assertThat(all.contains(tcp("2001:db8::1", "10.0.0.1", 80))).isFalse();
		BigInteger v4 = IpRange.IPV4.size();
		BigInteger v6 = BigInteger.ONE.shiftLeft(128).subtract(v4);
		BigInteger pairs = v4.multiply(v4).add(v6.multiply(v6));
		assertThat(all.size()).isEqualTo(pairs.multiply(PROTOCOLS).multiply(PER_PROTOCOL));
	}

	@Test
	void anAnyEndTakesTheFamilyOfTheOtherEnd() {
		Region fromV4 = Region.of(Selector.ALL.from("10.0.0.0/8"));
		assertThat(fromV4.contains(tcp("10.1.1.1", "192.0.2.1", 80))).isTrue();
		assertThat(fromV4.contains(tcp("10.1.1.1", "2001:db8::1", 80))).isFalse();
		Region toV6 = Region.of(Selector.ALL.to("2001:db8::/32"));
		assertThat(toV6.contains(tcp("fe80::1", "2001:db8::1", 80))).isTrue();
		assertThat(toV6.contains(tcp("10.1.1.1", "2001:db8::1", 80))).isFalse();
		Region dualStack = Region.of(Selector.ALL.from("10.0.0.1", "2001:db8::1"));
		assertThat(dualStack.contains(tcp("10.0.0.1", "192.0.2.1", 80))).isTrue();
		assertThat(dualStack.contains(tcp("2001:db8::1", "fe80::1", 80))).isTrue();
		assertThat(dualStack.contains(tcp("10.0.0.1", "fe80::1", 80))).isFalse();
	}

	@Test
	void endsOfTwoFamiliesSelectNothing() {
		assertThat(Region.of(Selector.ALL.from("10.0.0.0/8").to("2001:db8::/32")).isEmpty()).isTrue();
	}

	@Test
	void overlappingPrefixesInOneEndAreCountedOnce() {
		Region region = Region.of(TCP.from("10.0.0.0/24", "10.0.0.128/25", "10.0.1.0/24").to("192.0.2.1"));
		assertThat(region.size()).isEqualTo(BigInteger.valueOf(512).multiply(PER_PROTOCOL));
	}

	@Test
	void portsAndTypesNest() {
		Region any = Region.of(Selector.ALL.from("10.0.0.0/8"));
		Region tcp = Region.of(TCP.from("10.0.0.0/8"));
		Region http = Region.of(TCP.from("10.0.0.0/8").withRemotePorts(PortRange.of(80)));
		Region ping = Region.of(Selector.ALL.withProtocol(Selector.ICMP).from("10.0.0.0/8").withIcmpType(8));
		assertThat(any.contains(tcp)).isTrue();
		assertThat(tcp.contains(http)).isTrue();
		assertThat(http.contains(tcp)).isFalse();
		assertThat(any.contains(ping)).isTrue();
		assertThat(tcp.overlaps(ping)).isFalse();
		assertThat(ping.contains(Packet.of("10.0.0.1", "10.0.0.2", Selector.ICMP, 7, 9, 8))).isTrue();
		assertThat(ping.contains(Packet.of("10.0.0.1", "10.0.0.2", Selector.ICMP, 7, 9, 0))).isFalse();
	}

	@Test
	void subtractingCutsExactly() {
		Region tcp = Region.of(TCP.to("198.51.100.0/26"));
		Region http = Region.of(TCP.to("198.51.100.0/26").withRemotePorts(PortRange.of(80)));
		Region rest = tcp.subtract(http);
		assertThat(rest.contains(tcp("10.0.0.1", "198.51.100.1", 80))).isFalse();
		assertThat(rest.contains(tcp("10.0.0.1", "198.51.100.1", 79))).isTrue();
		assertThat(rest.contains(tcp("10.0.0.1", "198.51.100.1", 81))).isTrue();
		assertThat(rest.size()).isEqualTo(tcp.size().subtract(http.size()));
		assertThat(rest.union(http).contains(tcp)).isTrue();
		assertThat(rest.overlaps(http)).isFalse();
		assertThat(rest.intersect(http).isEmpty()).isTrue();
	}

	@Test
	void protocolsWithoutPortsFillTheRestOfAny() {
		Region any = Region.of(Selector.ALL);
		Region rest = any.subtract(Region.of(TCP)).subtract(Region.of(Selector.ALL.withProtocol(Selector.UDP)));
		assertThat(rest.contains(Packet.of("10.0.0.1", "10.0.0.2", 47, 0, 0, 0))).isTrue();
		assertThat(rest.contains(tcp("10.0.0.1", "10.0.0.2", 22))).isFalse();
		assertThat(rest.union(Region.of(TCP)).union(Region.of(Selector.ALL.withProtocol(Selector.UDP))).contains(any))
				.isTrue();
		assertThat(rest.size()).isEqualTo(any.size().multiply(BigInteger.valueOf(254)).divide(PROTOCOLS));
	}

	@Test
	void boundsAtWordEdgesCarry() {
		// The low 64-bit word of ::ffff:ffff:ffff:ffff is all ones: the addresses around it carry into the high word.
		String edge = "::ffff:ffff:ffff:ffff";
		Region all = Region.of(Selector.ALL.to("::/0"));
		Region rest = all.subtract(Region.of(Selector.ALL.to(edge)));
		assertThat(rest.contains(tcp("2001:db8::1", edge, 1))).isFalse();
		assertThat(rest.contains(tcp("2001:db8::1", "::ffff:ffff:ffff:fffe", 1))).isTrue();
		assertThat(rest.contains(tcp("2001:db8::1", "0:0:0:1::", 1))).isTrue();
		Region fromMax = Region
				.of(TCP.from("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").withLocalPorts(new PortRange(0, 65535)));
		Region cut = fromMax.subtract(Region.of(TCP.withLocalPorts(PortRange.of(0))))
				.subtract(Region.of(TCP.withLocalPorts(PortRange.of(65535))));
		Packet middle = Packet.of("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::2", Selector.TCP, 1, 1, 0);
		assertThat(cut.contains(middle)).isTrue();
		assertThat(cut.size()).isEqualTo(fromMax.size().multiply(BigInteger.valueOf(65534)).divide(PORTS));
	}

	@Test
	void emptyRegionBehaves() {
		Region tcp = Region.of(TCP);
		assertThat(Region.EMPTY.isEmpty()).isTrue();
		assertThat(Region.EMPTY.size()).isZero();
		assertThat(tcp.contains(Region.EMPTY)).isTrue();
		assertThat(Region.EMPTY.contains(tcp)).isFalse();
		assertThat(tcp.subtract(tcp).isEmpty()).isTrue();
		assertThat(tcp.union(Region.EMPTY).contains(tcp)).isTrue();
		assertThat(Region.EMPTY.overlaps(tcp)).isFalse();
	}

	@Test
	void indexFindsTheOverlappingRegions() {
		List<Region> regions = List.of(
				Region.of(TCP.from("10.0.0.0/8")),
				Region.of(TCP.from("10.1.0.0/16").withRemotePorts(PortRange.of(22))),
				Region.of(Selector.ALL.withProtocol(Selector.UDP).from("10.1.0.0/16")),
				Region.of(Selector.ALL.to("2001:db8::/32")));
		RegionIndex index = RegionIndex.of(regions);
		assertThat(index.overlapping(Region.of(TCP.from("10.1.2.3")))).containsExactly(0, 1);
		assertThat(index.overlapping(Region.of(Selector.ALL.from("10.1.2.3")))).containsExactly(0, 1, 2);
		assertThat(index.overlapping(Region.of(Selector.ALL.from("::1")))).containsExactly(3);
		assertThat(index.overlapping(Region.of(Selector.ALL.from("192.0.2.1")))).isEmpty();
		assertThat(RegionIndex.of(List.of()).overlapping(Region.of(Selector.ALL))).isEmpty();
	}
}
