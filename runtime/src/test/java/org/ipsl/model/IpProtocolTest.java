package org.ipsl.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each side's name of a protocol comes from {@link IpProtocol}; a protocol a side does not name is its number. */
class IpProtocolTest {

	@Test
	void eachSideWritesItsOwnNameOrTheNumber() {
		assertThat(IpProtocol.written(6, IpProtocol::keyword)).isEqualTo("tcp");
		assertThat(IpProtocol.written(6, IpProtocol::hpuxName)).isEqualTo("TCP");
		assertThat(IpProtocol.written(6, IpProtocol::linuxName)).isEqualTo("tcp");
		assertThat(IpProtocol.written(58, IpProtocol::keyword)).isEqualTo("icmpv6");
		assertThat(IpProtocol.written(58, IpProtocol::hpuxName)).isEqualTo("ICMPV6");
		assertThat(IpProtocol.written(58, IpProtocol::linuxName)).isEqualTo("58");
		assertThat(IpProtocol.written(2, IpProtocol::keyword)).isEqualTo("2");
		assertThat(IpProtocol.written(2, IpProtocol::hpuxName)).isEqualTo("IGMP");
		assertThat(IpProtocol.written(47, IpProtocol::hpuxName)).isEqualTo("47");
	}

	@Test
	void theSelectorNamesAndTheTablesAgree() {
		for (IpProtocol protocol : IpProtocol.values()) {
			assertThat(IpProtocol.byNumber(protocol.number())).containsSame(protocol);
			assertThat(IpProtocol.byHpuxName(protocol.hpuxName())).containsSame(protocol);
			assertThat(Selector.protocolName(protocol.number()))
					.isEqualTo(protocol.keyword() != null ? protocol.keyword() : "protocol " + protocol.number());
		}
		assertThat(Selector.protocolName(Selector.ANY)).isEqualTo("any");
		assertThat(IpProtocol.byKeyword("tcp")).contains(IpProtocol.TCP);
		assertThat(IpProtocol.byHpuxName("tcp")).isEmpty();
	}
}
