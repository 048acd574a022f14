package org.ipsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SelectorTest {

	private static final Selector TCP = Selector.ALL.withProtocol(Selector.TCP);

	@Test
	void describesWhatItSelectsLeavingOutAnyEnds() {
		assertThat(TCP.to("198.51.100.0/26").withRemotePorts(PortRange.of(80)).describe())
				.isEqualTo("tcp to 198.51.100.0/26 port 80");
		assertThat(
				TCP.from("192.0.2.0/24").to("198.51.100.0/26").withRemotePorts(new PortRange(1024, 65535)).describe())
				.isEqualTo("tcp from 192.0.2.0/24 to 198.51.100.0/26 port 1024..65535");
		assertThat(Selector.ALL.withProtocol(Selector.UDP).withLocalPorts(PortRange.of(53)).describe())
				.isEqualTo("udp from port 53");
		assertThat(Selector.ALL.withProtocol(Selector.ICMP).withIcmpType(8).to("10.0.0.0/8").describe())
				.isEqualTo("icmp type 8 to 10.0.0.0/8");
		assertThat(Selector.ALL.describe()).isEqualTo("all traffic");
		assertThat(Selector.ALL.from("10.0.0.1", "10.0.0.2", "10.0.0.3").withProtocol(47).describe())
				.isEqualTo("protocol 47 from 10.0.0.1 and 2 more");
		assertThat(Selector.ALL.to("2001:db8::/32").describe()).isEqualTo("traffic to 2001:db8::/32");
	}

	@Test
	void portsOnlyForTcpAndUdpAndTypesOnlyForIcmp() {
		assertThatThrownBy(() -> Selector.ALL.withRemotePorts(PortRange.of(80)))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TCP.withIcmpType(8)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> TCP.withRemotePorts(PortRange.of(80)).withProtocol(Selector.ICMP))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Selector.ALL.withProtocol(256)).isInstanceOf(IllegalArgumentException.class);
		assertThat(Selector.ALL.withProtocol(Selector.ICMPV6).withIcmpType(128).icmpType()).hasValue(128);
	}

	@Test
	void intersectionIsTheSharedSelector() {
		Selector admins = TCP.from("192.0.2.0/25").to("198.51.100.192/26");
		Selector monitoring = TCP.from("192.0.2.0/24").to("198.51.100.192/27");
		assertThat(admins.intersect(monitoring).orElseThrow().describe())
				.isEqualTo("tcp from 192.0.2.0/25 to 198.51.100.192/27");
		assertThat(Selector.ALL.from("10.0.0.0/8").intersect(TCP.withRemotePorts(PortRange.of(22))).orElseThrow())
				.isEqualTo(TCP.from("10.0.0.0/8").withRemotePorts(PortRange.of(22)));
		assertThat(TCP.intersect(Selector.ALL.withProtocol(Selector.UDP))).isEmpty();
		assertThat(TCP.withRemotePorts(PortRange.of(22)).intersect(TCP.withRemotePorts(PortRange.of(23)))).isEmpty();
		assertThat(TCP.to("10.0.0.0/8").intersect(TCP.to("11.0.0.0/8"))).isEmpty();
	}
}
