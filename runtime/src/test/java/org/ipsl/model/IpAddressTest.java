package org.ipsl.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The one address parser: what it reads, what it says of what it refuses, and that {@link IpRange}
 * sees the same addresses through it.
 */
class IpAddressTest {

	@Test
	void readsAddressesAndPrefixesOfBothFamilies() {
		IpAddress v4 = IpAddress.parse("10.1.2.0/24").value();
		assertThat(v4.isV4()).isTrue();
		assertThat(v4.bytes()).containsExactly(10, 1, 2, 0);
		assertThat(v4.prefixLength()).isEqualTo(24);
		assertThat(IpAddress.parse("10.1.2.3").value().isHost()).isTrue();
		IpAddress v6 = IpAddress.parse("2001:db8::1:0/112").value();
		assertThat(v6.isV4()).isFalse();
		assertThat(v6.prefixLength()).isEqualTo(112);
		assertThat(v6.bytes()).containsExactly(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
		// IPv4-mapped stays IPv6 as written; IpRange maps IPv4 into the same block, so the two meet there.
		IpAddress mapped = IpAddress.parse("::ffff:10.1.1.10").value();
		assertThat(mapped.isV4()).isFalse();
		assertThat(IpRange.of(mapped)).isEqualTo(IpRange.parse("10.1.1.10"));
	}

	@Test
	void eachMistakeIsNamed() {
		assertThat(IpAddress.parse("10.1.1").error())
				.isEqualTo("'10.1.1' is not an IPv4 address (four octets a.b.c.d)");
		assertThat(IpAddress.parse("10.1.1.300").error()).isEqualTo("octet 300 of 10.1.1.300 is above 255");
		assertThat(IpAddress.parse("10.1.1.1/33").error()).isEqualTo("prefix /33 is longer than 32 bits");
		assertThat(IpAddress.parse("10.1.1.1/x").error()).isEqualTo("'x' is not a prefix length");
		assertThat(IpAddress.parse("1::2::3").error()).isEqualTo("'1::2::3' is not an IPv6 address");
		assertThat(IpAddress.parse("1:2:3:4:5:6:7::8").error()).isEqualTo("'1:2:3:4:5:6:7::8' is not an IPv6 address");
		assertThat(IpAddress.parse("::1.2.3").ok()).isFalse();
		assertThat(IpAddress.parse(null).error()).isEqualTo("no address");
	}

	/** Every IPv6 address, in the JDK's full form and in RFC 5952's short one, reads as the bytes it was made of. */
	@Property(tries = 300)
	void ipv6LiteralsReadAsTheJdkReadsThem(@ForAll @Size(16) byte[] bytes,
			@ForAll @IntRange(min = 0, max = 128) int length)
			throws UnknownHostException {
		String text = InetAddress.getByAddress(bytes).getHostAddress();
		if (text.indexOf(':') < 0)
			return; // the JDK prints IPv4-mapped addresses as IPv4
		IpAddress address = IpAddress.parse(text + "/" + length).value();
		assertThat(address.bytes()).isEqualTo(bytes);
		BigInteger first = IpRange.of(address).first();
		assertThat(first).isEqualTo(new BigInteger(1, bytes).shiftRight(128 - length).shiftLeft(128 - length));
		String compressed = IpRange.format(new BigInteger(1, bytes));
		assertThat(IpAddress.parse(compressed).value().bytes()).as(compressed).isEqualTo(bytes);
	}
}
