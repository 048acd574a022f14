package org.ipsl.analysis.ikev2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ipsl.model.IpRange;
import org.junit.jupiter.api.Test;

class IkeTrafficSelectorTest {

	@Test
	void printedAsSwanctlPrintsThem() {
		assertThat(IkeTrafficSelector.of("10.1.0.0/16")).hasToString("10.1.0.0/16");
		assertThat(IkeTrafficSelector.of("192.168.0.100")).hasToString("192.168.0.100/32");
		assertThat(IkeTrafficSelector
				.of(new IpRange(IpRange.parseAddress("10.1.0.10"), IpRange.parseAddress("10.1.0.20"))))
				.hasToString("10.1.0.10..10.1.0.20");
		assertThat(IkeTrafficSelector.of("fec1::/16")).hasToString("fec1::/16");
		assertThat(IkeTrafficSelector.of("10.1.0.0/16").withProtocol(6).withPorts(22, 22))
				.hasToString("10.1.0.0/16[tcp/ssh]");
		assertThat(IkeTrafficSelector.of("10.1.0.0/16").withProtocol(6).withPorts(21, 22))
				.hasToString("10.1.0.0/16[tcp/21-22]");
		assertThat(IkeTrafficSelector.of("10.1.0.0/16").withProtocol(6)).hasToString("10.1.0.0/16[tcp]");
		assertThat(IkeTrafficSelector.of("10.1.0.0/16").withProtocol(1).withPorts(8 << 8, 8 << 8))
				.hasToString("10.1.0.0/16[icmp/8]");
		assertThat(IkeTrafficSelector.of("10.1.0.0/16").withPorts(80, 80)).hasToString("10.1.0.0/16[0/http]");
	}

	@Test
	void narrowingIntersectsEveryConfiguredWithEveryProposedSelector() {
		List<IkeTrafficSelector> configured = List.of(IkeTrafficSelector.of("10.1.0.0/24"),
				IkeTrafficSelector.of("10.3.0.0/24"));
		assertThat(IkeTrafficSelector.narrow(configured, List.of(IkeTrafficSelector.of("10.1.0.0/16"))))
				.containsExactly(IkeTrafficSelector.of("10.1.0.0/24"));
		assertThat(IkeTrafficSelector.narrow(List.of(IkeTrafficSelector.of("10.0.0.0/8")),
				List.of(IkeTrafficSelector.of("10.1.0.0/16"), IkeTrafficSelector.of("10.1.2.0/24"))))
				.as("a selector another contains is dropped").containsExactly(IkeTrafficSelector.of("10.1.0.0/16"));
		assertThat(IkeTrafficSelector.narrow(List.of(IkeTrafficSelector.of("10.1.0.0/16").withProtocol(17)),
				List.of(IkeTrafficSelector.of("10.1.0.0/24").withProtocol(6)))).isEmpty();
		IkeTrafficSelector web = IkeTrafficSelector.of("10.1.0.0/16").withProtocol(6).withPorts(80, 80);
		assertThat(IkeTrafficSelector.narrow(List.of(IkeTrafficSelector.of("10.1.0.0/24")), List.of(web)))
				.containsExactly(IkeTrafficSelector.of("10.1.0.0/24").withProtocol(6).withPorts(80, 80));
		assertThat(IkeTrafficSelector.narrow(List.of(IkeTrafficSelector.of("10.1.0.0/16")),
				List.of(IkeTrafficSelector.of("fec1::/16")))).isEmpty();
	}
}
