package org.ipsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class IpRangeTest {

	@Test
	void ipv4IsMappedIntoTheIpv4MappedBlock() {
		IpRange address = IpRange.parse("10.1.1.10");
		assertThat(address.first()).isEqualTo(new BigInteger("ffff0a01010a", 16));
		assertThat(address.last()).isEqualTo(address.first());
		assertThat(address.isIpv4()).isTrue();
		assertThat(IpRange.parse("::ffff:10.1.1.10")).isEqualTo(address);
	}

	@Test
	void prefixesCoverTheirWholeBlock() {
		IpRange prefix = IpRange.parse("10.1.0.0/16");
		assertThat(prefix.size()).isEqualTo(BigInteger.valueOf(65536));
		assertThat(prefix.contains(IpRange.parse("10.1.255.255"))).isTrue();
		assertThat(prefix.contains(IpRange.parse("10.2.0.0"))).isFalse();
		assertThat(IpRange.parse("10.1.7.9/16")).isEqualTo(prefix);
		assertThat(IpRange.parse("0.0.0.0/0")).isEqualTo(IpRange.IPV4);
	}

	@Test
	void ipv6PrefixesAndCompression() {
		IpRange prefix = IpRange.parse("2001:db8::/32");
		assertThat(prefix.first()).isEqualTo(new BigInteger("20010db8", 16).shiftLeft(96));
		assertThat(prefix.size()).isEqualTo(BigInteger.ONE.shiftLeft(96));
		assertThat(prefix.isIpv6()).isTrue();
		assertThat(IpRange.parse("::1").first()).isEqualTo(BigInteger.ONE);
		assertThat(IpRange.parse("::").first()).isEqualTo(BigInteger.ZERO);
		assertThat(IpRange.parse("1:2:3:4:5:6:7:8").first())
				.isEqualTo(new BigInteger("00010002000300040005000600070008", 16));
		assertThat(IpRange.parse("::/0")).isEqualTo(IpRange.ALL);
	}

	@Test
	void familiesNeverOverlap() {
		assertThat(IpRange.IPV4.overlaps(IpRange.IPV6.get(0))).isFalse();
		assertThat(IpRange.IPV4.overlaps(IpRange.IPV6.get(1))).isFalse();
		BigInteger total = IpRange.IPV4.size().add(IpRange.IPV6.get(0).size()).add(IpRange.IPV6.get(1).size());
		assertThat(total).isEqualTo(BigInteger.ONE.shiftLeft(128));
	}

	@Test
	void textRoundTrips() {
		SoftAssertions softly = new SoftAssertions();
		for (String text : new String[]{"10.1.0.0/16", "10.1.1.10", "0.0.0.0/0", "2001:db8::/32", "::1", "::",
				"fe80::/10",
				"2001:db8:0:1::/64", "1:0:0:2::3", "2001:db8::1:0:0:1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"}) {
			softly.assertThat(IpRange.parse(text)).hasToString(text);
		}
		softly.assertAll();
	}

	@Test
	void rangesThatAreNotPrefixesPrintBothEnds() {
		IpRange range = new IpRange(IpRange.parse("10.0.0.1").first(), IpRange.parse("10.0.0.6").first());
		assertThat(range).hasToString("10.0.0.1..10.0.0.6");
	}

	@Test
	void formatFollowsRfc5952() {
		assertThat(IpRange.parse("2001:0db8:0000:0000:0001:0000:0000:0001")).hasToString("2001:db8::1:0:0:1");
		assertThat(IpRange.parse("2001:DB8:0:0:1::1")).hasToString("2001:db8::1:0:0:1");
		assertThat(IpRange.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
	}

	@Test
	void badTextIsRejected() {
		SoftAssertions softly = new SoftAssertions();
		for (String text : new String[]{"", "10.1.1", "10.1.1.256", "10.1.1.1/33", "10.1.1.1/", "10.1.1.1/-1",
				"10..1.1",
				"1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:2:3:4:5:6:7::8", "::/129", "g::", "1.2.3.4::", "::1.2.3",
				"10.1.1.+1", "host"}) {
			softly.assertThatThrownBy(() -> IpRange.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
		}
		softly.assertAll();
	}

	@Test
	void intersection() {
		IpRange wide = IpRange.parse("10.0.0.0/8");
		IpRange narrow = IpRange.parse("10.1.0.0/16");
		assertThat(wide.intersect(narrow)).contains(narrow);
		assertThat(narrow.intersect(IpRange.parse("11.0.0.0/8"))).isEmpty();
	}
}
